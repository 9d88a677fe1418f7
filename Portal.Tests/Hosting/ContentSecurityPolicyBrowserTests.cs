using Microsoft.Playwright;
using Portal.Demo;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Hosting;

/// <summary>The portal runs under its own Content-Security-Policy: Blazor's circuit, MudBlazor's scripts, styles and dialogs break nothing.</summary>
[Collection(nameof(BrowserFixture))]
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ContentSecurityPolicy_SignInHomeAndADialog_RaiseNoViolation()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
        };
        page.PageError += (_, error) => violations.Add(error);

        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", "kerman.generaloffice");
        await page.FillAsync("#password", DemoSeeder.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(fixture.BaseUrl.TrimEnd('/') + "/");
        await BrowserFixture.WaitForCircuitAsync(page);

        await BrowserFixture.GotoAsync(page, $"/agencies/{await Acting.AgencyIdAsync(fixture.Portal, "AG-08001")}");
        await page.GetByTestId("edit-agency").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToBeVisibleAsync();

        Assert.Empty(violations);
        await context.CloseAsync();
    }
}
