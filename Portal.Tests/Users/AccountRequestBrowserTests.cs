using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Domain.Common;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Users;

[Collection(nameof(BrowserFixture))]
public sealed class AccountRequestBrowserTests(BrowserFixture fixture)
{
    /// <summary>
    /// The whole path of seed 004 §1: Kerman's general office asks for a branch user's account, head office's registration
    /// office approves it, the general office takes the first password (shown once), and the new user signs in with it, is
    /// held until they choose their own password, then reaches home.
    /// </summary>
    [Fact]
    public async Task GeneralOfficeAsks_RegistrationApproves_PasswordHandedOver_NewUserChangesItAndReachesHome()
    {
        var nationalId = AccountRequestsArrange.NewNationalId();
        var office = await fixture.SignInAsync(AccountRequestsArrange.Kerman);
        await BrowserFixture.GotoAsync(office, "/account-requests");
        await office.GetByTestId("account-request-new").ClickAsync();
        await office.WaitForURLAsync(new Regex("/account-requests/new$"));
        await BrowserFixture.WaitForCircuitAsync(office);
        await office.Locator("input[data-testid=person-name]").FillAsync("سارا كاظمي");
        await office.Locator("input[data-testid=person-national-id]").FillAsync(TextNormalizer.ToPersianDigits(nationalId));
        await BrowserFixture.ChooseAsync(office, "person-branch");
        await BrowserFixture.ChooseAsync(office, "person-role");
        await office.Locator("input[data-testid=person-mobile]").FillAsync("۰۹۱۳۱۱۱۲۲۳۳");
        await BrowserFixture.ScreenshotAsync(office, "account-request-form.png");
        await office.GetByTestId("account-request-send").ClickAsync();
        await Expect(office.GetByTestId("confirm-message")).ToContainTextAsync("۱ نفر");
        await office.GetByTestId("confirm-yes").ClickAsync();
        await office.WaitForURLAsync(new Regex("/account-requests/\\d+$"));
        var requestUrl = new Uri(office.Url).AbsolutePath;
        await Expect(office.GetByTestId("account-request-status")).ToHaveTextAsync("در انتظار تصمیم ستاد");

        var registration = await fixture.SignInAsync(AccountRequestsArrange.Registration);
        await Expect(registration.Locator("[data-testid=todo-item][data-kind=AccountRequestsToDecide]")).ToBeVisibleAsync();
        await BrowserFixture.GotoAsync(registration, requestUrl);
        await Expect(registration.GetByTestId("account-request-line")).ToContainTextAsync("سارا کاظمی");
        await registration.GetByTestId("account-request-approve").ClickAsync();
        await registration.GetByTestId("confirm-yes").ClickAsync();
        await Expect(registration.GetByTestId("account-request-status")).ToHaveTextAsync("تأییدشده");
        await Expect(registration.GetByTestId("line-hand-over")).ToHaveCountAsync(0);
        Assert.Empty(await registration.EvaluateAsync<string[]>(Components.PageWalkBrowserTests.LatinScan));

        await BrowserFixture.GotoAsync(office, requestUrl);
        var userName = (await office.GetByTestId("line-user-name").TextContentAsync())!.Trim();
        Assert.Equal($"br-08-01.{nationalId}", userName);
        await office.GetByTestId("line-hand-over").ClickAsync();
        await Expect(office.GetByTestId("confirm-message")).ToContainTextAsync("فقط همین یک بار");
        await office.GetByTestId("confirm-yes").ClickAsync();
        var password = (await office.GetByTestId("first-password").TextContentAsync())!.Trim();
        await Expect(office.GetByTestId("first-password-warning")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(office, "account-request-handover.png");
        await office.GetByRole(AriaRole.Button, new() { Name = "متوجه شدم" }).ClickAsync();
        await Expect(office.GetByTestId("line-handed-over")).ToBeVisibleAsync();
        await Expect(office.GetByTestId("line-hand-over")).ToHaveCountAsync(0);
        Assert.Empty(await office.EvaluateAsync<string[]>(Components.PageWalkBrowserTests.LatinScan));
        await BrowserFixture.GotoAsync(office, "/account-requests");
        await Expect(office.GetByTestId("account-request-row").First).ToBeVisibleAsync();
        Assert.Empty(await office.EvaluateAsync<string[]>(Components.PageWalkBrowserTests.LatinScan));

        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var branchUser = await context.NewPageAsync();
        await branchUser.GotoAsync("/account/login");
        await branchUser.FillAsync("#username", userName);
        await branchUser.FillAsync("#password", password);
        await branchUser.ClickAsync("button[type=submit]");
        await branchUser.WaitForURLAsync("**/account/password");
        await Expect(branchUser.GetByTestId("password-forced")).ToBeVisibleAsync();
        await branchUser.FillAsync("#current", password);
        await branchUser.FillAsync("#new", "رمز تازه و بلند سارا");
        await branchUser.FillAsync("#repeat", "رمز تازه و بلند سارا");
        await branchUser.ClickAsync("button[type=submit]");
        await Expect(branchUser.GetByTestId("password-changed")).ToBeVisibleAsync();
        await branchUser.GetByTestId("password-continue").ClickAsync();
        await branchUser.WaitForURLAsync(fixture.BaseUrl.TrimEnd('/') + "/");
        await BrowserFixture.WaitForCircuitAsync(branchUser);
        await Expect(branchUser.GetByTestId("userbox")).ToContainTextAsync("سارا کاظمی");
        await BrowserFixture.ScreenshotAsync(branchUser, "account-request-new-user-home.png");
    }
}
