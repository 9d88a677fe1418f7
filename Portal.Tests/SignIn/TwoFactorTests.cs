using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Demo;
using Portal.Domain.Data;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Tests.SignIn;

/// <summary>With <c>Auth:RequireTwoFactorForNationalRoles</c> on (the production default) the national roles work only after a second factor.</summary>
public sealed class TwoFactorTests(TwoFactorTests.TwoFactorPortal portal) : IClassFixture<TwoFactorTests.TwoFactorPortal>, IAsyncLifetime
{
    private readonly PortalFactory _factory = portal;

    public async Task InitializeAsync() => await _factory.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>One portal for the class: a test that enrols a second factor does so for a national user of its own.</summary>
    public sealed class TwoFactorPortal : PortalFactory
    {
        public TwoFactorPortal() => Settings["Auth:RequireTwoFactorForNationalRoles"] = "true";
    }

    private async Task<string> NationalUserAsync(string userName, string role, string unitCode)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        await using var db = Acting.SystemDb(_factory);
        var unitId = await db.OrgUnits.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync();
        var user = new PortalUser(userName, "کارشناس آزمون دومرحله‌ای", unitId, DateTimeOffset.UtcNow);
        Assert.True((await users.CreateAsync(user, DemoSeeder.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return userName;
    }

    [Fact]
    public async Task Admin_MustSetUpAuthenticator_ThenSignsInWithCodes_AndTheChangeIsAuditedAsThem()
    {
        var client = await PortalFactory.SignedInClientAsync(_factory, "admin");
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/two-factor", home.Headers.Location!.OriginalString);

        var setup = await client.GetStringAsync("/account/two-factor");
        var key = Regex.Match(setup, "data-testid=\"2fa-key\">([a-z0-9 ]+)<").Groups[1].Value.Replace(" ", "").ToUpperInvariant();
        Assert.NotEmpty(key);
        Assert.Contains("کد تأیید درست نیست", await (await PostFormAsync(client, "/account/two-factor", "enable-2fa", setup, "000000")).Content.ReadAsStringAsync());

        var enabled = await PostFormAsync(client, "/account/two-factor", "enable-2fa", await client.GetStringAsync("/account/two-factor"), Totp(key));
        Assert.Equal(10, RecoveryCodes(await enabled.Content.ReadAsStringAsync()).Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        // A new session needs the code after the password.
        var fresh = _factory.Client();
        var password = await PortalFactory.SignInAsync(fresh, "admin");
        var next = password.Headers.Location!.IsAbsoluteUri ? password.Headers.Location.PathAndQuery : password.Headers.Location.OriginalString;
        Assert.StartsWith("/account/login-2fa", next);
        var second = await PostFormAsync(fresh, next, "login-2fa", await fresh.GetStringAsync(next), Totp(key));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/")).StatusCode);

        await using var db = PortalDb.Open(_factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), Actor.System);
        var adminId = await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
        var entries = await db.AuditEntries.Where(a => a.Entity == nameof(PortalUser) && a.Key == adminId && a.Action == Portal.Domain.Audit.AuditAction.Modified && a.Changes.Contains("\"TwoFactorEnabled\":[false,true]")).ToListAsync();
        Assert.Equal("admin", Assert.Single(entries).UserName);
    }

    [Theory]
    [InlineData("headoffice")]
    [InlineData("callcenter")]
    public async Task NationalRole_WithoutTwoFactor_IsSentToEnrolFirst_WithAReason(string userName)
    {
        var client = await PortalFactory.SignedInClientAsync(_factory, userName);

        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/two-factor", home.Headers.Location!.OriginalString);
        Assert.Contains("برای نقش شما ورود دومرحله‌ای الزامی است", await client.GetStringAsync("/account/two-factor"));
    }

    [Theory]
    [InlineData("kerman.agency.manager")]
    [InlineData("golestan.treatment")]
    public async Task ProvinceOrUnitRole_WithoutTwoFactor_IsNotHeld(string userName)
    {
        var client = await PortalFactory.SignedInClientAsync(_factory, userName);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnce_NotTwice_AndTheCountGoesDown()
    {
        var userName = await NationalUserAsync("callcenter.recovery", Roles.CallCenter, "HQ-1420");
        var client = await PortalFactory.SignedInClientAsync(_factory, userName);
        var setup = await client.GetStringAsync("/account/two-factor");
        var key = Regex.Match(setup, "data-testid=\"2fa-key\">([a-z0-9 ]+)<").Groups[1].Value.Replace(" ", "").ToUpperInvariant();
        var codes = RecoveryCodes(await (await PostFormAsync(client, "/account/two-factor", "enable-2fa", setup, Totp(key))).Content.ReadAsStringAsync());
        Assert.Equal(10, codes.Count);

        // Typed as a person might: lower case, without the dash.
        var first = await SignInWithRecoveryCodeAsync(codes[0].ToLowerInvariant().Replace("-", ""), userName);
        Assert.Equal(HttpStatusCode.Redirect, first.Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync("/")).StatusCode);
        Assert.Contains("کدهای بازیابی باقی‌مانده: ۹", await first.Client.GetStringAsync("/account/recovery-codes"));

        var again = await SignInWithRecoveryCodeAsync(codes[0], userName);
        Assert.Contains("این کد بازیابی درست نیست یا پیش‌تر به کار رفته است.", await again.Response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await again.Client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task RegeneratingRecoveryCodes_AsksFirst_ThenVoidsTheOldOnes()
    {
        var userName = await NationalUserAsync("headoffice.regenerate", Roles.HeadOffice, "HQ");
        var client = await PortalFactory.SignedInClientAsync(_factory, userName);
        var setup = await client.GetStringAsync("/account/two-factor");
        var key = Regex.Match(setup, "data-testid=\"2fa-key\">([a-z0-9 ]+)<").Groups[1].Value.Replace(" ", "").ToUpperInvariant();
        var old = RecoveryCodes(await (await PostFormAsync(client, "/account/two-factor", "enable-2fa", setup, Totp(key))).Content.ReadAsStringAsync());

        Assert.DoesNotContain("data-testid=\"regenerate\"", await client.GetStringAsync("/account/recovery-codes"));
        var confirm = await client.GetStringAsync("/account/recovery-codes?confirm=true");
        Assert.Contains("همه کدهای بازیابی پیشین شما از همین لحظه دیگر کار نمی‌کنند", confirm);
        var renewed = await PortalFactory.PostFormAsync(client, "/account/recovery-codes?confirm=true", "regenerate-codes", confirm, new());
        var fresh = RecoveryCodes(await renewed.Content.ReadAsStringAsync());

        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(old));
        Assert.Contains("این کد بازیابی درست نیست", await (await SignInWithRecoveryCodeAsync(old[1], userName)).Response.Content.ReadAsStringAsync());
    }

    private async Task<(HttpClient Client, HttpResponseMessage Response)> SignInWithRecoveryCodeAsync(string code, string userName)
    {
        var client = _factory.Client();
        var password = await PortalFactory.SignInAsync(client, userName);
        var next = password.Headers.Location!;
        Assert.StartsWith("/account/login-2fa", next.IsAbsoluteUri ? next.PathAndQuery : next.OriginalString);
        var response = await PortalFactory.PostFormAsync(client, "/account/login-recovery", "login-recovery",
            await client.GetStringAsync("/account/login-recovery"), new() { ["Input.Code"] = code });
        return (client, response);
    }

    private static List<string> RecoveryCodes(string page) =>
        Regex.Matches(page, "data-testid=\"recovery-code\">([A-Z0-9-]+)<").Select(m => m.Groups[1].Value).ToList();

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string form, string page, string code) =>
        PortalFactory.PostFormAsync(client, url, form, page, new() { ["Input.Code"] = code });

    /// <summary>RFC 6238 code as an authenticator app computes it (SHA-1, 30 s, 6 digits).</summary>
    private static string Totp(string base32Key)
    {
        var bits = string.Concat(base32Key.TrimEnd('=').Select(c => Convert.ToString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(c), 2).PadLeft(5, '0')));
        var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var counter = BitConverter.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0F;
        var value = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6");
    }
}
