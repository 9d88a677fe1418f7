using System.Net;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Security;
using Portal.Domain.Users;
using Portal.Domain.SignIn;

namespace Portal.Tests.SignIn;

/// <summary>Sessions end on the server: signing out, and the absolute lifetime, refuse a cookie that is still well-formed.</summary>
public sealed class SessionTests(AddressedPortal portal) : IClassFixture<AddressedPortal>, IAsyncLifetime
{
    private readonly AddressedPortal _portal = portal;

    public async Task InitializeAsync() => await _portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<string> SignInCookieAsync(HttpClient client, string userName)
    {
        var response = await PortalFactory.SignInAsync(client, userName);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("portal.auth="));
        return cookie[..cookie.IndexOf(';')];
    }

    private async Task<HttpResponseMessage> ReplayAsync(string cookie, string url = "/offset")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await _portal.Client().SendAsync(request);
    }

    [Fact]
    public async Task SignOut_ACookieKeptFromBefore_GetsTheSignInPage()
    {
        var browser = _portal.Client();
        var kept = await SignInCookieAsync(browser, "kerman.generaloffice");
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(kept)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/account/logout", null)).StatusCode);

        var replayed = await ReplayAsync(kept);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/login", replayed.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SignOut_InOneBrowser_LeavesTheUsersOtherBrowserSignedIn()
    {
        var office = _portal.Client();
        await SignInCookieAsync(office, "kerman.generaloffice");
        var laptop = await SignInCookieAsync(_portal.Client(), "kerman.generaloffice");

        await office.PostAsync("/account/logout", null);

        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(laptop)).StatusCode);
    }

    [Fact]
    public async Task AbsoluteLifetime_CookieThatKeptSliding_IsRefused()
    {
        var client = _portal.Client(); // keeps the cookie the portal renews as the session slides
        await SignInCookieAsync(client, "kerman.generaloffice");
        foreach (var hours in new[] { 5, 5 }) // 10 h of use, never 8 h idle: the sliding expiry alone would keep it
        {
            _portal.Clock.Advance(TimeSpan.FromHours(hours));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/offset")).StatusCode);
        }

        _portal.Clock.Advance(TimeSpan.FromHours(2.5)); // 12.5 h after signing in, 2.5 h after the last renewal

        var response = await client.GetAsync("/offset");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task OpenCircuit_OfASignedOutSession_LosesAccessAtItsNextRevalidation()
    {
        var browser = _portal.Client();
        await SignInCookieAsync(browser, "kerman.generaloffice");
        var (principal, session) = await CircuitUserAsync("kerman.generaloffice");
        Assert.True(await RevalidateAsync(principal));

        await using (var scope = _portal.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SignInGuard>().EndSessionAsync(session);

        Assert.False(await RevalidateAsync(principal));
    }

    /// <summary>The principal an open circuit holds: the user's claims as signed in, with the latest session's id.</summary>
    private async Task<(ClaimsPrincipal, Guid)> CircuitUserAsync(string userName)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        await using var db = Acting.SystemDb(_portal);
        var session = await db.SignInSessions.Where(s => s.UserId == user.Id).OrderByDescending(s => s.StartedAt).Select(s => s.Id).FirstAsync();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(PortalClaims.Session, session.ToString()));
        return (principal, session);
    }

    private async Task<bool> RevalidateAsync(ClaimsPrincipal user)
    {
        var services = _portal.Services;
        var state = new RevalidatingAuthState(services.GetRequiredService<ILoggerFactory>(), services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredService<IOptions<IdentityOptions>>(), services.GetRequiredService<IConfiguration>());
        var validate = typeof(RevalidatingAuthState).GetMethod("ValidateAuthenticationStateAsync", BindingFlags.Instance | BindingFlags.NonPublic)!;
        return await (Task<bool>)validate.Invoke(state, [new AuthenticationState(user), CancellationToken.None])!;
    }
}
