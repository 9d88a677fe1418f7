using Microsoft.Playwright;

namespace Portal.Tests.Components;

/// <summary>Pages fit the screens the offices have: nothing runs off the side.</summary>
[Collection(nameof(BrowserFixture))]
public sealed class LayoutBrowserTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(1440, 900)]
    [InlineData(1920, 1080)]
    public async Task AgencyPage_AtCommonScreenSizes_EveryTabIsInSight(int width, int height)
    {
        var page = await fixture.SignInAsync("kerman.generaloffice");
        await page.SetViewportSizeAsync(width, height);
        await BrowserFixture.GotoAsync(page, $"/agencies/{await Acting.AgencyIdAsync(fixture.Portal, "AG-08001")}");

        var bar = (await page.Locator(".mud-tabs-tabbar").BoundingBoxAsync())!;
        var tabs = await page.Locator(".mud-tabs-tabbar .mud-tab").AllAsync();
        Assert.Equal(8, tabs.Count);
        foreach (var tab in tabs)
        {
            var box = (await tab.BoundingBoxAsync())!;
            Assert.True(box.X >= bar.X - 1 && box.X + box.Width <= bar.X + bar.Width + 1,
                $"tab «{await tab.InnerTextAsync()}» lies at {box.X}..{box.X + box.Width}, outside the bar {bar.X}..{bar.X + bar.Width}");
        }
        await BrowserFixture.ScreenshotAsync(page, $"agency-tabs-{width}.png", fullPage: false);
        await page.Locator(".mud-tabs-tabbar .mud-tab").Last.ClickAsync();
        await page.Context.CloseAsync();
    }

    // The theme's variables come with the document, not the interactive layout (a circuit would hold their text):
    // they must still hold after a move inside the circuit, and on the sign-in page, which has no circuit.
    [Fact]
    public async Task Theme_HoldsOnTheSignInPage_AndAfterAMoveInsideTheCircuit()
    {
        var page = await fixture.SignInAsync("kerman.generaloffice");
        await page.Locator("a[href='agencies']").First.ClickAsync();
        await page.WaitForURLAsync(fixture.BaseUrl.TrimEnd('/') + "/agencies");
        Assert.Equal("rgba(13,71,161,1)", await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-primary').trim()"));
        Assert.Equal("rgb(13, 71, 161)", await page.Locator(".mud-appbar").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));

        var signIn = await page.Context.Browser!.NewPageAsync(new() { BaseURL = fixture.BaseUrl });
        await signIn.GotoAsync("/account/login");
        Assert.Equal("rgba(13,71,161,1)", await signIn.EvaluateAsync<string>("getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-primary').trim()"));
        await signIn.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PagerRange_ReadsRightToLeft_OnAPersianPage()
    {
        var page = await fixture.SignInAsync("kerman.generaloffice");
        await BrowserFixture.GotoAsync(page, "/agencies");

        var info = page.Locator(".mud-table-page-number-information");
        await Assertions.Expect(info).ToHaveTextAsync("۱ تا ۲ از ۲");
        Assert.Equal("rtl", await info.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DatePicker_OpensOnTheJalaliMonth_AndAPickedDayFillsTheBox()
    {
        var page = await fixture.SignInAsync("kerman.review");
        await BrowserFixture.GotoAsync(page, "/rollout/training");

        await page.Locator(".mud-picker .mud-input-adornment button").First.ClickAsync();
        var calendar = page.Locator(".mud-popover-open .mud-picker-calendar-container");
        await Assertions.Expect(calendar).ToContainTextAsync("آذر");
        await BrowserFixture.ScreenshotAsync(page, "date-picker.png", fullPage: false);
        Assert.Empty(await page.EvaluateAsync<string[]>(PageWalkBrowserTests.LatinScan));

        // The day's text is MudBlazor's "10", drawn as ۱۰ by the Farsi-digits font.
        Assert.Contains("Vazirmatn FD", await calendar.EvaluateAsync<string>("e => getComputedStyle(e).fontFamily"));
        await calendar.Locator("button.mud-picker-calendar-day", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^10$") }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-picker input").First).ToHaveValueAsync("۱۴۰۵/۰۹/۱۰");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The app bar is a component of its own: its menu button still opens and closes the layout's drawer, and after a move
    /// inside the circuit its language link leads back to the new page and the menu marks it.
    /// </summary>
    [Fact]
    public async Task AppBar_MenuButtonTogglesTheDrawer_AndTheLanguageLinkFollowsTheMove()
    {
        var page = await fixture.SignInAsync("kerman.review");
        var drawer = page.Locator("aside.mud-drawer");
        await Assertions.Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));
        await page.GetByLabel("منو").First.ClickAsync();
        await Assertions.Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--closed"));
        await page.GetByLabel("منو").First.ClickAsync();
        await Assertions.Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));

        await page.GetByTestId("nav").Locator("a[href='circulars']").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/circulars$"));
        await Assertions.Expect(page.GetByTestId("culture-switch")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("returnUrl=%2Fcirculars$"));
        await Assertions.Expect(page.GetByTestId("nav").Locator("a[href='circulars']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("active"));
        await page.Context.CloseAsync();
    }
}
