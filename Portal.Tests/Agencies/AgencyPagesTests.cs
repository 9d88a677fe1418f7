using System.Net;

namespace Portal.Tests.Agencies;

/// <summary>Scope by URL: another province's agency or training session reads as "not found", never as a page.</summary>
public sealed class AgencyPagesTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await factory.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("kerman.generaloffice", "AG-08001", HttpStatusCode.OK)]
    [InlineData("golestan.generaloffice", "AG-08001", HttpStatusCode.NotFound)]
    [InlineData("kerman.agency.manager", "AG-08001", HttpStatusCode.OK)]
    [InlineData("kerman.agency.manager", "AG-08002", HttpStatusCode.NotFound)]
    [InlineData("golestan.treatment", "AG-08002", HttpStatusCode.NotFound)]
    [InlineData("headoffice", "AG-27002", HttpStatusCode.OK)]
    public async Task AgencyPage_ByUrl_IsFoundOnlyInsideScope(string user, string code, HttpStatusCode expected)
    {
        var client = await PortalFactory.SignedInClientAsync(factory, user);
        var response = await client.GetAsync($"/agencies/{await Acting.AgencyIdAsync(factory, code)}");
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK) Assert.Contains(code, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TrainingSessionPage_OfAnotherProvince_IsNotFound()
    {
        int kermanSession;
        await using (var db = Acting.SystemDb(factory))
            kermanSession = db.TrainingSessions.Where(s => s.ReviewOffice.Code == "RO-08-1").Select(s => s.Id).First();
        Assert.Equal(HttpStatusCode.OK, (await (await PortalFactory.SignedInClientAsync(factory, "kerman.review")).GetAsync($"/rollout/training/{kermanSession}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await PortalFactory.SignedInClientAsync(factory, "golestan.review")).GetAsync($"/rollout/training/{kermanSession}")).StatusCode);
    }

    [Theory]
    [InlineData("kerman.agency.user", "/agencies/notices")]
    [InlineData("kerman.agency.manager", "/rollout")]
    [InlineData("kerman.governor", "/agencies")]
    public async Task AgencyPages_OutsideTheRole_AreForbidden(string user, string path)
    {
        var client = await PortalFactory.SignedInClientAsync(factory, user);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.ToString());
    }
}
