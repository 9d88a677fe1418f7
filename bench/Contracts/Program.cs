using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Documents;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Contracts;
using Portal.Domain.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Security;
using Portal.Hosting;
using Portal.Features.Contracts;

// Contract PDFs through the portal's real host: BENCH_DB names a seeded SQLite file whose Kerman agencies are trained
// and have no contracts, BENCH_FILES an empty file-store folder (bench/contracts.sh arranges both).
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var dbFile = Environment.GetEnvironmentVariable("BENCH_DB") ?? throw new InvalidOperationException("Set BENCH_DB to a seeded portal database.");
var filesRoot = Environment.GetEnvironmentVariable("BENCH_FILES") ?? throw new InvalidOperationException("Set BENCH_FILES to an empty folder.");
var portalDir = Bench.FindPortalDir();
// Smoke mode (bench/contracts.sh --smoke): a few renders and issues on a tiny database, to prove the path still runs.
var smoke = Environment.GetEnvironmentVariable("BENCH_SMOKE") == "1";
var (warmups, renderRuns, splitRuns, singles) = smoke ? (1, 3, 2, 1) : (5, 40, 20, 20);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args, ContentRootPath = portalDir, WebRootPath = Path.Combine(portalDir, "wwwroot"), EnvironmentName = Environments.Production,
});
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:Portal"] = $"Data Source={dbFile}",
    ["Files:Root"] = filesRoot,
    // Production prints no QR link without the address users reach the portal at; any address does for timing.
    ["Portal:PublicUrl"] = "https://portal.example",
    ["Database:MigrateOnStartup"] = "false",
    ["Logging:LogLevel:Default"] = "Warning",
    // Disposing the host closes Chromium, which the renderer reports as a warning; a real crash shows in "started N times".
    ["Logging:LogLevel:Portal.Documents.PdfRenderer"] = "Error",
});
builder.AddPortal();
// Built, never run: the services are used directly, as a page or the batch dialog would call them.
await using var app = builder.Build();
await using var scope = app.Services.CreateAsyncScope();
var services = scope.ServiceProvider;
var contexts = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
var renderer = services.GetRequiredService<PdfRenderer>();
var contractPdf = services.GetRequiredService<ContractPdf>();
var clock = TimeProvider.System;

int kermanId, officeId;
ContractTemplate template;
await using (var system = PortalDb.Open(contexts, Actor.System))
{
    kermanId = await system.Provinces.Where(p => p.Code == "08").Select(p => p.Id).SingleAsync();
    officeId = await system.OrgUnits.Where(u => u.Kind == UnitKind.ReviewOffice && u.ProvinceId == kermanId).Select(u => u.Id).SingleAsync();
    template = await system.ContractTemplates.AsNoTracking().OrderByDescending(t => t.Version).FirstAsync();
}
Console.WriteLine($"Contract PDF benchmark  {DateTime.Now:yyyy-MM-dd HH:mm}  {Environment.ProcessorCount} cores  .NET {Environment.Version}  Chromium {renderer.ChromiumPath ?? "MISSING"}");
Console.WriteLine($"database {dbFile}; template version {template.Version}; Kerman province {kermanId}, review office {officeId}");
Console.WriteLine($"load average at start: {Bench.LoadAverage()} (much above 0 means something else shares the cores)");

// --- a. one contract PDF, warm browser ---------------------------------------------------------------------------------
Bench.Section("a. Single contract PDF, warm browser (IContractPdf.RenderAsync of the template's sample paper)");
var pdf = services.GetRequiredService<IContractPdf>();
var paper = ContractPaper.Sample(template, JalaliDate.Today(clock));
var sw = Stopwatch.StartNew();
var bytes = await pdf.RenderAsync(paper);
var coldMs = sw.Elapsed.TotalMilliseconds;
for (var i = 1; i < warmups; i++) await pdf.RenderAsync(paper);
var renders = new List<double>();
for (var i = 0; i < renderRuns; i++)
{
    sw.Restart();
    bytes = await pdf.RenderAsync(paper);
    renders.Add(sw.Elapsed.TotalMilliseconds);
}
// Where one render's time goes: Blazor's HtmlRenderer + QR code in this process, then Chromium's load + print.
var htmlMs = new List<double>();
var printMs = new List<double>();
var html = "";
for (var i = 0; i < splitRuns; i++)
{
    sw.Restart();
    html = await contractPdf.HtmlAsync(paper);
    htmlMs.Add(sw.Elapsed.TotalMilliseconds);
    sw.Restart();
    await renderer.RenderAsync(html);
    printMs.Add(sw.Elapsed.TotalMilliseconds);
}
var singleMedian = Bench.Median(renders);
Console.WriteLine($"first render (starts Chromium)   {coldMs,8:F0} ms");
Console.WriteLine($"{renderRuns} renders after {warmups} warm-ups      median {singleMedian:F1} ms   p95 {Bench.Percentile(renders, 95):F1} ms   min {renders.Min():F1} ms   max {renders.Max():F1} ms");
Console.WriteLine($"  of which HTML (Blazor + QR)    median {Bench.Median(htmlMs):F1} ms   ({html.Length:N0} chars of HTML)");
Console.WriteLine($"  of which Chromium load + print median {Bench.Median(printMs):F1} ms");
Console.WriteLine($"PDF size                         {bytes.Length:N0} bytes ({bytes.Length / 1024.0:F1} KB), {Bench.PageCount(bytes)} pages");

// --- b. one issue end to end -------------------------------------------------------------------------------------------
Bench.Section($"b. One issue end to end (ContractDrafting.DraftAsync + ContractIssuing.IssueAsync: number, render, hash, store, save), {singles} agencies");
var actor = new Actor("bench", "bench.kerman.reviewoffice", Roles.ReviewOffice, officeId, OrgScope.Province(kermanId));
var timedPdf = new TimedPdf(pdf);
var officeDb = new PortalDb(contexts, new FixedUser(actor));
var queries = new ContractQueries(officeDb, services.GetRequiredService<ILogger<ContractQueries>>());
var drafting = new ContractDrafting(officeDb, clock);
var issuing = new ContractIssuing(officeDb, timedPdf, services.GetRequiredService<IFileStore>(), clock);
var batches = new ContractBatchIssuing(officeDb, timedPdf, services.GetRequiredService<IFileStore>(), clock);
var today = JalaliDate.Today(clock);
var startsOn = (today.Month == 12 ? JalaliDate.Create(today.Year + 1, 1, 1) : JalaliDate.Create(today.Year, today.Month + 1, 1)).ToDateOnly();
var terms = new ContractTerms(startsOn, 12, 1_500_000);
var draftable = await queries.DraftableAgenciesAsync();
var candidatesBefore = await batches.BatchCandidateCountAsync();
Console.WriteLine($"agencies the office may draft for: {draftable.Count}; batch candidates before: {candidatesBefore}");
if (draftable.Count < singles || candidatesBefore < (smoke ? singles + 1 : 220))
{
    Console.Error.WriteLine("Needs 20 draftable agencies and 220 batch candidates in Kerman: run bench/contracts.sh, which arranges the database.");
    return 1;
}
var drafts = new List<double>();
var issues = new List<double>();
foreach (var agency in draftable.Take(singles))
{
    sw.Restart();
    var id = await drafting.DraftAsync(agency.Id, terms);
    drafts.Add(sw.Elapsed.TotalMilliseconds);
    Guid version;
    await using (var system = PortalDb.Open(contexts, Actor.System))
        version = await system.Contracts.Where(c => c.Id == id).Select(c => c.Version).SingleAsync();
    sw.Restart();
    await issuing.IssueAsync(id, version);
    issues.Add(sw.Elapsed.TotalMilliseconds);
}
var totals = drafts.Zip(issues, (d, i) => d + i).ToList();
Console.WriteLine($"issued {issues.Count}: draft + issue  median {Bench.Median(totals):F1} ms   min {totals.Min():F1} ms   max {totals.Max():F1} ms (the first one pays for EF's first queries)");
Console.WriteLine($"  draft                          median {Bench.Median(drafts):F1} ms");
Console.WriteLine($"  issue                          median {Bench.Median(issues):F1} ms");
Console.WriteLine($"    of which PDF render          median {Bench.Median(timedPdf.Calls):F1} ms");

// --- c. batch of 200 ---------------------------------------------------------------------------------------------------
Bench.Section($"c. Batch (ContractBatchIssuing.IssueBatchAsync, starts {JalaliDate.FromDateOnly(startsOn)} = {startsOn:yyyy-MM-dd}, 12 months, 1,500,000 rials per file)");
var candidates = await batches.BatchCandidateCountAsync();
Console.WriteLine($"batch candidates: {candidates}");
timedPdf.Calls.Clear();
var sampler = new ProcessSampler(TimeSpan.FromMilliseconds(250));
sw.Restart();
var result = await batches.IssueBatchAsync(terms, new ConsoleProgress(sw, every: 50));
var batchSeconds = sw.Elapsed.TotalSeconds;
await sampler.DisposeAsync();
var chromiumPssKb = ProcessSampler.ChromiumPssKb();
List<long> sizes;
await using (var system = PortalDb.Open(contexts, Actor.System))
    sizes = await system.Contracts.Where(c => c.BatchId == result.BatchId).Select(c => c.PdfSize!.Value).ToListAsync();
var stored = new DirectoryInfo(filesRoot).EnumerateFiles("*", SearchOption.AllDirectories).Where(f => f.Directory?.Name != "tmp").ToList();
Console.WriteLine($"contracts issued {result.Issued} of {candidates}, failures {result.Failures.Count}");
foreach (var failure in result.Failures.Take(5)) Console.WriteLine($"  failed: {failure.AgencyCode} {failure.Message}");
Console.WriteLine($"total {batchSeconds:F1} s   {result.Issued / batchSeconds:F2} contracts/s   {batchSeconds * 1000 / Math.Max(1, result.Issued):F0} ms per contract");
Console.WriteLine($"  of which PDF render            total {timedPdf.Calls.Sum() / 1000:F1} s, median {Bench.Median(timedPdf.Calls):F1} ms per contract");
Console.WriteLine($"stored PDF size (Contracts.PdfSize)  avg {sizes.Average() / 1024:F1} KB   max {sizes.Max() / 1024.0:F1} KB   file store now {stored.Count} files, {stored.Sum(f => f.Length) / 1048576.0:F1} MB");
var self = Bench.Status("/proc/self/status");
Console.WriteLine($".NET process after the batch     VmHWM {self.GetValueOrDefault("VmHWM") / 1024.0:F0} MB (peak since start-up)   VmRSS {self.GetValueOrDefault("VmRSS") / 1024.0:F0} MB   sampled peak during batch {sampler.PeakSelfRssKb / 1024.0:F0} MB");
Console.WriteLine($"Chromium during the batch        peak total RSS {sampler.PeakChromiumRssKb / 1024.0:F0} MB over {sampler.PeakChromiumProcesses} processes " +
    $"(RSS counts shared pages once per process; total PSS right after the batch {chromiumPssKb / 1024.0:F0} MB)");
Console.WriteLine($"  {sampler.Samples} samples every 250 ms ({sampler.Cost.TotalMilliseconds:F0} ms spent sampling) saw {sampler.DistinctChromiumProcesses} distinct Chromium processes, at most {sampler.PeakChromiumProcesses} at once");
Console.WriteLine($"Playwright driver (node)         peak RSS {sampler.PeakDriverRssKb / 1024.0:F0} MB");
Console.WriteLine($"Chromium started {renderer.Starts} time(s) in this run");

// --- summary -----------------------------------------------------------------------------------------------------------
Bench.Section("Summary");
Console.WriteLine($"load average at the end: {Bench.LoadAverage()}");
Console.WriteLine($"single PDF median < 300 ms   {singleMedian,8:F1} ms   {(singleMedian < 300 ? "PASS" : "FAIL")}");
var batchOk = batchSeconds < 60 && result.Issued >= 200 && result.Failures.Count == 0;
Console.WriteLine($"batch of 200 < 60 s          {batchSeconds,8:F1} s    {(batchOk ? "PASS" : "FAIL")}   ({result.Issued} issued, {result.Failures.Count} failed)");
Console.WriteLine($"one issue end to end median  {Bench.Median(totals),8:F1} ms   (no target)");
return 0;

static class Bench
{
    public static void Section(string title) => Console.WriteLine($"\n== {title}");

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IReadOnlyList<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>pdfinfo's page count; without poppler-utils, the page objects in the file (Chromium writes no object streams).</summary>
    public static int PageCount(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, pdf);
            using var info = Process.Start(new ProcessStartInfo("pdfinfo", file) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = info.StandardOutput.ReadToEnd();
            info.WaitForExit();
            var pages = Regex.Match(output, @"^Pages:\s+(\d+)", RegexOptions.Multiline);
            if (pages.Success) return int.Parse(pages.Groups[1].Value);
        }
        catch (System.ComponentModel.Win32Exception) { } // no pdfinfo
        finally { File.Delete(file); }
        return Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?![s\w])").Count;
    }

    /// <summary>The numbers of a /proc/PID/status or smaps_rollup file: VmRSS, VmHWM, Pss (kB), PPid, ….</summary>
    public static Dictionary<string, long> Status(string path) => Status(File.ReadAllLines(path));

    public static Dictionary<string, long> Status(IEnumerable<string> lines)
    {
        var values = new Dictionary<string, long>();
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':');
            if (colon < 0) continue;
            var value = line[(colon + 1)..].Trim();
            if (value.EndsWith(" kB", StringComparison.Ordinal)) value = value[..^3];
            if (long.TryParse(value, out var number)) values[line[..colon]] = number;
        }
        return values;
    }

    /// <summary>The 1-, 5- and 15-minute load averages.</summary>
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    public static string FindPortalDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SocialSecurityPortal.sln"))) return Path.Combine(dir.FullName, "Portal");
        throw new InvalidOperationException("Run from inside the repository: SocialSecurityPortal.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The review office's user, fixed: the bench has no sign-in.</summary>
sealed class FixedUser(Actor actor) : ICurrentUser
{
    public ValueTask<Actor> GetAsync() => ValueTask.FromResult(actor);
}

/// <summary>The real PDF engine, timed, to split an issue's time into rendering and the rest.</summary>
sealed class TimedPdf(IContractPdf inner) : IContractPdf
{
    public List<double> Calls { get; } = [];

    public bool IsAvailable => inner.IsAvailable;

    public async Task<byte[]> RenderAsync(ContractPaper paper, CancellationToken ct = default)
    {
        var sw = Stopwatch.StartNew();
        try { return await inner.RenderAsync(paper, ct); }
        finally { Calls.Add(sw.Elapsed.TotalMilliseconds); }
    }
}

sealed class ConsoleProgress(Stopwatch sw, int every) : IProgress<ContractBatchIssuing.BatchProgress>
{
    public void Report(ContractBatchIssuing.BatchProgress value)
    {
        if (value.Done > 0 && (value.Done % every == 0 || value.Done == value.Total))
            Console.WriteLine($"  {value.Done,4}/{value.Total} after {sw.Elapsed.TotalSeconds,5:F1} s");
    }
}

/// <summary>
/// Samples resident memory while it lives: this process, and the Chromium processes and Playwright driver it started
/// (its descendants, so another browser on the machine is not counted). Only /proc/PID/status is read each time:
/// smaps_rollup (for PSS) takes tens of ms per sample and locks the browser's memory map, so <see cref="ChromiumPssKb"/>
/// reads it once, on demand.
/// </summary>
sealed class ProcessSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private static readonly int Self = Environment.ProcessId;
    private readonly HashSet<int> _chromiumPids = [];

    public ProcessSampler(TimeSpan interval) => _loop = RunAsync(interval);

    public long PeakChromiumRssKb { get; private set; }
    public int PeakChromiumProcesses { get; private set; }
    /// <summary>Chromium processes seen at all: far more than <see cref="PeakChromiumProcesses"/> means it starts some per document.</summary>
    public int DistinctChromiumProcesses => _chromiumPids.Count;
    public long PeakDriverRssKb { get; private set; }
    public long PeakSelfRssKb { get; private set; }
    public int Samples { get; private set; }
    /// <summary>Time spent sampling (on the same 2 cores as the work it measures).</summary>
    public TimeSpan Cost { get; private set; }

    /// <summary>The Chromium processes' total PSS now (shared pages split between the processes that map them).</summary>
    public static long ChromiumPssKb() => Ours(Processes()).Where(p => p.Chromium).Sum(p =>
    {
        try { return Bench.Status($"/proc/{p.Pid}/smaps_rollup").GetValueOrDefault("Pss"); }
        catch (IOException) { return 0L; }
        catch (UnauthorizedAccessException) { return 0L; }
    });

    private async Task RunAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do Sample();
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException) { }
    }

    private void Sample()
    {
        var started = Stopwatch.GetTimestamp();
        var processes = Processes();
        long rss = 0, driver = 0;
        var count = 0;
        foreach (var (pid, parent, rssKb, chromium) in Ours(processes))
        {
            if (chromium)
            {
                rss += rssKb;
                count++;
                _chromiumPids.Add(pid);
            }
            else if (parent == Self) driver += rssKb; // Playwright's node process (its comm is "MainThread")
        }
        PeakChromiumRssKb = Math.Max(PeakChromiumRssKb, rss);
        PeakChromiumProcesses = Math.Max(PeakChromiumProcesses, count);
        PeakDriverRssKb = Math.Max(PeakDriverRssKb, driver);
        PeakSelfRssKb = Math.Max(PeakSelfRssKb, processes.GetValueOrDefault(Self).RssKb);
        Samples++;
        Cost += Stopwatch.GetElapsedTime(started);
    }

    private static Dictionary<int, (string Name, int Parent, long RssKb)> Processes()
    {
        var processes = new Dictionary<int, (string Name, int Parent, long RssKb)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var lines = File.ReadAllLines(Path.Combine(dir, "status"));
                var status = Bench.Status(lines);
                processes[pid] = (lines.First(l => l.StartsWith("Name:", StringComparison.Ordinal))[5..].Trim(), (int)status.GetValueOrDefault("PPid"), status.GetValueOrDefault("VmRSS"));
            }
            catch (IOException) { } // exited meanwhile
            catch (UnauthorizedAccessException) { }
        }
        return processes;
    }

    /// <summary>This process's descendants; Chromium's are those whose name starts with "chrom" (chromium, chrome_…).</summary>
    private static IEnumerable<(int Pid, int Parent, long RssKb, bool Chromium)> Ours(Dictionary<int, (string Name, int Parent, long RssKb)> processes)
    {
        foreach (var (pid, info) in processes)
            for (var p = pid; processes.TryGetValue(p, out var up) && p > 1; p = up.Parent)
                if (up.Parent == Self)
                {
                    yield return (pid, info.Parent, info.RssKb, info.Name.StartsWith("chrom", StringComparison.Ordinal));
                    break;
                }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _loop;
        _stop.Dispose();
    }
}
