using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.SignIn;

namespace Portal.Tests.SignIn;

/// <summary>
/// Sign-in tells nothing about which names exist, and one address cannot lock anybody else out: the limits count
/// per (name, address) and per address, and every attempt is logged with its address.
/// </summary>
public sealed class SignInLimitsTests(AddressedPortal portal) : IClassFixture<AddressedPortal>, IAsyncLifetime
{
    private readonly AddressedPortal _portal = portal;

    public async Task InitializeAsync() => await _portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<HttpResponseMessage> TryAsync(HttpClient client, string userName, string password) =>
        await PortalFactory.SignInAsync(client, userName, password);

    private static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return Regex.Match(html, "data-testid=\"login-error\"[^>]*>([^<]*)<").Groups[1].Value;
    }

    [Fact]
    public async Task UnknownAndKnownNames_GetTheSameWords_EvenAfterSixAttempts()
    {
        var client = _portal.ClientFrom("10.0.0.5");
        for (var i = 1; i <= 6; i++)
        {
            var known = await ErrorAsync(await TryAsync(client, "kerman.review", "wrong-password-" + i));
            var unknown = await ErrorAsync(await TryAsync(client, "kerman.nobody", "wrong-password-" + i));
            Assert.NotEmpty(known);
            Assert.Equal(known, unknown);
        }
    }

    [Fact]
    public async Task SignIn_SixFailuresFromOneAddress_DoNotLockTheOwnerOutAtAnother()
    {
        var stranger = _portal.ClientFrom("203.0.113.9");
        for (var i = 0; i < 6; i++) await TryAsync(stranger, "admin", "guess-" + i);
        var strangerWithRightPassword = await PortalFactory.SignInAsync(stranger, "admin");
        Assert.Equal(HttpStatusCode.OK, strangerWithRightPassword.StatusCode); // still refused there
        Assert.Contains("قفل شده", await ErrorAsync(strangerWithRightPassword));

        var owner = await PortalFactory.SignInAsync(_portal.ClientFrom("10.8.1.20"), "admin");

        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
    }

    [Fact]
    public async Task AnAddressFailingWithManyNames_IsThrottled_OthersAreNot()
    {
        var sprayer = _portal.ClientFrom("198.51.100.7");
        for (var i = 0; i < 20; i++) await TryAsync(sprayer, $"guess.{i}", "portal-demo-1403");

        var throttled = await PortalFactory.SignInAsync(sprayer, "kerman.treatment");
        Assert.Equal(HttpStatusCode.OK, throttled.StatusCode);
        Assert.Contains("بیش از حد", await ErrorAsync(throttled));
        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.SignInAsync(_portal.ClientFrom("10.8.1.21"), "kerman.treatment")).StatusCode);
    }

    [Fact]
    public async Task EveryAttempt_IsLoggedWithTheNameTriedTheAddressAndTheOutcome_AndNoAnonymousAudit()
    {
        await using var db = Acting.SystemDb(_portal);
        var anonymousBefore = await db.AuditEntries.CountAsync(e => e.UserName == "anonymous"); // the seed's own
        var client = _portal.ClientFrom("10.0.0.77");
        await TryAsync(client, "  Kerman.Review ", "wrong-password");
        await TryAsync(client, "kerman.ghost", "wrong-password");
        Assert.Equal(anonymousBefore, await db.AuditEntries.CountAsync(e => e.UserName == "anonymous"));
        await PortalFactory.SignInAsync(client, "kerman.review");

        var attempts = await db.SignInAttempts.Where(a => a.Address == "10.0.0.77").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([("kerman.review", SignInOutcome.WrongPassword), ("kerman.ghost", SignInOutcome.UnknownName), ("kerman.review", SignInOutcome.Success)],
            attempts.Select(a => (a.UserName, a.Outcome)).ToList());
        Assert.All(attempts, a => Assert.Equal("10.0.0.77", a.Address));
        Assert.NotNull(attempts[0].UserId);
        Assert.Null(attempts[1].UserId);
    }

    [Fact]
    public async Task FailedAttempts_OwnerSignsIn_SeesThemOnce()
    {
        var stranger = _portal.ClientFrom("203.0.113.50");
        await TryAsync(stranger, "kerman.director", "guess-1");
        await TryAsync(stranger, "kerman.director", "guess-2");

        var owner = _portal.ClientFrom("10.8.1.30");
        await PortalFactory.SignInAsync(owner, "kerman.director");
        var home = await owner.GetStringAsync("/");
        Assert.Contains("data-testid=\"failed-sign-ins-notice\"", home);
        Assert.Contains("۲ تلاش ناموفق", home);
        Assert.Contains("203.0.113.50", home);

        var later = _portal.ClientFrom("10.8.1.30");
        await PortalFactory.SignInAsync(later, "kerman.director");
        Assert.DoesNotContain("failed-sign-ins-notice", await later.GetStringAsync("/"));
    }
}
