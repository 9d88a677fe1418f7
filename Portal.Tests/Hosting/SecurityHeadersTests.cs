using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Portal.Tests.Hosting;

/// <summary>The headers every answer carries: a page, a stored file's download and an API's answer.</summary>
public sealed class SecurityHeadersTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static void AssertHardened(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]+';", csp);
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.Contains("connect-src 'self' ws://localhost wss://localhost", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Page_CarriesTheSecurityHeaders_AndItsImportMapTheNonce()
    {
        var response = await portal.Client().GetAsync("/account/login");

        AssertHardened(response);
        var nonce = System.Text.RegularExpressions.Regex.Match(
            response.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", html);
    }

    [Fact]
    public async Task StoredFileDownload_IsAnAttachment_WithTheSecurityHeaders()
    {
        var review = await PortalFactory.SignedInClientAsync(portal, "kerman.review");
        var id = await Circulars.CircularsEndpointTests.UploadedCircularAsync(review, "بخشنامه سرآیندها");

        var response = await review.GetAsync($"/circulars/{id}/file");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHardened(response);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Fact]
    public async Task SecurityHeaders_OnAnApiAnswer_AreAllPresent()
    {
        var response = await portal.Client().PostAsJsonAsync("/api/v1/eligibility/personal", new { nationalId = "1", mobile = "2" });

        Assert.True((int)response.StatusCode < 500);
        AssertHardened(response);
    }

    [Fact]
    public async Task SecurityHeaders_OnANotFoundAnswer_AreAllPresent() =>
        AssertHardened(await portal.Client().GetAsync("/no-such-page"));

    [Fact]
    public void Kestrel_ServerHeaderOption_IsOff() =>
        Assert.False(portal.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
}

/// <summary>Served over HTTPS outside Development: HSTS, and every cookie Secure.</summary>
public sealed class HttpsTests(HttpsTests.StagingPortal portal) : IClassFixture<HttpsTests.StagingPortal>
{
    private readonly PortalFactory _portal = portal;

    public sealed class StagingPortal : PortalFactory
    {
        public StagingPortal() => Environment = "Staging";
    }

    private HttpClient Client(string scheme) => _portal.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri($"{scheme}://portal.example"), AllowAutoRedirect = false,
    });

    [Fact]
    public async Task OverHttps_Hsts_AndSecureCookies()
    {
        await _portal.SeededAsync();
        var client = Client("https");

        var signIn = await PortalFactory.SignInAsync(client, "kerman.agency.manager");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("max-age=", Assert.Single(signIn.Headers.GetValues("Strict-Transport-Security")));
        var cookies = signIn.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("portal.auth="));
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Hsts_OverPlainHttp_IsNotSent()
    {
        var response = await Client("http").GetAsync("/account/login");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}

/// <summary>Behind a known proxy, per-address limits count the client the proxy names, not the proxy.</summary>
public sealed class ForwardedHeadersTests : IDisposable
{
    private const string Proxy = "10.0.0.5";
    private readonly BehindProxyFactory _portal = new()
    {
        Settings =
        {
            ["Network:KnownProxies:0"] = Proxy,
            ["Eligibility:Personal:PerIpPermits"] = "1",
            ["Eligibility:Personal:MinimumStartTime"] = "00:00:00",
        },
    };

    public void Dispose() => _portal.Dispose();

    private async Task<HttpStatusCode> PostFromAsync(string client)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/eligibility/personal") { Content = JsonContent.Create(new { nationalId = "1", mobile = "2" }) };
        request.Headers.Add("X-Forwarded-For", client);
        return (await _portal.Client().SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task RateLimits_TwoClientsBehindTheProxy_AreCountedApart()
    {
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await PostFromAsync("203.0.113.7"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await PostFromAsync("203.0.113.8"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostFromAsync("203.0.113.7"));
    }

    /// <summary>Every request arrives from the proxy's address, as it would on the server behind it.</summary>
    private sealed class BehindProxyFactory : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddTransient<IStartupFilter, FromProxy>());
        }
    }

    private sealed class FromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, call) =>
            {
                ctx.Connection.RemoteIpAddress = IPAddress.Parse(Proxy);
                return call(ctx);
            });
            next(app);
        };
    }
}
