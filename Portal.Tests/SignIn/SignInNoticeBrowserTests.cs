using Microsoft.Playwright;
using Portal.Demo;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.SignIn;

[Collection(nameof(BrowserFixture))]
public sealed class SignInNoticeBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task WrongPasswordsThenTheRightOne_TheOwnerSeesTheFailedAttemptsOnHome_AndCanCloseTheNotice()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        for (var i = 0; i < 3; i++)
        {
            await page.FillAsync("#username", "golestan.review");
            await page.FillAsync("#password", "not-my-password-" + i);
            await page.ClickAsync("button[type=submit]");
            await Expect(page.GetByTestId("login-error")).ToContainTextAsync("نام کاربری یا گذرواژه درست نیست");
        }

        await page.FillAsync("#username", "golestan.review");
        await page.FillAsync("#password", DemoSeeder.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(fixture.BaseUrl.TrimEnd('/') + "/");
        await BrowserFixture.WaitForCircuitAsync(page);

        var notice = page.GetByTestId("failed-sign-ins-notice");
        await Expect(notice).ToContainTextAsync("۳ تلاش ناموفق");
        await Expect(notice.GetByTestId("failed-sign-ins-address")).ToHaveTextAsync("127.0.0.1");
        await BrowserFixture.ScreenshotAsync(page, "failed-sign-ins-notice.png");

        await notice.Locator("button").ClickAsync();
        await Expect(notice).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("failed-sign-ins-notice")).ToHaveCountAsync(0);
        await context.CloseAsync();
    }
}
