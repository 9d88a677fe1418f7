using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Domain.Common.Files;
using Portal.Domain.ElectronicFiles;

namespace Portal.Features.ElectronicFiles;

/// <summary>
/// OCR with Debian's Tesseract and its Persian model (<c>apt-get install tesseract-ocr tesseract-ocr-fas</c>): an image
/// or multi-page TIFF is read as it is; a PDF's pages are first drawn by poppler's <c>pdftoppm</c>. Both run as child
/// processes on a temporary copy, with arguments (never a shell), and are killed when they overrun
/// <c>Ocr:PageTimeoutSeconds</c> per page.
/// </summary>
public sealed class TesseractPageReader : IPageReader
{
    private readonly string _tesseract;
    private readonly string _pdftoppm;
    private readonly string _language;
    private readonly int _dpi;
    private readonly TimeSpan _pageTimeout;
    private readonly TimeSpan _discoveryTimeout;
    private readonly ILogger<TesseractPageReader> _logger;
    private readonly Lock _discovery = new();
    private (string? Missing, bool Known) _found;

    public TesseractPageReader(IConfiguration config, ILogger<TesseractPageReader> logger)
    {
        _tesseract = config["Ocr:TesseractPath"] is { Length: > 0 } t ? t : "/usr/bin/tesseract";
        _pdftoppm = config["Ocr:PdftoppmPath"] is { Length: > 0 } p ? p : "/usr/bin/pdftoppm";
        _language = config["Ocr:Language"] is { Length: > 0 } l ? l : "fas";
        _dpi = config.GetValue("Ocr:Dpi", 200);
        _pageTimeout = TimeSpan.FromSeconds(config.GetValue("Ocr:PageTimeoutSeconds", 60));
        _discoveryTimeout = TimeSpan.FromSeconds(config.GetValue("Ocr:DiscoveryTimeoutSeconds", 10));
        _logger = logger;
    }

    /// <summary>
    /// Found at first use, not while the server starts: Tesseract is asked for its languages, and on a machine busy enough
    /// (a server restarted under load) that it does not answer in time, OCR waits and asks again at the next use, where a
    /// start that waited for it would have failed.
    /// </summary>
    public string? Missing
    {
        get
        {
            lock (_discovery)
            {
                if (_found.Known) return _found.Missing;
                _found = Discover();
                if (_found is { Known: true, Missing: { } missing }) _logger.LogWarning("OCR is off: {Missing}", missing);
                return _found.Missing;
            }
        }
    }

    public async Task<IReadOnlyList<string>> ReadAsync(Stream content, FileKind kind, CancellationToken ct = default)
    {
        if (Missing is not null) throw new InvalidOperationException(Missing);
        var folder = Directory.CreateTempSubdirectory("portal-ocr-").FullName;
        try
        {
            var source = Path.Combine(folder, "source");
            await using (var copy = File.Create(source)) await content.CopyToAsync(copy, ct);
            if (kind != FileKind.Pdf) return SplitPages(await RunAsync(_tesseract, [source, "stdout", "-l", _language], _pageTimeout * 50, ct));

            await RunAsync(_pdftoppm, ["-r", _dpi.ToString(), "-gray", "-png", source, Path.Combine(folder, "page")], _pageTimeout * 50, ct);
            var pages = Directory.GetFiles(folder, "page*.png").Order(StringComparer.Ordinal).ToList();
            var texts = new List<string>(pages.Count);
            foreach (var page in pages) texts.Add((await RunAsync(_tesseract, [page, "stdout", "-l", _language], _pageTimeout, ct)).Trim('\f', '\n', ' '));
            return texts;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Tesseract ends each page of a multi-page image with a form feed.
    private static List<string> SplitPages(string text)
    {
        var pages = text.Split('\f').Select(p => p.Trim('\n', ' ')).ToList();
        if (pages.Count > 1 && pages[^1].Length == 0) pages.RemoveAt(pages.Count - 1);
        return pages;
    }

    /// <summary>What keeps pages from being read, or null; and whether that is known for good or only for now.</summary>
    private (string? Missing, bool Known) Discover()
    {
        if (!File.Exists(_tesseract)) return ($"Tesseract not found at {_tesseract}: install tesseract-ocr and tesseract-ocr-{_language}, or set Ocr:TesseractPath", true);
        if (!File.Exists(_pdftoppm)) return ($"pdftoppm not found at {_pdftoppm}: install poppler-utils, or set Ocr:PdftoppmPath", true);
        try
        {
            var languages = RunAsync(_tesseract, ["--list-langs"], _discoveryTimeout, CancellationToken.None).GetAwaiter().GetResult();
            return (languages.Split('\n').Any(l => l.Trim() == _language) ? null : $"Tesseract has no '{_language}' model: install tesseract-ocr-{_language}", true);
        }
        catch (OperationCanceledException)
        {
            return ($"Tesseract did not answer within {_discoveryTimeout.TotalSeconds:0} s (a busy machine?); asked again at the next use", false);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return ($"Tesseract does not run: {e.Message}", true);
        }
    }

    private static async Task<string> RunAsync(string file, string[] arguments, TimeSpan timeout, CancellationToken ct)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["OMP_THREAD_LIMIT"] = "1"; // one page, one core: the reader runs beside the web server
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        using var overrun = CancellationTokenSource.CreateLinkedTokenSource(ct);
        overrun.CancelAfter(timeout);
        var output = process.StandardOutput.ReadToEndAsync(overrun.Token);
        var errors = process.StandardError.ReadToEndAsync(overrun.Token);
        try
        {
            await process.WaitForExitAsync(overrun.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {(await errors).Trim()}");
        return await output;
    }
}

/// <summary>"Degraded" when pages cannot be read: uploads still work, their words are not searchable.</summary>
public sealed class OcrHealthCheck(IPageReader reader) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(reader.Missing is { } missing ? HealthCheckResult.Degraded($"OCR off: {missing}") : HealthCheckResult.Healthy("OCR: Tesseract"));
}
