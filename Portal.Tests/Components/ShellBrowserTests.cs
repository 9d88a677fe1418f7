using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Data;
using Portal.Domain.Security;
using Portal.Domain.Users;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Components;

[Collection(nameof(BrowserFixture))]
public sealed class ShellBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TreatmentDirector_SeesPersianRtlDashboardOfTheirProvince_AndNoAdminMenu()
    {
        var page = await fixture.SignInAsync("kerman.treatment");
        await Expect(page.Locator("h4", new() { HasText = "پیشخوان" })).ToBeVisibleAsync();
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        await Expect(page.GetByTestId("userbox")).ToContainTextAsync("مدیریت درمان استان");
        await Expect(page.GetByTestId("province-table").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("province-table")).ToContainTextAsync("کرمان");
        await Expect(page.Locator("a[href='organisation']")).ToBeVisibleAsync();
        await Expect(page.Locator("a[href='admin/users']")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "kerman-treatment-home.png");
    }

    [Fact]
    public async Task Admin_SeesAllProvinces_AndUserAdministration()
    {
        var page = await fixture.SignInAsync("admin");
        await Expect(page.GetByTestId("province-table").Locator("tbody tr")).ToHaveCountAsync(31);
        await page.Locator("a[href='admin/users']").ClickAsync();
        await page.WaitForURLAsync("**/admin/users");
        await Expect(page.Locator("h4", new() { HasText = "کاربران" })).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-table-body tr", new() { HasText = "golestan.agency.manager" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "admin-users.png");
    }

    [Fact]
    public async Task LanguageSwitch_ToEnglish_ShowsLeftToRightPages()
    {
        var page = await fixture.SignInAsync("golestan.review");
        await page.GetByTestId("culture-switch").ClickAsync();
        await Expect(page.Locator("h4", new() { HasText = "Dashboard" })).ToBeVisibleAsync();
        Assert.Equal("ltr", await page.GetAttributeAsync("html", "dir"));
        await BrowserFixture.ScreenshotAsync(page, "golestan-review-en.png");
    }

    [Fact]
    public async Task DisabledUser_OpenTab_IsSignedOutWithinTheRevalidationInterval()
    {
        var page = await fixture.SignInAsync("golestan.director");
        await Expect(page.GetByTestId("userbox")).ToBeVisibleAsync();

        var contexts = fixture.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        string userId;
        await using (var db = PortalDb.Open(contexts, Actor.System))
            userId = await db.Users.Where(u => u.UserName == "golestan.director").Select(u => u.Id).SingleAsync();
        var admin = new UserAdministration(fixture.Portal.Services.GetRequiredService<IServiceScopeFactory>(),
            new AdminUser(), TimeProvider.System);
        Assert.Null(await admin.DisableAsync(userId));

        // The circuit revalidates every 2 s in this fixture (60 s by default): the tab ends on the sign-in page.
        await page.WaitForURLAsync("**/account/login**", new() { Timeout = 20_000 });
        await Expect(page.Locator("#username")).ToBeVisibleAsync();
    }

    private sealed class AdminUser : ICurrentUser
    {
        public ValueTask<Actor> GetAsync() => ValueTask.FromResult(new Actor("admin-id", "admin", Roles.SystemAdmin, null, OrgScope.National));
    }
}
