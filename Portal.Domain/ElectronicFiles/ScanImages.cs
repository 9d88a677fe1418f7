using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using BitMiracle.LibTiff.Classic;
using Portal.Domain.Common.Files;
using SkiaSharp;

namespace Portal.Domain.ElectronicFiles;

/// <summary>One page of a scan as 8-bit grey pixels, row by row, at about the resolution asked for.</summary>
public sealed record ScanImage(int Page, int Width, int Height, byte[] Gray);

/// <summary>
/// A scan's pages as grey images, one at a time, at about <c>dpi</c> dots per inch of an A4 page (a page's longer side
/// becomes at most 11.7 × dpi pixels, twice that for a black-and-white TIFF page; nothing is enlarged). PDF pages are rasterised by poppler's <c>pdftoppm</c>
/// (Debian package poppler-utils) a few pages per run; TIFF frames are decoded by LibTiff.NET; JPEG and PNG by SkiaSharp.
/// Only one page's pixels are held at a time, so a 300-page batch reads in the memory of one page.
/// </summary>
public static class ScanImages
{
    private const int PagesPerRun = 16;

    /// <summary>The most pixels a page may have (A4 at 600 dpi is 35 million): a larger one is refused before it is decoded.</summary>
    public const long MaxPixels = 80_000_000;
    private static readonly string[] PdfToPpmPaths = ["/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm"];

    /// <summary>poppler's rasteriser, or null on a machine without poppler-utils: PDF batches cannot then be read.</summary>
    public static string? PdfToPpm { get; } = PdfToPpmPaths.FirstOrDefault(File.Exists);

    public static async IAsyncEnumerable<ScanImage> ReadAsync(Stream scan, ScanFormat format, int dpi, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dpi, 20);
        var maxSide = (int)Math.Round(11.7 * dpi);
        switch (format)
        {
            case ScanFormat.Pdf:
                await foreach (var page in PdfAsync(scan, dpi, ct)) yield return page;
                break;
            case ScanFormat.Tiff:
                foreach (var page in Tiff(scan, maxSide))
                {
                    ct.ThrowIfCancellationRequested();
                    yield return page;
                }
                break;
            case ScanFormat.Jpeg or ScanFormat.Png:
                yield return Image(scan, maxSide);
                break;
            default:
                throw new ArgumentException("Only a PDF, TIFF, JPEG or PNG scan has pages to read.", nameof(format));
        }
    }

    /// <summary>
    /// One page, for the viewer: a PDF page rasterised alone (pdftoppm -f n -l n); a TIFF frame (the frames before it are
    /// read through); a JPEG or PNG is its own page 1.
    /// </summary>
    public static async Task<ScanImage> PageAsync(Stream scan, ScanFormat format, int page, int dpi, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        var maxSide = (int)Math.Round(11.7 * dpi);
        switch (format)
        {
            case ScanFormat.Pdf:
                var tool = PdfToPpm ?? throw new InvalidOperationException("PDF pages cannot be read on this machine: install poppler-utils (pdftoppm).");
                var folder = Directory.CreateTempSubdirectory("page-");
                try
                {
                    // A stored scan is a file already (LocalFileStore): pdftoppm reads it where it is. Copied, a 300-page
                    // scan's 60 MB were written again for every page and thumbnail the viewer asked for.
                    var inPlace = scan is FileStream { Position: 0 } stored && File.Exists(stored.Name) ? stored.Name : null;
                    var pdf = inPlace ?? Path.Combine(folder.FullName, "scan.pdf");
                    if (inPlace is null)
                        await using (var file = File.Create(pdf)) await scan.CopyToAsync(file, ct);
                    await PdfToPpmAsync(tool, pdf, page, page, dpi, Path.Combine(folder.FullName, "p"), ct);
                    var image = folder.GetFiles("p-*.pgm").SingleOrDefault() ?? throw new ArgumentOutOfRangeException(nameof(page), page, "The PDF has no such page.");
                    return Pgm(page, await File.ReadAllBytesAsync(image.FullName, ct));
                }
                finally
                {
                    folder.Delete(recursive: true);
                }
            case ScanFormat.Tiff:
                return Tiff(scan, maxSide).Skip(page - 1).FirstOrDefault() ?? throw new ArgumentOutOfRangeException(nameof(page), page, "The TIFF has no such page.");
            case ScanFormat.Jpeg or ScanFormat.Png when page == 1:
                return Image(scan, maxSide);
            default:
                throw new ArgumentOutOfRangeException(nameof(page), page, "The scan has no such page.");
        }
    }

    private static async IAsyncEnumerable<ScanImage> PdfAsync(Stream scan, int dpi, [EnumeratorCancellation] CancellationToken ct)
    {
        var tool = PdfToPpm ?? throw new InvalidOperationException("PDF pages cannot be read on this machine: install poppler-utils (pdftoppm).");
        var pages = ScanPages.Count(scan).Pages;
        var folder = Directory.CreateTempSubdirectory("scan-");
        try
        {
            var pdf = Path.Combine(folder.FullName, "batch.pdf");
            scan.Position = 0;
            await using (var file = File.Create(pdf)) await scan.CopyToAsync(file, ct);
            scan.Position = 0;
            for (var first = 1; first <= pages; first += PagesPerRun)
            {
                var last = Math.Min(pages, first + PagesPerRun - 1);
                await PdfToPpmAsync(tool, pdf, first, last, dpi, Path.Combine(folder.FullName, "p"), ct);
                // pdftoppm names pages p-7.pgm, p-07.pgm or p-007.pgm depending on the document's page count.
                var images = folder.GetFiles("p-*.pgm")
                    .Select(f => (File: f, Page: int.Parse(Path.GetFileNameWithoutExtension(f.Name)[2..], System.Globalization.CultureInfo.InvariantCulture)))
                    .OrderBy(p => p.Page);
                foreach (var (file, page) in images)
                {
                    var image = Pgm(page, await File.ReadAllBytesAsync(file.FullName, ct));
                    file.Delete();
                    yield return image;
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>How long one run of pdftoppm may take (sixteen pages take well under a second): a PDF that hangs it is refused.</summary>
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    private static async Task PdfToPpmAsync(string tool, string pdf, int first, int last, int dpi, string root, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(RunTimeout);
        var ct = timeout.Token;
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-gray", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", first.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", last.ToString(System.Globalization.CultureInfo.InvariantCulture), pdf, root })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftoppm did not start.");
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancel.IsCancellationRequested) throw;
            throw new InvalidDataException($"pdftoppm did not finish pages {first}-{last} within {RunTimeout.TotalSeconds:0} s.");
        }
        if (process.ExitCode != 0) throw new InvalidDataException($"pdftoppm could not rasterise pages {first}-{last}: {await errors}");
    }

    /// <summary>A binary PGM (P5, 8-bit) as pdftoppm writes it: «P5», width, height, maximum, each after white space, then the pixels.</summary>
    private static ScanImage Pgm(int page, byte[] pgm)
    {
        var position = 0;
        string Token()
        {
            while (position < pgm.Length && (char.IsWhiteSpace((char)pgm[position]) || pgm[position] == '#'))
            {
                if (pgm[position] == '#') while (position < pgm.Length && pgm[position] != '\n') position++;
                else position++;
            }
            var start = position;
            while (position < pgm.Length && !char.IsWhiteSpace((char)pgm[position])) position++;
            return Encoding.ASCII.GetString(pgm, start, position - start);
        }
        if (Token() != "P5") throw new InvalidDataException("pdftoppm wrote something other than a grey image.");
        var width = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        if (Token() != "255") throw new InvalidDataException("pdftoppm wrote a grey image of other than 8 bits.");
        position++; // the single white space before the pixels
        return new ScanImage(page, width, height, pgm.AsSpan(position, width * height).ToArray());
    }

    private static IEnumerable<ScanImage> Tiff(Stream scan, int maxSide)
    {
        using var tiff = TiffReading.Open(scan) ?? throw new InvalidDataException("The TIFF does not open.");
        var page = 0;
        do
        {
            page++;
            var width = tiff.GetField(TiffTag.IMAGEWIDTH)[0].ToInt();
            var height = tiff.GetField(TiffTag.IMAGELENGTH)[0].ToInt();
            if ((long)width * height > MaxPixels) throw new InvalidDataException($"Page {page} of the TIFF is larger than a scan.");
            var raster = new int[width * height];
            if (!tiff.ReadRGBAImageOriented(width, height, raster, Orientation.TOPLEFT))
                throw new InvalidDataException($"Page {page} of the TIFF does not decode.");
            // A black-and-white page's bars are whole pixels: averaged down to the asked size, a bar's width is then off by
            // up to a quarter of a module and Code 128 stops reading; at twice the size it still reads.
            var bilevel = tiff.GetField(TiffTag.BITSPERSAMPLE) is { } bits && bits[0].ToInt() == 1;
            // LibTiff packs each pixel as ABGR in an int: red in the low byte.
            yield return Shrink(page, width, height, bilevel ? 2 * maxSide : maxSide, i =>
            {
                var p = raster[i];
                return Luma(p & 0xFF, (p >> 8) & 0xFF, (p >> 16) & 0xFF);
            });
        }
        while (tiff.ReadDirectory());
        scan.Position = 0;
    }

    private static ScanImage Image(Stream scan, int maxSide)
    {
        scan.Position = 0;
        using var codec = SKCodec.Create(new SKManagedStream(scan, disposeManagedStream: false))
            ?? throw new InvalidDataException("The image does not decode.");
        // A JPEG decodes at 1/2, 1/4 or 1/8 of its size for the price of that size: the largest not below the target.
        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels) throw new InvalidDataException("The image is larger than a scan.");
        var scale = Math.Min(1f, (float)maxSide / Math.Max(codec.Info.Width, codec.Info.Height));
        var size = codec.GetScaledDimensions(scale);
        if (Math.Max(size.Width, size.Height) < maxSide && scale < 1f) size = codec.Info.Size;
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput)) throw new InvalidDataException("The image does not decode.");
        scan.Position = 0;
        var pixels = bitmap.GetPixelSpan().ToArray();
        return Shrink(1, size.Width, size.Height, maxSide, i => Luma(pixels[4 * i], pixels[4 * i + 1], pixels[4 * i + 2]));
    }

    private static byte Luma(int r, int g, int b) => (byte)((r * 299 + g * 587 + b * 114) / 1000);

    /// <summary>Grey pixels, averaged over square blocks so that the longer side is at most <paramref name="maxSide"/>.</summary>
    private static ScanImage Shrink(int page, int width, int height, int maxSide, Func<int, byte> gray)
    {
        var factor = Math.Max(1, (int)Math.Ceiling((double)Math.Max(width, height) / maxSide));
        var (w, h) = (width / factor, height / factor);
        var pixels = new byte[w * h];
        var area = factor * factor;
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            var sum = 0;
            for (var dy = 0; dy < factor; dy++)
            {
                var row = (y * factor + dy) * width + x * factor;
                for (var dx = 0; dx < factor; dx++) sum += gray(row + dx);
            }
            pixels[y * w + x] = (byte)(sum / area);
        }
        return new ScanImage(page, w, h, pixels);
    }
}
