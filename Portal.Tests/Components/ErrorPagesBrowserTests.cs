using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Components;

/// <summary>A record outside the user's scope and a page the role may not open: the answer comes inside the portal, menu and all.</summary>
[Collection(nameof(BrowserFixture))]
public sealed class ErrorPagesBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AgencyOfAnotherProvince_ReadsNotFound_WithTheMenuStillThere()
    {
        var page = await fixture.SignInAsync("golestan.generaloffice");
        await BrowserFixture.GotoAsync(page, $"/agencies/{await Acting.AgencyIdAsync(fixture.Portal, "AG-08001")}");

        await Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("nav").Locator("a[href='agencies']")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "not-found-in-scope.png");
        await page.GetByTestId("nav").Locator("a[href='agencies']").ClickAsync();
        await page.WaitForURLAsync("**/agencies");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PageTheRoleMayNotOpen_ReadsAccessDenied_WithTheMenuStillThere()
    {
        var page = await fixture.SignInAsync("kerman.agency.manager");
        await page.GotoAsync("/rollout");

        await page.WaitForURLAsync("**/account/access-denied**");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("nav").Locator("a[href='monthly/form']")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "access-denied.png");
        await page.Context.CloseAsync();
    }
}
