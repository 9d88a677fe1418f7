using System.Net;
using System.Reflection;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.SignIn;
using Portal.Domain.Users;
using Portal.Security;

namespace Portal.Tests.Cluster;

/// <summary>
/// A user signed in through one server is signed in on the other (one key ring, one session table), signing out or a
/// disabled account ends it on both, and the failed attempts that lock a (name, address) pair count on both.
/// </summary>
[Collection(TwoServersCollection.Name)]
public sealed class SignInAcrossServersTests(TwoServers servers)
{
    private TwoServers.Server A => servers.A;
    private TwoServers.Server B => servers.B;

    private static async Task<string> SignInCookieAsync(HttpClient client, string userName)
    {
        var response = await PortalFactory.SignInAsync(client, userName);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("portal.auth="));
        return cookie[..cookie.IndexOf(';')];
    }

    private static async Task<HttpResponseMessage> WithCookieAsync(PortalFactory server, string cookie, string url = "/offset")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await server.Client().SendAsync(request);
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SignedInOnA_IsSignedInOnB()
    {
        var cookie = await SignInCookieAsync(A.Client(), "kerman.generaloffice");

        var onB = await WithCookieAsync(B, cookie);

        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        AssertSentToSignIn(await B.Client().GetAsync("/offset")); // the page does need the sign-in
    }

    [Fact]
    public async Task BothServers_ShareOneKeyRing_UnderOneApplicationName()
    {
        await using var db = Acting.SystemDb(A);
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
        var name = (IServiceProvider services) => services.GetRequiredService<IOptions<Microsoft.AspNetCore.DataProtection.DataProtectionOptions>>().Value.ApplicationDiscriminator;
        Assert.Equal("SocialSecurityPortal", name(A.Services));
        Assert.Equal(name(A.Services), name(B.Services));
    }

    [Fact]
    public async Task SignOutOnA_EndsTheSessionOnB()
    {
        var browser = A.Client();
        var cookie = await SignInCookieAsync(browser, "kerman.generaloffice");
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(B, cookie)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/account/logout", null)).StatusCode);

        AssertSentToSignIn(await WithCookieAsync(B, cookie));
    }

    [Fact]
    public async Task AccountDisabledOnA_IsRefusedOnB_ByHerOpenTabsAtOnce_AndByHerCookieWithinTheRevalidationInterval()
    {
        const string userName = "golestan.review";
        var cookie = await SignInCookieAsync(A.Client(), userName);
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(B, cookie, "/")).StatusCode);
        var tab = await CircuitUserAsync(B, userName);
        Assert.True(await RevalidateAsync(B, tab));

        string userId;
        await using (var scope = A.Services.CreateAsyncScope())
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName))!.Id;
        var admin = new UserAdministration(A.Services.GetRequiredService<IServiceScopeFactory>(), new ActingAs(await Acting.ActorAsync(A, "admin")), A.Clock);
        Assert.Null(await admin.DisableAsync(userId));

        // An open tab on B re-reads the account from the database at its next revalidation.
        Assert.False(await RevalidateAsync(B, tab));
        // A page request re-checks the account's security stamp (in the database) once Auth:RevalidationSeconds (60) have passed.
        B.Clock.Advance(TimeSpan.FromSeconds(61));
        AssertSentToSignIn(await WithCookieAsync(B, cookie, "/"));
        Assert.Equal(HttpStatusCode.OK, (await PortalFactory.SignInAsync(B.Client(), userName)).StatusCode); // and she cannot sign in again there
    }

    [Fact]
    public async Task FailuresOnBothServers_CountTogether_AndLockThePairOnBoth()
    {
        var limits = A.Services.GetRequiredService<SignInLimits>();
        const string address = "192.0.2.44";
        for (var i = 0; i < limits.MaxFailures - 1; i++) await PortalFactory.SignInAsync(A.ClientFrom(address), "kerman.review", "wrong-" + i);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.SignInAsync(B.ClientFrom("192.0.2.45"), "kerman.review")).StatusCode); // the pair, not the account

        await PortalFactory.SignInAsync(B.ClientFrom(address), "kerman.review", "wrong-last");

        foreach (var server in new[] { A, B })
        {
            var refused = await PortalFactory.SignInAsync(server.ClientFrom(address), "kerman.review");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("قفل شده", Regex.Match(await refused.Content.ReadAsStringAsync(), "data-testid=\"login-error\"[^>]*>([^<]*)<").Groups[1].Value);
        }
        await using var db = Acting.SystemDb(B);
        Assert.Equal(2, await db.SignInAttempts.CountAsync(a => a.Address == address && a.Outcome == SignInOutcome.Locked));
    }

    /// <summary>The principal an open circuit on <paramref name="server"/> holds: the user's claims with her latest session.</summary>
    private static async Task<ClaimsPrincipal> CircuitUserAsync(PortalFactory server, string userName)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName))!;
        await using var db = Acting.SystemDb(server);
        var session = await db.SignInSessions.Where(s => s.UserId == user.Id).OrderByDescending(s => s.StartedAt).Select(s => s.Id).FirstAsync();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(PortalClaims.Session, session.ToString()));
        return principal;
    }

    private static async Task<bool> RevalidateAsync(PortalFactory server, ClaimsPrincipal user)
    {
        var services = server.Services;
        var state = new RevalidatingAuthState(services.GetRequiredService<ILoggerFactory>(), services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredService<IOptions<IdentityOptions>>(), services.GetRequiredService<IConfiguration>());
        var validate = typeof(RevalidatingAuthState).GetMethod("ValidateAuthenticationStateAsync", BindingFlags.Instance | BindingFlags.NonPublic)!;
        return await (Task<bool>)validate.Invoke(state, [new AuthenticationState(user), CancellationToken.None])!;
    }
}
