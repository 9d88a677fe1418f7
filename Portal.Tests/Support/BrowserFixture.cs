using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Demo;

namespace Portal.Tests.Support;

/// <summary>The portal on a real Kestrel port and Debian's Chromium driven by Playwright (it cannot download browsers here).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new() { Settings = { ["Auth:RevalidationSeconds"] = "2" } };
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";
    private IPlaywright _playwright = default!;

    public static string ScreenshotDir => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    /// <summary>
    /// Saves what the page shows to bin/…/screenshots/NAME, for a person to look at. CI sets PORTAL_SCREENSHOTS=off:
    /// nobody looks at them there, and the page walks' full-page PNGs were a third of their time.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        if (Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS") == "off") return;
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDir, name), FullPage = fullPage });
    }

    public async Task InitializeAsync()
    {
        Portal.UseKestrel(0);
        Portal.StartServer();
        await Portal.SeededAsync();
        BaseUrl = Portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> SignInAsync(string userName)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new() { Width = 1366, Height = 860 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", DemoSeeder.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(BaseUrl.TrimEnd('/') + "/");
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>
    /// Opens a page and waits until its circuit is up: before that, a click on the prerendered page is lost
    /// (buttons, tabs and links do nothing yet). The layout marks the user box once it renders interactively.
    /// </summary>
    public static async Task GotoAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await WaitForCircuitAsync(page);
    }

    /// <summary>
    /// Picks an option of a select (or autocomplete) and waits until its list has closed. Closing gives the focus back to
    /// the select from the server; a field filled before that arrives loses its text to the focus moving away (CI's
    /// outage walk saved without its description that way).
    /// </summary>
    public static async Task ChooseAsync(IPage page, string testId, string? option = null)
    {
        await page.GetByTestId(testId).ClickAsync();
        var options = page.Locator(".mud-popover-open .mud-list-item");
        await (option is null ? options.First : options.Filter(new() { HasText = option })).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }

    public static Task WaitForCircuitAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-testid=userbox][data-interactive=true]")).ToBeVisibleAsync(new() { Timeout = 30_000 });

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        Portal.Dispose();
    }
}

[CollectionDefinition(nameof(BrowserFixture))]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
