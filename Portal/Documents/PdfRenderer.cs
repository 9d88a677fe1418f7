using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Playwright;
using Portal.Domain.Contracts;

namespace Portal.Documents;

/// <summary>
/// HTML to PDF with the machine's headless Chromium (Debian package <c>chromium</c>), driven by Playwright. One
/// browser per process, started on first use and started again after it crashes; at most <c>Pdf:MaxPages</c> pages
/// render at once, and finished pages are kept open for the next document (a new page adds 100–200 ms to the ~200 ms a
/// contract takes to load and print). Documents load nothing from the network: fonts come from the portal's own files,
/// everything else is refused.
/// </summary>
public sealed class PdfRenderer : IAsyncDisposable
{
    /// <summary>The origin documents use for the portal's fonts; requests to it are answered from memory.</summary>
    public const string AssetOrigin = "https://pdf.portal.invalid";

    private static readonly string[] KnownPaths =
        ["/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/snap/bin/chromium"];

    private readonly ILogger<PdfRenderer> _logger;
    private readonly IReadOnlyDictionary<string, byte[]> _assets;
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly ConcurrentBag<IPage> _idle = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IBrowserContext? _context;

    public PdfRenderer(IConfiguration config, ILogger<PdfRenderer> logger)
    {
        _logger = logger;
        ChromiumPath = Discover(config["Pdf:ChromiumPath"]);
        _slots = new SemaphoreSlim(Math.Max(1, config.GetValue("Pdf:MaxPages", Environment.ProcessorCount)));
        _assets = new[] { "Vazirmatn-Regular.woff2", "Vazirmatn-Bold.woff2" }.ToDictionary(
            name => $"{AssetOrigin}/fonts/{name}", ReadFont);
        if (ChromiumPath is null)
            logger.LogWarning("No Chromium found (Pdf:ChromiumPath or {Paths}): contracts cannot be issued until the chromium package is installed", string.Join(", ", KnownPaths));
    }

    /// <summary>The browser used, or null when the machine has none: PDF actions then explain what to install.</summary>
    public string? ChromiumPath { get; }

    /// <summary>How many times the browser has been started (more than once means it crashed or was closed).</summary>
    public int Starts { get; private set; }

    public async Task<byte[]> RenderAsync(string html, CancellationToken ct = default)
    {
        if (ChromiumPath is null) throw PdfEngine.Missing();
        await _slots.WaitAsync(ct);
        try
        {
            try { return await RenderOnceAsync(html, ct); }
            catch (PlaywrightException e) when (_browser is null || !_browser.IsConnected)
            {
                // The browser died under this document: start a new one and try once more.
                _logger.LogWarning(e, "Chromium went away while rendering a PDF; starting it again");
                return await RenderOnceAsync(html, ct);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<byte[]> RenderOnceAsync(string html, CancellationToken ct)
    {
        var context = await ContextAsync(ct);
        var page = _idle.TryTake(out var idle) && !idle.IsClosed ? idle : await context.NewPageAsync();
        try
        {
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            await page.EvaluateAsync("document.fonts.ready");
            var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true, Tagged = true });
            _idle.Add(page);
            page = null;
            return pdf;
        }
        finally
        {
            if (page is not null) await CloseQuietlyAsync(page);
        }
    }

    private async Task<IBrowserContext> ContextAsync(CancellationToken ct)
    {
        if (_context is { } ready && _browser is { IsConnected: true }) return ready;
        await _startLock.WaitAsync(ct);
        try
        {
            if (_context is { } started && _browser is { IsConnected: true }) return started;
            _idle.Clear();
            _playwright ??= await Playwright.CreateAsync();
            var browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync"],
            });
            browser.Disconnected += (_, _) => _logger.LogWarning("Chromium disconnected; the next PDF starts it again");
            var context = await browser.NewContextAsync();
            await context.RouteAsync("**/*", route => _assets.TryGetValue(route.Request.Url, out var body)
                ? route.FulfillAsync(new RouteFulfillOptions { BodyBytes = body, ContentType = "font/woff2", Headers = new Dictionary<string, string> { ["Cache-Control"] = "max-age=86400" } })
                : route.AbortAsync());
            (_browser, _context) = (browser, context);
            Starts++;
            _logger.LogInformation("Chromium started for PDFs: {Path}", ChromiumPath);
            return context;
        }
        finally
        {
            _startLock.Release();
        }
    }

    /// <summary>Closes the browser as a crash would; the next document starts a new one. For tests of that path.</summary>
    internal async Task CloseBrowserAsync()
    {
        if (_browser is { } browser) await browser.CloseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is { } browser) await browser.CloseAsync();
        _playwright?.Dispose();
    }

    private static string? Discover(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? configured : null;
        return KnownPaths.FirstOrDefault(File.Exists);
    }

    // Vazirmatn rebuilt so that every glyph stands for one letter (Documents/Fonts/split_lam_alef.py): with the stock
    // lam-alef ligature, text extractors read «لازم» as «الزم».
    private static byte[] ReadFont(string name)
    {
        using var stream = typeof(PdfRenderer).Assembly.GetManifestResourceStream($"Portal.Documents.Fonts.{name}")
            ?? throw new FileNotFoundException("The PDF font is not embedded in the portal (Portal/Documents/Fonts).", name);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static async Task CloseQuietlyAsync(IPage page)
    {
        try { await page.CloseAsync(); }
        catch (PlaywrightException) { } // the browser it belonged to is gone already
    }
}

/// <summary><c>/health</c> says "degraded" on a machine without Chromium: everything but PDFs works.</summary>
public sealed class PdfEngineHealthCheck(PdfRenderer renderer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(renderer.ChromiumPath is { } path
            ? HealthCheckResult.Healthy($"PDF engine: {path}")
            : HealthCheckResult.Degraded("PDF engine missing: install the chromium package or set Pdf:ChromiumPath"));
}
