using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Demo;
using Portal.Domain.Security;
using Portal.Domain.Users;
using Portal.Domain.SignIn;

namespace Portal.Tests.SignIn;

/// <summary>A user's own password: changing it, and the change forced on a password an administrator chose.</summary>
/// <remarks>One portal for the class: each test signs in as a user of its own, so none sees another's change.</remarks>
public sealed class PasswordTests(PasswordTests.StampCheckedOnEveryRequest _factory) : IClassFixture<PasswordTests.StampCheckedOnEveryRequest>, IAsyncLifetime
{
    private const string NewPassword = "یک عبارت بلند برای من 1405";

    public async Task InitializeAsync() => await _factory.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ChangePassword_WithAWrongCurrentPassword_IsRefusedInPersian_AndNoPasswordIsSentBack()
    {
        var client = await PortalFactory.SignedInClientAsync(_factory, "golestan.review");

        var page = await (await ChangeAsync(client, "not-the-password", NewPassword)).Content.ReadAsStringAsync();

        Assert.Contains("گذرواژه فعلی درست نیست.", page);
        Assert.DoesNotContain(NewPassword, page);
        Assert.DoesNotContain("not-the-password", page);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.SignInAsync(_factory.Client(), "golestan.review")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_TooShortOrNotRepeated_SaysSoPerField()
    {
        var client = await PortalFactory.SignedInClientAsync(_factory, "golestan.governor");

        var page = await (await ChangeAsync(client, DemoSeeder.DemoPassword, "short", "other")).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"error-Repeat\">تکرار گذرواژه تازه با خود آن یکی نیست.", page);
        page = await (await ChangeAsync(client, DemoSeeder.DemoPassword, "short")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"error-New\">گذرواژه تازه باید دست‌کم ۱۲ نویسه باشد.", page);
    }

    [Fact]
    public async Task ChangePassword_EndsTheUsersOtherSessions_KeepsThisOne_AndTheOldPasswordFails()
    {
        var here = await PortalFactory.SignedInClientAsync(_factory, "kerman.review");
        var elsewhere = await PortalFactory.SignedInClientAsync(_factory, "kerman.review");
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/")).StatusCode);

        var changed = await ChangeAsync(here, DemoSeeder.DemoPassword, NewPassword);

        Assert.Contains("گذرواژه شما تغییر کرد", await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/")).StatusCode);
        var refused = await elsewhere.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/login", refused.Headers.Location!.OriginalString);
        Assert.NotEqual(HttpStatusCode.Redirect, (await PortalFactory.SignInAsync(_factory.Client(), "kerman.review")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.SignInAsync(_factory.Client(), "kerman.review", NewPassword)).StatusCode);

        await using var db = Acting.SystemDb(_factory);
        var id = await db.Users.Where(u => u.UserName == "kerman.review").Select(u => u.Id).SingleAsync();
        var entry = await db.AuditEntries.Where(a => a.Entity == nameof(PortalUser) && a.Key == id && a.Action == AuditAction.Modified && a.Changes.Contains("PasswordChangedAt")).SingleAsync();
        Assert.Equal("kerman.review", entry.UserName);
    }

    [Fact]
    public async Task UserCreatedByAnAdministrator_IsSentToChangePasswordFromEveryPage_UntilTheyDo()
    {
        var firstPassword = await CreateUserAsync("kerman.new.governor");
        var client = _factory.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.SignInAsync(client, "kerman.new.governor", firstPassword)).StatusCode);

        foreach (var path in new[] { "/", "/agencies", "/eligibility" })
        {
            var held = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
            Assert.Equal("/account/password", held.Headers.Location!.OriginalString);
        }
        Assert.Contains("گذرواژه کنونی شما را دیگری (مدیر سامانه یا اداره کل استان) ساخته", await client.GetStringAsync("/account/password"));

        await ChangeAsync(client, firstPassword, NewPassword);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        await using var db = Acting.SystemDb(_factory);
        Assert.False(await db.Users.Where(u => u.UserName == "kerman.new.governor").Select(u => u.MustChangePassword).SingleAsync());
    }

    private async Task<string> CreateUserAsync(string userName)
    {
        var admin = new UserAdministration(_factory.Services.GetRequiredService<IServiceScopeFactory>(),
            new ActingAs(await Acting.ActorAsync(_factory, "admin")), TimeProvider.System);
        await using var db = Acting.SystemDb(_factory);
        var office = await db.OrgUnits.Where(u => u.Code == "GV-08").Select(u => u.Id).SingleAsync();
        var created = await admin.CreateAsync(new UserAdministration.UserForm(userName, "کارشناس تازه استانداری", Roles.Governor, office));
        Assert.True(created.IsValid, created.Error);
        return created.Value!;
    }

    /// <summary>Every request re-checks the security stamp (not only once a minute), so a session the change ended is refused at once.</summary>
    public sealed class StampCheckedOnEveryRequest : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
        }
    }

    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next, string? repeat = null) =>
        await PortalFactory.PostFormAsync(client, "/account/password", "change-password", await client.GetStringAsync("/account/password"),
            new() { ["Input.Current"] = current, ["Input.New"] = next, ["Input.Repeat"] = repeat ?? next });
}
