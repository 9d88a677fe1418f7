using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Eligibility;

namespace Portal.Tests.Cluster;

/// <summary>
/// What a server remembers on its own is stale on the others for a stated time at most: a centre's API key revoked on
/// one server stops working there at once and on every other server within <c>Eligibility:ApiKeyCacheSeconds</c> (60).
/// </summary>
[Collection(TwoServersCollection.Name)]
public sealed class CacheBoundTests(TwoServers servers)
{
    private static async Task<InquiryApiKeys.Holder?> FindOnAsync(PortalFactory server, string secret)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InquiryApiKeys>().FindAsync(secret);
    }

    private static async Task<HttpStatusCode> InquireOnAsync(PortalFactory server, string secret)
    {
        var client = server.Client();
        client.DefaultRequestHeaders.Add(InquiryApiKey.Header, secret);
        return (await client.PostAsJsonAsync("/api/v1/eligibility/general", new { nationalId = "0012345678" })).StatusCode;
    }

    [Fact]
    public async Task ApiKeyRevokedOnA_IsRefusedOnAAtOnce_AndOnBOnceTheBoundHasPassed()
    {
        var bound = servers.B.Services.GetRequiredService<InquiryApiKeys.CacheOptions>().For;
        Assert.Equal(TimeSpan.FromSeconds(60), bound);
        var keys = await servers.A.AsAsync<InquiryApiKeys>("kerman.treatment");
        var secret = await keys.IssueAsync("MC-08-01");
        Assert.NotNull(await FindOnAsync(servers.A, secret));
        Assert.NotNull(await FindOnAsync(servers.B, secret)); // B now remembers it

        await keys.RevokeAsync((await keys.ListAsync()).First(k => secret.StartsWith(k.Prefix)).Id);

        Assert.Null(await FindOnAsync(servers.A, secret));
        Assert.Equal(HttpStatusCode.Unauthorized, await InquireOnAsync(servers.A, secret));
        // B's clock also runs with the wall's: on a busy machine the steps above take seconds, so "within" is half the
        // bound after them, not a second short of it.
        servers.B.Clock.Advance(bound / 2);
        Assert.NotNull(await FindOnAsync(servers.B, secret)); // within the bound B may still take it
        servers.B.Clock.Advance(bound / 2);
        Assert.Null(await FindOnAsync(servers.B, secret));
        Assert.Equal(HttpStatusCode.Unauthorized, await InquireOnAsync(servers.B, secret));
    }
}
