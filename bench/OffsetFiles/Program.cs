using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using Portal.Domain.OffsetFiles;
using Portal.Domain.Security;
using Portal.Hosting;
using Portal.Security;
using Portal.Domain.Users;
using Portal.Domain.SignIn;

// BENCH_DB names a portal database seeded by bench/offset-files.sh, BENCH_FILES a file-store folder.
//   --arrange      makes the three files the runs use (idempotent)
//   --send [N]     N sends of a fresh 5,000-debtor file, the first one cold (on a copy of the database)
//   --post [W]     the insurance side's then the treatment side's 1,000 confirmations, W treatment workers (on a copy)
//   --smoke        the file page's reads once each, in process (bench/offset-files.sh --smoke)
//   otherwise      BenchmarkDotNet on the file page's reads (class FilePage)
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
switch (args.FirstOrDefault())
{
    case "--arrange": await Arrange.RunAsync(); return;
    case "--send": await SendRuns.RunAsync(int.Parse(args.ElementAtOrDefault(1) ?? "5")); return;
    case "--post": await PostRuns.RunAsync(int.Parse(args.ElementAtOrDefault(1) ?? "1")); return;
    case "--smoke": await BenchSmoke.RunAsync<FilePage>(); return;
}
BenchmarkSwitcher.FromAssembly(typeof(FilePage).Assembly).Run(args);

/// <summary>
/// The portal's real host (services as <c>AddPortal</c> registers them, built and never run) on the bench database, and
/// the offset services as Kerman's demo users, whose actor comes from the same claims a sign-in gives them.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    public const string SentTitle = "بنچمارک — همه بدهکاران و مطالبات استان (ارسال‌شده)";
    public const string DraftTitle = "بنچمارک — همه بدهکاران و مطالبات استان (در دست تهیه)";
    public const string AgreementsTitle = "بنچمارک — 1000 توافق"; // titles are stored normalized, digits included
    public const int Agreements = 1_000;

    /// <summary>Smoke mode (bench/offset-files.sh --smoke): the tiny shared database, so the runs take what it holds.</summary>
    public static bool Smoke => Environment.GetEnvironmentVariable("BENCH_SMOKE") == "1";

    private readonly WebApplication _app;

    private BenchHost(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;
    public IDbContextFactory<PortalDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
    public IFileStore Store => Services.GetRequiredService<IFileStore>();
    public TimeProvider Clock { get; } = TimeProvider.System;

    public static BenchHost Create()
    {
        var dbFile = Environment.GetEnvironmentVariable("BENCH_DB") ?? throw new InvalidOperationException("Set BENCH_DB (bash bench/offset-files.sh).");
        var files = Environment.GetEnvironmentVariable("BENCH_FILES") ?? throw new InvalidOperationException("Set BENCH_FILES (bash bench/offset-files.sh).");
        var portalDir = FindPortalDir();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = portalDir, WebRootPath = Path.Combine(portalDir, "wwwroot"), EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = $"Data Source={dbFile}",
            ["Files:Root"] = files,
            // Production prints no QR link without the address users reach the portal at; any address does for timing.
            ["Portal:PublicUrl"] = "https://portal.example",
            ["Database:MigrateOnStartup"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Portal.Documents.PdfRenderer"] = "Error", // disposing the host closes Chromium, which it reports
        });
        builder.AddPortal();
        return new BenchHost(builder.Build());
    }

    /// <summary>The user's actor as the app makes it at sign-in: the claims factory's principal, read by <see cref="PortalClaims.ToActor"/>.</summary>
    public async Task<Actor> ActorAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PortalDbContext>().ActAs(Actor.System);
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"No user {userName}: seed with seed-demo.");
        return PortalClaims.ToActor(await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user));
    }

    public PortalDb As(Actor actor) => new(Contexts, new FixedUser(actor));
    public OffsetDesk Desk(Actor actor, IOffsetPapers? papers = null) => new(As(actor), papers ?? Services.GetRequiredService<IOffsetPapers>(), Store, Clock);
    public OffsetBoard Board(Actor actor) => new(As(actor), Store);
    public OffsetLedger Ledger(Actor actor) => new(As(actor), Clock);

    public async Task<int?> FileIdAsync(string title)
    {
        await using var db = PortalDb.Open(Contexts, Actor.System);
        return await db.OffsetFiles.Where(f => f.Title == title).Select(f => (int?)f.Id).SingleOrDefaultAsync();
    }

    public async Task<int> RequireFileAsync(string title) =>
        await FileIdAsync(title) ?? throw new InvalidOperationException($"No file «{title}»: run with --arrange first (bash bench/offset-files.sh does).");

    public async Task<Guid> VersionAsync(int fileId)
    {
        await using var db = PortalDb.Open(Contexts, Actor.System);
        return await db.OffsetFiles.Where(f => f.Id == fileId).Select(f => f.Version).SingleAsync();
    }

    /// <summary>Kerman's debtors by workshop code and its claims by id: what the general office picks from.</summary>
    public async Task<(List<int> Debtors, List<int> Claims)> ProvinceListsAsync(Actor office)
    {
        await using var db = await As(office).OpenAsync();
        return (await db.DebtorWorkshops.OrderBy(w => w.WorkshopCode).Select(w => w.Id).ToListAsync(),
                await db.CenterClaims.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static string FindPortalDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SocialSecurityPortal.sln"))) return Path.Combine(dir.FullName, "Portal");
        throw new InvalidOperationException("Run from inside the repository: SocialSecurityPortal.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed class FixedUser(Actor actor) : ICurrentUser
    {
        public ValueTask<Actor> GetAsync() => ValueTask.FromResult(actor);
    }
}

/// <summary>
/// The files the runs read or copy, made the way the offices make them: a sent file and a draft with all of Kerman's
/// debtors and claims, and a sent file of 1,000 debtors and all claims with 1,000 agreed outcomes (recorded on the
/// file entity in one save rather than 1,000 page round trips; the amounts fit every debt and claim).
/// </summary>
public static class Arrange
{
    public static async Task RunAsync()
    {
        await using var host = BenchHost.Create();
        var office = await host.ActorAsync("kerman.generaloffice");
        var director = await host.ActorAsync("kerman.director");
        var governor = await host.ActorAsync("kerman.governor");
        var (debtors, claims) = await host.ProvinceListsAsync(office);
        Console.WriteLine($"[arrange] Kerman: {debtors.Count:N0} debtors, {claims.Count:N0} claims");

        if (await host.FileIdAsync(BenchHost.SentTitle) is null)
        {
            var id = await Compiled(BenchHost.SentTitle, debtors, claims);
            await host.Desk(director).SendAsync(id, await host.VersionAsync(id));
        }
        if (await host.FileIdAsync(BenchHost.DraftTitle) is null) await Compiled(BenchHost.DraftTitle, debtors, claims);
        if (await host.FileIdAsync(BenchHost.AgreementsTitle) is null)
        {
            var picked = debtors.Take(BenchHost.Agreements).ToList();
            var id = await Compiled(BenchHost.AgreementsTitle, picked, claims);
            await host.Desk(director).SendAsync(id, await host.VersionAsync(id));
            await using var db = await host.As(governor).OpenAsync();
            var file = await db.OffsetFiles.Include(f => f.Debtors).Include(f => f.Claims).Include(f => f.Agreements).AsSplitQuery().SingleAsync(f => f.Id == id);
            var debts = await db.DebtorWorkshops.Where(w => picked.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.InitialDebt);
            var amounts = await db.CenterClaims.ToDictionaryAsync(c => c.Id, c => c.Amount);
            for (var i = 0; i < picked.Count; i++)
            {
                // A claim is paired with at most two debtors: half of the smaller of the debt and half the claim always fits.
                var claim = claims[i % claims.Count];
                var amount = Math.Min(debts[picked[i]], amounts[claim] / 2) / 2 / 1_000_000 * 1_000_000;
                file.RecordOutcome(picked[i], claim, amount, governor.UserName, host.Clock.GetUtcNow());
            }
            await db.SaveChangesAsync();
        }
        foreach (var title in new[] { BenchHost.SentTitle, BenchHost.DraftTitle, BenchHost.AgreementsTitle })
            Console.WriteLine($"[arrange] file {await host.FileIdAsync(title)}: {title}");

        async Task<int> Compiled(string title, List<int> workshops, List<int> centreClaims)
        {
            var desk = host.Desk(office);
            var id = await desk.CreateFileAsync(title);
            await desk.CompileAsync(id, await host.VersionAsync(id), workshops, centreClaims);
            return id;
        }
    }
}

/// <summary>
/// What the file page /offset/{id} loads, as the users who open it. <see cref="OffsetBoard.FileAsync"/> is everything
/// a sent file's page reads; a draft's page also reads the province's lists for its compiler. In process (the runs
/// share two cores with other work; a separate BenchmarkDotNet process would rebuild the portal first).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShort))]
public class FilePage
{
    private BenchHost _host = default!;
    private OffsetBoard _office = default!, _governor = default!, _treatment = default!;
    private int _sent, _draft, _agreements;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _host = BenchHost.Create();
        _office = _host.Board(await _host.ActorAsync("kerman.generaloffice"));
        _governor = _host.Board(await _host.ActorAsync("kerman.governor"));
        _treatment = _host.Board(await _host.ActorAsync("kerman.treatment"));
        (_sent, _draft, _agreements) = (await _host.RequireFileAsync(BenchHost.SentTitle), await _host.RequireFileAsync(BenchHost.DraftTitle),
            await _host.RequireFileAsync(BenchHost.AgreementsTitle));
    }

    [GlobalCleanup]
    public void Cleanup() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "Sent file, 5,000 debtors + 800 claims: FileAsync as general office")]
    public async Task<int> SentFile() => Rows(await _office.FileAsync(_sent));

    [Benchmark(Description = "Sent file, 5,000 debtors + 800 claims: FileAsync as governor")]
    public async Task<int> SentFileGovernor() => Rows(await _governor.FileAsync(_sent));

    [Benchmark(Description = "Sent file, 1,000 debtors + 800 claims + 1,000 outcomes: FileAsync as treatment")]
    public async Task<int> AgreementsFile() => Rows(await _treatment.FileAsync(_agreements));

    [Benchmark(Description = "Draft, 5,000 + 800: FileAsync + the compiler's DebtorsAsync + ClaimsAsync (general office)")]
    public async Task<int> DraftPage() => Rows(await _office.FileAsync(_draft)) + (await _office.DebtorsAsync()).Count + (await _office.ClaimsAsync()).Count;

    private static int Rows(OffsetBoard.FileDetails? file) =>
        file is null ? throw new InvalidOperationException("file not found") : file.Debtors.Count + file.Claims.Count + file.Agreements.Count;
}

public sealed class InProcessShort : BenchmarkDotNet.Configs.ManualConfig
{
    public InProcessShort() => AddJob(BenchmarkDotNet.Jobs.Job.Default.WithWarmupCount(3).WithIterationCount(10)
        .WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance));
}

/// <summary>
/// Sending (OffsetDesk.SendAsync as kerman.director): the cover letter through headless Chromium, the debtors' workbook
/// (5,000 rows + a 20,000-row assets sheet) and the claims' workbook, stored, the file saved. Each run sends a fresh file
/// that the general office creates and compiles with all of Kerman's debtors and claims; the first run is cold (first
/// Chromium start, first queries, first ClosedXML use). Peak memory is this process's VmHWM, reset before each send.
/// </summary>
public static class SendRuns
{
    public static async Task RunAsync(int runs)
    {
        await using var host = BenchHost.Create();
        var office = await host.ActorAsync("kerman.generaloffice");
        var director = await host.ActorAsync("kerman.director");
        var (debtors, claims) = await host.ProvinceListsAsync(office);
        var papers = new TimedPapers(host.Services.GetRequiredService<IOffsetPapers>());
        var sends = new List<double>();
        long peak = 0;
        for (var run = 1; run <= runs; run++)
        {
            var desk = host.Desk(office);
            var clock = Stopwatch.StartNew();
            var id = await desk.CreateFileAsync($"بنچمارک ارسال — نوبت {run} — {DateTime.Now:HH:mm:ss}");
            await desk.CompileAsync(id, await host.VersionAsync(id), debtors, claims);
            var compileMs = clock.Elapsed.TotalMilliseconds;
            var version = await host.VersionAsync(id);
            papers.Reset();
            ResetPeak();
            clock.Restart();
            await host.Desk(director, papers).SendAsync(id, version);
            var sendMs = clock.Elapsed.TotalMilliseconds;
            var runPeak = PeakMb();
            peak = Math.Max(peak, runPeak);
            if (run > 1) sends.Add(sendMs);
            var sizes = await PaperSizesAsync(host, id);
            Console.WriteLine($"[send] run {run}{(run == 1 ? " (cold)" : "")}: {sendMs,6:N0} ms — letter PDF {papers.LetterMs:N0} ms, debtors workbook {papers.DebtorsMs:N0} ms, " +
                $"claims workbook {papers.ClaimsMs:N0} ms, the rest (reads, store, save) {sendMs - papers.LetterMs - papers.DebtorsMs - papers.ClaimsMs:N0} ms; " +
                $"papers {sizes}; peak memory {runPeak} MB; create + compile {compileMs:N0} ms");
            if (run == 1) Console.WriteLine($"[summary] send_cold_ms={sendMs:F0}");
        }
        if (sends.Count > 0)
            Console.WriteLine($"[summary] send_warm_median_ms={Median(sends):F0} send_warm_max_ms={sends.Max():F0} send_peak_mb={peak} ({debtors.Count} debtors, {claims.Count} claims)");
    }

    private static async Task<string> PaperSizesAsync(BenchHost host, int id)
    {
        await using var db = PortalDb.Open(host.Contexts, Actor.System);
        var f = await db.OffsetFiles.Where(x => x.Id == id).Select(x => new { x.CoverLetterSha256, x.DebtorsSheetSha256, x.ClaimsSheetSha256 }).SingleAsync();
        async Task<string> Kb(string? sha) { await using var s = (await host.Store.OpenReadAsync(sha!))!; return $"{s.Length / 1024:N0} KB"; }
        return $"{await Kb(f.CoverLetterSha256)} + {await Kb(f.DebtorsSheetSha256)} + {await Kb(f.ClaimsSheetSha256)}";
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static void ResetPeak()
    {
        GC.Collect();
        File.WriteAllText("/proc/self/clear_refs", "5");
    }

    private static long PeakMb() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;

    /// <summary>The real papers, each one timed, to say where a send's time goes.</summary>
    private sealed class TimedPapers(IOffsetPapers inner) : IOffsetPapers
    {
        public double LetterMs, DebtorsMs, ClaimsMs;

        public bool IsAvailable => inner.IsAvailable;

        public void Reset() => LetterMs = DebtorsMs = ClaimsMs = 0;

        public async Task<byte[]> CoverLetterAsync(OffsetCoverLetter letter, CancellationToken ct = default)
        {
            var clock = Stopwatch.StartNew();
            try { return await inner.CoverLetterAsync(letter, ct); }
            finally { LetterMs += clock.Elapsed.TotalMilliseconds; }
        }

        public byte[] DebtorsSheet(OffsetCoverLetter letter, IReadOnlyList<OffsetBoard.DebtorRow> debtors, IReadOnlyList<OffsetBoard.AssetRow> assets)
        {
            var clock = Stopwatch.StartNew();
            try { return inner.DebtorsSheet(letter, debtors, assets); }
            finally { DebtorsMs += clock.Elapsed.TotalMilliseconds; }
        }

        public byte[] ClaimsSheet(OffsetCoverLetter letter, IReadOnlyList<OffsetBoard.ClaimRow> claims)
        {
            var clock = Stopwatch.StartNew();
            try { return inner.ClaimsSheet(letter, claims); }
            finally { ClaimsMs += clock.Elapsed.TotalMilliseconds; }
        }
    }
}

/// <summary>
/// Posting (OffsetLedger.ConfirmAsync, each confirmation its own transaction as on the page): the general office
/// confirms the 1,000 agreements (timed apart; nothing is posted), then the treatment directorate confirms them, and each
/// of these posts a settlement — timed, with <c>workers</c> confirming at once. Then the invariants: the ledger's own
/// check finds nothing, no debt or claim went below zero, every agreement has exactly one posting of its amount, and the
/// postings add up to the sums kept on the debts and the claims.
/// </summary>
public static class PostRuns
{
    public static async Task RunAsync(int workers)
    {
        await using var host = BenchHost.Create();
        var office = host.Ledger(await host.ActorAsync("kerman.generaloffice"));
        var treatment = host.Ledger(await host.ActorAsync("kerman.treatment"));
        var fileId = await host.RequireFileAsync(BenchHost.AgreementsTitle);

        var agreements = await AgreementsAsync(host, fileId);
        // The smoke database has fewer debtors than the 1,000 agreements: it takes what the file holds.
        if ((BenchHost.Smoke ? agreements.Count == 0 : agreements.Count != BenchHost.Agreements) || agreements.Any(a => a.Insurance))
            throw new InvalidOperationException("Expected 1,000 unconfirmed agreements: run on a fresh copy of the arranged database (bash bench/offset-files.sh).");
        var clock = Stopwatch.StartNew();
        foreach (var a in agreements)
            if (await office.ConfirmAsync(a.Id, a.Version) is not null) throw new InvalidOperationException("the first confirmation posted");
        var insuranceMs = clock.Elapsed.TotalMilliseconds;

        agreements = await AgreementsAsync(host, fileId);
        var posted = 0;
        clock.Restart();
        await Task.WhenAll(agreements.Chunk((agreements.Count + workers - 1) / workers).Select(chunk => Task.Run(async () =>
        {
            foreach (var a in chunk)
                if (await treatment.ConfirmAsync(a.Id, a.Version) is not null) Interlocked.Increment(ref posted);
        })));
        var postMs = clock.Elapsed.TotalMilliseconds;

        Console.WriteLine($"[post] insurance side: {agreements.Count:N0} confirmations in {insuranceMs:N0} ms ({insuranceMs / agreements.Count:F1} ms each), sequential");
        Console.WriteLine($"[post] treatment side: {posted:N0} settlements posted in {postMs:N0} ms ({postMs / agreements.Count:F1} ms each, " +
            $"{agreements.Count / (postMs / 1000):N0}/s), {workers} worker{(workers == 1 ? "" : "s")}");
        var failures = await InvariantsAsync(host, office, fileId, posted);
        Console.WriteLine(failures.Count == 0 ? "[post] invariants: OK" : $"[post] invariants: FAILED\n  {string.Join("\n  ", failures)}");
        Console.WriteLine($"[summary] post_{workers}w_ms={postMs:F0} insurance_confirm_ms={insuranceMs:F0} invariants_{workers}w={(failures.Count == 0 ? "OK" : "FAILED")}");
    }

    private sealed record Agreement(int Id, Guid Version, bool Insurance);

    private static async Task<List<Agreement>> AgreementsAsync(BenchHost host, int fileId)
    {
        await using var db = PortalDb.Open(host.Contexts, Actor.System);
        return await db.OffsetAgreements.Where(a => a.FileId == fileId).OrderBy(a => a.Id)
            .Select(a => new Agreement(a.Id, a.Version, a.InsuranceConfirmedAt != null)).ToListAsync();
    }

    private static async Task<List<string>> InvariantsAsync(BenchHost host, OffsetLedger ledger, int fileId, int posted)
    {
        var failures = (await ledger.CheckAsync()).Select(i => $"CheckAsync: {i}").ToList();
        await using var db = PortalDb.Open(host.Contexts, Actor.System);
        if (posted != BenchHost.Agreements) failures.Add($"{posted} of {BenchHost.Agreements} confirmations posted");
        var negativeDebts = await db.DebtorWorkshops.CountAsync(w => w.InitialDebt - w.Settled < 0 || w.Settled < 0);
        var negativeClaims = await db.CenterClaims.CountAsync(c => c.Amount - c.Settled < 0 || c.Settled < 0);
        if (negativeDebts + negativeClaims > 0) failures.Add($"{negativeDebts} debts and {negativeClaims} claims below zero");
        var perAgreement = await db.OffsetAgreements.Where(a => a.FileId == fileId)
            .Select(a => new { a.Amount, Both = a.InsuranceConfirmedAt != null && a.TreatmentConfirmedAt != null,
                Postings = db.Settlements.Count(s => s.AgreementId == a.Id), Sum = db.Settlements.Where(s => s.AgreementId == a.Id).Sum(s => s.Amount) })
            .ToListAsync();
        var wrong = perAgreement.Count(a => !a.Both || a.Postings != 1 || a.Sum != a.Amount);
        if (wrong > 0) failures.Add($"{wrong} agreements not confirmed by both sides or without exactly one posting of their amount");
        var postings = await db.Settlements.SumAsync(s => s.Amount);
        var (debts, claims) = (await db.DebtorWorkshops.SumAsync(w => w.Settled), await db.CenterClaims.SumAsync(c => c.Settled));
        var agreed = perAgreement.Sum(a => a.Amount ?? 0);
        if (postings != debts || postings != claims || postings != agreed)
            failures.Add($"postings {postings:N0}, kept on debts {debts:N0}, on claims {claims:N0}, agreed {agreed:N0}");
        Console.WriteLine($"[post] {postings:N0} Rials posted = kept on debts = kept on claims = agreed: {(postings == debts && postings == claims && postings == agreed ? "yes" : "NO")}");
        return failures;
    }
}
