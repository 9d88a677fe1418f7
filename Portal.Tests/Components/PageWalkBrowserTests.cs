using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Portal.Tests.Components;

/// <summary>
/// Every menu page of a few roles, at the two screen sizes offices have (1366×768 and 1920×1080): the page is no wider
/// than the window, and a Persian reader sees no Latin digit and no English word — except in what a user types or
/// reads back as typed (inputs, codes marked <c>portal-ltr</c> or <c>data-latin</c>). Screenshots land in
/// bin/…/screenshots/walk-*.png.
/// </summary>
[Collection(nameof(BrowserFixture))]
public sealed class PageWalkBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly (int Width, int Height)[] Screens = [(1366, 768), (1920, 1080)];

    [Theory]
    [InlineData("headoffice")]
    [InlineData("kerman.generaloffice")]
    [InlineData("kerman.review")]
    [InlineData("kerman.agency.manager")]
    [InlineData("kerman.governor")]
    [InlineData("admin")]
    public async Task EveryMenuPage_FitsTheScreen_AndSpeaksPersian(string user)
    {
        var page = await fixture.SignInAsync(user);
        var links = await page.Locator("[data-testid=nav] a[href]").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        var findings = new List<string>();
        foreach (var href in links.Distinct().Where(h => !h.StartsWith("account/", StringComparison.Ordinal)))
        {
            await BrowserFixture.GotoAsync(page, "/" + href);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Assertions.Expect(page.Locator(".mud-table-loading-progress, .mud-progress-linear")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
            foreach (var (width, height) in Screens)
            {
                await page.SetViewportSizeAsync(width, height);
                var name = $"walk-{user}-{(href.Length == 0 ? "home" : href.Replace('/', '-'))}-{width}.png";
                await BrowserFixture.ScreenshotAsync(page, name);
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                if (overflow > 1) findings.Add($"/{href} at {width}: {overflow}px wider than the window");
            }
            foreach (var text in await page.EvaluateAsync<string[]>(LatinScan))
            {
                var key = $"/{href}";
                findings.Add($"{key}: «{text}»");
            }
        }
        await page.Context.CloseAsync();
        foreach (var f in findings) output.WriteLine(f);
        Assert.True(findings.Count == 0, $"{user}:\n" + string.Join("\n", findings));
    }

    /// <summary>
    /// Visible text and screen-reader labels with a Latin digit or an English word (three letters or more, other
    /// than the names of file formats), outside inputs and outside elements marked as codes.
    /// </summary>
    internal const string LatinScan = """
        () => {
          const allowedWords = /^(PDF|Excel|DOCX|XLSX|ZIP|CSV|JSON|SMS|API|QR|PNG|JPEG|JPG|SHA)$/i;
          const english = t => (t.match(/[A-Za-z]{3,}/g) || []).some(w => !allowedWords.test(w));
          const bad = t => /[0-9]/.test(t) || english(t);
          // Text set in «Vazirmatn FD» shows its digits with Persian shapes (the date picker's days, which MudBlazor writes).
          const persianDigitFont = el => getComputedStyle(el).fontFamily.includes('Vazirmatn FD');
          const exempt = el => el.closest('input, textarea, script, style, code, .portal-ltr, [data-latin], .mud-popover:not(.mud-popover-open)');
          const found = new Set();
          const root = document.body;
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const t = n.textContent.trim();
            if (!t || !n.parentElement || exempt(n.parentElement)) continue;
            const style = getComputedStyle(n.parentElement);
            if (style.display === 'none' || style.visibility === 'hidden') continue;
            if (persianDigitFont(n.parentElement) ? english(t) : bad(t)) found.add(t.slice(0, 80));
          }
          for (const el of root.querySelectorAll('[aria-label], [title], [placeholder]')) {
            if (exempt(el) && el.tagName !== 'INPUT') continue;
            // An input's placeholder shows what to type (e.g. a code «MC-08-01»), like the input itself.
            for (const a of el.tagName === 'INPUT' ? ['aria-label', 'title'] : ['aria-label', 'title', 'placeholder']) {
              const v = el.getAttribute(a);
              if (v && bad(v)) found.add(`${a}=${v.slice(0, 60)}`);
            }
          }
          return [...found];
        }
        """;
}
