using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Documents;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using Portal.Domain.ElectronicFiles;
using Portal.Domain.Security;
using Portal.Domain.Users;
using Portal.Hosting;
using Portal.Security;
using SkiaSharp;

// bench/electronic-files.sh runs each part; BENCH_DB names the seeded and filled SQLite file, BENCH_FILES its file store,
// BENCH_SMOKE=1 makes every part tiny.
//   reads [--sql]            the queue's and a file page's reads in process, as kerman.branch.staff (--sql: each query's plan)
//   pdf OUT PAGES MB         writes a PAGES-page PDF of noisy grey JPEG pages, about MB megabytes (the upload's scan)
//   ocr PAGES                PAGES Persian pages printed by the portal's Chromium, read by the portal's Tesseract reader
//   integrity COUNT MB       COUNT new stored files of MB megabytes each (referred to by documents), then the integrity check
//   page PDF [RUNS]          where the upload's and the viewer's time goes: the page count and SHA-256 of the PDF; its page 1 drawn
//                            (pdftoppm), then marked and encoded
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var smoke = Environment.GetEnvironmentVariable("BENCH_SMOKE") == "1";
switch (args.FirstOrDefault())
{
    case "reads": await Reads.RunAsync(smoke, args.Contains("--sql")); break;
    case "pdf": NoisyPdf.Write(args[1], int.Parse(args[2]), double.Parse(args[3])); break;
    case "ocr": await Ocr.RunAsync(int.Parse(args[1])); break;
    case "integrity": await Integrity.RunAsync(int.Parse(args[1]), double.Parse(args[2])); break;
    case "page": await PageParts.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2]) : 10); break;
    default:
        Console.Error.WriteLine("usage: ElectronicFiles reads [--sql] | pdf OUT PAGES MB | ocr PAGES | integrity COUNT MB");
        Environment.Exit(2);
        break;
}

/// <summary>
/// What the queue page and a person's file page read, as the branch's staff user: the services the pages call, timed
/// one call after another (the data of one page view; the prerendered HTML is timed over HTTP by the script).
/// </summary>
static class Reads
{
    public static async Task RunAsync(bool smoke, bool sql)
    {
        var printer = new QueryPlanPrinter { Enabled = false };
        await using var host = BenchHost.Create(sql ? s => s.ConfigureDbContext<PortalDbContext>(o => o.AddInterceptors(printer), ServiceLifetime.Singleton) : null);
        var actor = await host.ActorAsync("kerman.branch.staff");
        var db = host.As(actor);
        var clock = TimeProvider.System;
        var queue = new ScanQueueQuery(db);
        var files = new TechnicalFileQuery(db, host.Services.GetRequiredService<ILogger<TechnicalFileQuery>>());
        var desk = new DocumentDesk(db, host.Services.GetRequiredService<IFileStore>(), clock);
        var viewer = new DocumentViewer(db, clock);

        int bigFile, bigDocs, typicalFile, typicalDocs, branchFiles, documentId;
        string nationalId;
        await using (var system = PortalDb.Open(host.Contexts, Actor.System))
        {
            var perFile = system.ScannedDocuments.Where(d => d.BranchId == actor.UnitId).GroupBy(d => d.FileId).Select(g => new { FileId = g.Key, Count = g.Count() });
            var big = await perFile.OrderByDescending(g => g.Count).ThenBy(g => g.FileId).FirstAsync();
            (bigFile, bigDocs) = (big.FileId, big.Count);
            var typical = await perFile.Where(g => g.Count == 4).OrderByDescending(g => g.FileId).FirstOrDefaultAsync() ?? big;
            (typicalFile, typicalDocs) = (typical.FileId, typical.Count);
            branchFiles = await system.TechnicalFiles.CountAsync(f => f.BranchId == actor.UnitId);
            nationalId = await system.TechnicalFiles.Where(f => f.BranchId == actor.UnitId && f.LastStep != ScanStepKind.Indexed)
                .OrderByDescending(f => f.Id).Select(f => f.NationalId).FirstAsync();
            documentId = await system.ScannedDocuments.Where(d => d.FileId == typicalFile).Select(d => d.Id).FirstAsync();
            Console.WriteLine($"Kerman: {await system.TechnicalFiles.CountAsync(f => f.ProvinceId == actor.Scope.ProvinceId):N0} files, " +
                $"{await system.ScannedDocuments.Where(d => d.ProvinceId == actor.Scope.ProvinceId).SumAsync(d => (long)d.Pages):N0} pages of documents; " +
                $"the reader's branch {branchFiles:N0} files; big file {bigFile} ({bigDocs} documents), typical file {typicalFile} ({typicalDocs})");
        }
        Console.WriteLine($"as {actor.UserName} ({actor.Role}, unit {actor.UnitId}); load average {Bench.LoadAverage()}");

        var (warmups, runs) = smoke ? (1, 3) : (5, 50);
        var cases = new (string Name, Func<Task<int>> Run)[]
        {
            ("queue: first page (25 rows + count)", async () => (await queue.ListAsync(new ScanQueueQuery.Filter(), 0, 25)).Total),
            ("queue: page 100", async () => (await queue.ListAsync(new ScanQueueQuery.Filter(), 99 * 25, 25)).Total),
            ("queue: by national ID", async () => (await queue.ListAsync(new ScanQueueQuery.Filter(Text: nationalId), 0, 25)).Total),
            ("queue: step 'scanned' only", async () => (await queue.ListAsync(new ScanQueueQuery.Filter(Step: ScanStepKind.Scanned), 0, 25)).Total),
            ("queue: awaiting verification", async () => (await queue.ListAsync(new ScanQueueQuery.Filter(AwaitingVerification: true), 0, 25)).Total),
            ($"file page: big file ({bigDocs} documents)", () => FilePageAsync(files, desk, viewer, bigFile)),
            ($"file page: typical file ({typicalDocs} documents)", () => FilePageAsync(files, desk, viewer, typicalFile)),
            ("viewer page: open a document (logs the view)", async () => (await viewer.OpenAsync(documentId))!.Pages),
        };
        if (sql)
        {
            foreach (var (name, run) in cases)
            {
                await run(); // warm the model
                Console.WriteLine($"\n=== {name}");
                printer.Enabled = true;
                await run();
                printer.Enabled = false;
            }
            return;
        }
        // The CPU column is this process's CPU time per call (all its threads): on a machine other work shares, the wall
        // times grow with the load average, the CPU a read takes much less.
        Console.WriteLine($"\n{"read",-52} {"p50",8} {"p95",8} {"max",8} {"CPU",8}   ({runs} runs after {warmups} warm-ups)");
        var process = Process.GetCurrentProcess();
        foreach (var (name, run) in cases)
        {
            for (var i = 0; i < warmups; i++) await run();
            var times = new List<double>();
            var result = 0;
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                result = await run();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            process.Refresh();
            var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds / runs;
            Console.WriteLine($"{name,-52} {Bench.Percentile(times, 50),6:F1}ms {Bench.Percentile(times, 95),6:F1}ms {times.Max(),6:F1}ms {cpuMs,6:F1}ms   (result {result:N0})");
        }
    }

    /// <summary>What TechnicalFilePage loads: the file with its steps and documents, the upload form's types, who viewed it.</summary>
    private static async Task<int> FilePageAsync(TechnicalFileQuery files, DocumentDesk desk, DocumentViewer viewer, int id)
    {
        var details = await files.FindAsync(id) ?? throw new InvalidOperationException($"file {id} not found");
        var types = details.CanUpload ? await desk.TypesAsync() : [];
        var views = await viewer.ViewsOfFileAsync(id);
        return details.Documents.Count + details.Steps.Count + types.Count + views.Count;
    }

}

/// <summary>
/// A scan as a batch scanner writes it: one JPEG (DCTDecode, grey) per A4 page at 200 dpi, with noise so that the pages
/// do not compress below their real size. Ten distinct pages are drawn and repeated (each page still its own image
/// object, so the file has its full size); the JPEG quality is tuned on the first page to reach about MB megabytes in all.
/// </summary>
static class NoisyPdf
{
    private const int Width = 1654, Height = 2339; // A4 at 200 dpi

    public static void Write(string path, int pages, double megabytes)
    {
        var watch = Stopwatch.StartNew();
        var target = megabytes * 1024 * 1024 / pages;
        // The noise sets the size roughly, the JPEG quality finely.
        var amplitude = 12;
        var (low, high, quality) = (10, 95, 75);
        byte[] first = [];
        for (var i = 0; i < 8; i++)
        {
            first = Page(0, amplitude, quality);
            if (Math.Abs(first.Length - target) < target * 0.03) break;
            if (first.Length < target) low = quality; else high = quality;
            quality = (low + high) / 2;
        }
        var images = new List<byte[]> { first };
        for (var i = 1; i < Math.Min(10, pages); i++) images.Add(Page(i, amplitude, quality));

        using var file = File.Create(path);
        var offsets = new List<long>();
        void Text(string s) { var b = Encoding.ASCII.GetBytes(s); file.Write(b); }
        void Begin() { offsets.Add(file.Position); Text($"{offsets.Count} 0 obj\n"); }
        Text("%PDF-1.4\n%\u00e2\u00e3\n");
        Begin(); Text("<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        Begin();
        Text($"<< /Type /Pages /Count {pages} /Kids [{string.Join(' ', Enumerable.Range(0, pages).Select(p => $"{3 + p * 3} 0 R"))}] >>\nendobj\n");
        const string content = "q 595 0 0 842 0 0 cm /Im0 Do Q";
        for (var p = 0; p < pages; p++)
        {
            var page = 3 + p * 3;
            var image = images[p % images.Count];
            Begin();
            Text($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {page + 1} 0 R /Resources << /XObject << /Im0 {page + 2} 0 R >> >> >>\nendobj\n");
            Begin(); Text($"<< /Length {content.Length} >>\nstream\n{content}\nendstream\nendobj\n");
            Begin();
            Text($"<< /Type /XObject /Subtype /Image /Width {Width} /Height {Height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length {image.Length} >>\nstream\n");
            file.Write(image);
            Text("\nendstream\nendobj\n");
        }
        var xref = file.Position;
        Text($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) Text($"{o:D10} 00000 n \n");
        Text($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        Console.WriteLine($"wrote {path}: {pages} pages, {file.Length / 1048576.0:F1} MB (noise ±{amplitude}, JPEG quality {quality}), in {watch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>A grey page: paper with noise, and dark bars standing for lines of text.</summary>
    private static byte[] Page(int seed, int amplitude, int quality)
    {
        var random = new Random(seed);
        var pixels = new byte[Width * Height];
        for (var y = 0; y < Height; y++)
        {
            var line = y > 200 && y < Height - 200 && y / 40 % 2 == 0;
            for (var x = 0; x < Width; x++)
            {
                var ink = line && x > 150 && x < Width - 150 && (x / 23 + y / 40 + seed) % 7 != 0;
                var value = (ink ? 40 : 235) + random.Next(-amplitude, amplitude + 1);
                pixels[y * Width + x] = (byte)Math.Clamp(value, 0, 255);
            }
        }
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Gray8, SKAlphaType.Opaque));
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var image = SKImage.FromBitmap(bitmap);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return jpeg.ToArray();
    }
}

/// <summary>
/// OCR throughput: Persian pages printed by the portal's own Chromium renderer (Vazirmatn, the font of the portal's papers),
/// read by the portal's TesseractPageReader (pdftoppm at 200 dpi, then tesseract -l fas with OMP_THREAD_LIMIT=1, one
/// page at a time). Pages per minute per core from the child processes' CPU time; wall-clock pages per minute too.
/// </summary>
static class Ocr
{
    private const string Paragraph =
        "بیمه شده محترم، به استناد ماده ۹۱ قانون تامین اجتماعی و بر اساس رای کمیسیون پزشکی استان، مراتب از کارافتادگی جزئی " +
        "شما تایید گردید. خواهشمند است جهت تکمیل پرونده فنی با در دست داشتن اصل شناسنامه و کارت ملی به شعبه مراجعه فرمایید. " +
        "این گواهی استراحت پزشکی بیمار از تاریخ صدور به مدت چهارده روز معتبر است و پس از آن نیازمند تایید مجدد پزشک معتمد خواهد بود. ";

    public static async Task RunAsync(int pages)
    {
        await using var host = BenchHost.Create();
        var reader = host.Services.GetRequiredService<IPageReader>();
        if (reader.Missing is { } missing)
        {
            Console.WriteLine($"ocr: skipped, {missing}");
            return;
        }
        var renderer = host.Services.GetRequiredService<PdfRenderer>();
        var pdf = await renderer.RenderAsync(Html(pages));
        var printed = Bench.PageCount(pdf);
        await reader.ReadAsync(new MemoryStream(await renderer.RenderAsync(Html(1))), FileKind.Pdf); // warm the file cache of both tools

        var cpu0 = Bench.ChildrenCpuSeconds();
        var watch = Stopwatch.StartNew();
        var texts = await reader.ReadAsync(new MemoryStream(pdf), FileKind.Pdf);
        var wall = watch.Elapsed.TotalSeconds;
        var cpu = Bench.ChildrenCpuSeconds() - cpu0;
        var found = texts.Count(t => t.Contains("کمیسیون", StringComparison.Ordinal) || t.Contains("پرونده", StringComparison.Ordinal));
        var words = texts.Sum(t => t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        Console.WriteLine($"ocr: {texts.Count} pages read of {printed} printed ({pdf.Length / 1024:N0} KB PDF, ~{words / Math.Max(1, texts.Count)} words a page; " +
            $"{found} pages with «کمیسیون» or «پرونده» found) in {wall:F1} s wall, {cpu:F1} s CPU of pdftoppm + tesseract");
        Console.WriteLine($"ocr_pages_per_min_per_core {60 * texts.Count / Math.Max(0.01, cpu):F1}");
        Console.WriteLine($"ocr_pages_per_min_wall {60 * texts.Count / wall:F1}   (one page at a time; load average {Bench.LoadAverage()})");
    }

    /// <summary>Letters of seven paragraphs, one a page.</summary>
    private static string Html(int pages)
    {
        var body = new StringBuilder();
        for (var p = 0; p < pages; p++)
        {
            body.Append(CultureInfo.InvariantCulture, $"<section style=\"break-after: page\"><h2>نامه شماره {p + 1} — پرونده فنی</h2>");
            for (var i = 0; i < 7; i++) body.Append("<p>").Append(Paragraph).Append("</p>");
            body.Append("</section>");
        }
        return $$"""
            <html dir="rtl" lang="fa"><head><style>@font-face { font-family: Vazirmatn; src: url({{PdfRenderer.AssetOrigin}}/fonts/Vazirmatn-Regular.woff2) format('woff2'); }
            body { font-family: Vazirmatn; font-size: 12pt; line-height: 1.8; }</style></head><body>{{body}}</body></html>
            """;
    }
}

/// <summary>
/// The integrity check (FileIntegrity, what StoredFilesDesk.CheckNowAsync and the scheduled job run) over COUNT new stored
/// files of random content, each referred to by a document of the big file; everything else the database refers to is
/// checked as well (the demo's sample, an uploaded scan). Prints the files and bytes it re-hashed, and its MB/s.
/// </summary>
static class Integrity
{
    public static async Task RunAsync(int count, double megabytes)
    {
        await using var host = BenchHost.Create();
        var store = host.Services.GetRequiredService<IFileStore>();
        var integrity = host.Services.GetRequiredService<FileIntegrity>();
        var size = (int)(megabytes * 1024 * 1024);
        var buffer = new byte[size];
        var watch = Stopwatch.StartNew();
        await using (var db = PortalDb.Open(host.Contexts, Actor.System))
        {
            var template = await db.ScannedDocuments.OrderByDescending(d => d.Id).Select(d => d.Id).FirstAsync();
            for (var i = 0; i < count; i++)
            {
                RandomNumberGenerator.Fill(buffer);
                var (sha, length) = await store.SaveAsync(new MemoryStream(buffer));
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO ScannedDocuments (FileId, BranchId, ProvinceId, TypeId, Title, Pages, Source, Sha256, Size, ContentKind, ScannedBy, ScannedAt,
                      ScannedByUnitId, ScannedByUnitKind, VerifiedBy, VerifiedAt, Version)
                    SELECT FileId, BranchId, ProvinceId, TypeId, 'integrity bench', 1, Source, {sha}, {length}, ContentKind, ScannedBy, ScannedAt,
                      ScannedByUnitId, ScannedByUnitKind, VerifiedBy, VerifiedAt, {Guid.NewGuid().ToString().ToUpperInvariant()} FROM ScannedDocuments WHERE Id = {template}
                    """);
            }
        }
        Console.WriteLine($"integrity: stored {count} files of {megabytes} MB in {watch.Elapsed.TotalSeconds:F1} s; load average {Bench.LoadAverage()}");
        watch.Restart();
        var check = await integrity.RunAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"integrity: {check.FilesChecked} files, {check.BytesChecked / 1048576.0:F1} MB re-hashed in {seconds:F2} s " +
            $"({check.Changed} changed, {check.Missing} missing)");
        Console.WriteLine($"integrity_mb_per_s {check.BytesChecked / 1048576.0 / seconds:F1}");
    }
}

/// <summary>
/// The viewer's page image in its two parts, as DocumentPages makes it: ScanImages.PageAsync (the stored scan copied to a
/// temporary file, then pdftoppm -f 1 -l 1 at 110 dpi) and DocumentPages.Marked (the mark drawn, the page scaled to 900
/// pixels and encoded as PNG); and, for comparison, the same marked page's encoding as JPEG and as a fast PNG.
/// </summary>
static class PageParts
{
    public static async Task RunAsync(string pdf, int runs)
    {
        var (draw, mark, jpeg, fastPng) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        var (pngBytes, jpegBytes, fastBytes) = (0L, 0L, 0L);
        for (var i = 0; i <= runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await using var content = File.OpenRead(pdf);
            var image = await ScanImages.PageAsync(content, ScanFormat.Pdf, 1, DocumentPages.Dpi);
            var t1 = watch.Elapsed.TotalMilliseconds;
            var png = DocumentPages.Marked(image, "kerman.branch.staff  1405/09/12 10:30", 900);
            var t2 = watch.Elapsed.TotalMilliseconds;
            using var bitmap = SKBitmap.Decode(png);
            using var encoded = bitmap.Encode(SKEncodedImageFormat.Jpeg, 80);
            var t3 = watch.Elapsed.TotalMilliseconds;
            using var pixmap = bitmap.PeekPixels();
            using var fast = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 1));
            var t4 = watch.Elapsed.TotalMilliseconds;
            if (i == 0) continue; // warm-up
            (pngBytes, jpegBytes, fastBytes) = (png.Length, encoded.Size, fast!.Size);
            draw.Add(t1); mark.Add(t2 - t1); jpeg.Add(t3 - t2); fastPng.Add(t4 - t3);
        }
        // The upload's checks on the same file: its page count as DocumentDesk reads it (PdfPig, strict), and its SHA-256.
        var (count, hash) = (new List<double>(), new List<double>());
        var pages = 0;
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            await using (var content = File.OpenRead(pdf))
            using (var document = UglyToad.PdfPig.PdfDocument.Open(content, new UglyToad.PdfPig.ParsingOptions { UseLenientParsing = false }))
                pages = document.NumberOfPages;
            count.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await using (var content = File.OpenRead(pdf)) await SHA256.HashDataAsync(content);
            hash.Add(watch.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"upload checks of {Path.GetFileName(pdf)}: PdfPig page count ({pages}) median {Bench.Percentile(count, 50):F0} ms, SHA-256 median {Bench.Percentile(hash, 50):F0} ms");
        Console.WriteLine($"page 1 of {Path.GetFileName(pdf)} ({new FileInfo(pdf).Length / 1048576.0:F1} MB), median of {runs}: " +
            $"copy + pdftoppm {Bench.Percentile(draw, 50):F0} ms; mark + scale + PNG {Bench.Percentile(mark, 50):F0} ms ({pngBytes / 1024:N0} KB); " +
            $"the marked page encoded instead as JPEG 80 {Bench.Percentile(jpeg, 50):F0} ms ({jpegBytes / 1024:N0} KB), " +
            $"as PNG with the Sub filter and zlib level 1 {Bench.Percentile(fastPng, 50):F0} ms ({fastBytes / 1024:N0} KB)");
    }
}

static class Bench
{
    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IReadOnlyList<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    /// <summary>User + system CPU seconds of the children this process has waited for (/proc/self/stat cutime + cstime).</summary>
    public static double ChildrenCpuSeconds()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After the command name: field 3 is the state, so cutime (16) and cstime (17) are at 13 and 14 here.
        return (long.Parse(fields[13]) + long.Parse(fields[14])) / 100.0;
    }

    /// <summary>The page objects in a PDF (Chromium writes no object streams).</summary>
    public static int PageCount(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?![s\w])").Count;
}
