using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.SignIn;

[Collection(nameof(BrowserFixture))]
public sealed class PasswordBrowserTests(BrowserFixture fixture)
{
    private const string UserName = "golestan.branch.supervisor";

    [Fact]
    public async Task AdminResetsAPassword_TheUserMustChangeItAtSignIn_ThenReachesHome()
    {
        var admin = await fixture.SignInAsync("admin");
        await BrowserFixture.GotoAsync(admin, "/admin/users");
        await admin.GetByPlaceholder("جستجو").FillAsync(UserName);
        // The list filters after a pause: a click on a row about to be redrawn would be lost.
        await Expect(admin.Locator("[data-testid^='reset-password-']")).ToHaveCountAsync(1);
        await admin.GetByTestId($"reset-password-{UserName}").ClickAsync();
        await Expect(admin.GetByTestId("confirm-message")).ToContainTextAsync(UserName);
        await admin.GetByTestId("confirm-yes").ClickAsync();
        var password = (await admin.GetByTestId("first-password").TextContentAsync())!.Trim();
        await admin.GetByRole(AriaRole.Button, new() { Name = "متوجه شدم" }).ClickAsync();
        await Expect(admin.GetByTestId($"must-change-{UserName}")).ToBeVisibleAsync();

        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", UserName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/account/password");
        await Expect(page.GetByTestId("password-forced")).ToBeVisibleAsync();

        await page.FillAsync("#current", password);
        await page.FillAsync("#new", "گذرواژه تازه و بلند من");
        await page.FillAsync("#repeat", "گذرواژه تازه و بلند من");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.GetByTestId("password-changed")).ToContainTextAsync("گذرواژه شما تغییر کرد");
        await page.GetByTestId("password-continue").ClickAsync();
        await page.WaitForURLAsync(fixture.BaseUrl.TrimEnd('/') + "/");
        await BrowserFixture.WaitForCircuitAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "password-changed-home.png");
    }
}
