using Portal.Tests.Support;

namespace Portal.Tests.Browser;

/// <summary>Pages fit the screens the offices have: nothing runs off the side.</summary>
[Collection(nameof(BrowserFixture))]
public sealed class LayoutTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(1440, 900)]
    [InlineData(1920, 1080)]
    public async Task AgencyPage_EveryTabIsInSight(int width, int height)
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
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, $"agency-tabs-{width}.png") });
        await page.Locator(".mud-tabs-tabbar .mud-tab").Last.ClickAsync();
        await page.Context.CloseAsync();
    }
}
