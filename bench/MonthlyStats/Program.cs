using System.Data.Common;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.MonthlyStats;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

if (args.FirstOrDefault() == "--sql")
{
    await Plans.PrintAsync();
    return;
}
if (args.FirstOrDefault() == "--excel")
{
    await ExcelRuns.RunAsync();
    return;
}
if (args.FirstOrDefault() == "--smoke")
{
    await BenchSmoke.RunAsync<BoardReads>();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(BoardReads).Assembly).Run(args);

/// <summary>
/// The seeded database and the users who read it, shared by the benchmark classes. BENCH_DB names the SQLite file
/// (bench/monthly-stats.sh makes one with ~2,000 agencies and a report for each of the 60 months before the current one).
/// </summary>
public sealed class BenchDb : IDisposable
{
    public ServiceProvider Services { get; }
    public IDbContextFactory<PortalDbContext> Contexts { get; }
    public TimeProvider Clock { get; } = TimeProvider.System;
    /// <summary>The month just ended: the one the pages open on early in a month.</summary>
    public JalaliMonth Period { get; }
    public int KermanId { get; }
    /// <summary>Kerman's (first) review office, which serves its 65 agencies.</summary>
    public int KermanOfficeId { get; }

    /// <param name="configure">Extra context options (the <c>--sql</c> mode adds its plan printer).</param>
    public BenchDb(Action<DbContextOptionsBuilder>? configure = null)
    {
        var file = Environment.GetEnvironmentVariable("BENCH_DB") ?? throw new InvalidOperationException("Set BENCH_DB to a filled portal database (bash bench/monthly-stats.sh).");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = $"Data Source={file}" }).Build();
        var services = new ServiceCollection().AddLogging().AddPortalData(config);
        if (configure is not null) services.ConfigureDbContext<PortalDbContext>(configure, ServiceLifetime.Singleton);
        Services = services.BuildServiceProvider();
        Contexts = Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        Period = JalaliDate.Today(Clock).YearMonth.Previous();

        using var system = PortalDb.Open(Contexts, Actor.System);
        KermanId = system.Provinces.Single(p => p.Code == "08").Id;
        KermanOfficeId = system.OrgUnits.Where(u => u.ProvinceId == KermanId && u.Kind == UnitKind.ReviewOffice)
            .OrderBy(u => u.Code).Select(u => u.Id).First();
        // monthly-fill.sql dates the 60 months from the day it ran; a month later the figures would be of an empty month.
        var open = system.Agencies.Count(a => a.Status != AgencyStatus.Closed);
        var reports = system.MonthlyReports.Count(r => r.Period == Period.Key);
        if (reports != open)
            throw new InvalidOperationException($"{reports} reports for {Period} but {open} open agencies: run bash bench/monthly-stats.sh, which refills the months.");
    }

    /// <summary>The data access of a signed-in user with this role, unit and scope.</summary>
    public PortalDb As(string role, OrgScope scope, int? unitId = null) => new(Contexts, new Fixed(new Actor("bench", "bench", role, unitId, scope)));

    public void Dispose() => Services.Dispose();

    private sealed class Fixed(Actor actor) : ICurrentUser
    {
        public ValueTask<Actor> GetAsync() => ValueTask.FromResult(actor);
    }
}

/// <summary>
/// The board's reads for the month just ended, as the users who open them: head office (completeness per province, the
/// province report's rows for all agencies), Kerman's treatment directorate (completeness per review office) and
/// Kerman's review office (its worklist of 65 agencies).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class BoardReads
{
    private BenchDb _db = default!;
    private JalaliMonth _period;
    private Reads _national = default!, _treatment = default!, _office = default!;

    [GlobalSetup]
    public void Setup()
    {
        _db = new BenchDb();
        _period = _db.Period;
        var options = new MonthlyStatsOptions();
        _national = new Reads(_db.As(Roles.HeadOffice, OrgScope.National), options);
        _treatment = new Reads(_db.As(Roles.TreatmentDirectorate, OrgScope.Province(_db.KermanId)), options);
        _office = new Reads(_db.As(Roles.ReviewOffice, OrgScope.Province(_db.KermanId), _db.KermanOfficeId), options);
    }

    [GlobalCleanup]
    public void Cleanup() => _db.Dispose();

    [Benchmark(Description = "Completeness: head office, per province (31)")]
    public async Task<int> NationalCompleteness() => (await _national.CompletenessAsync(_period)).Sum(r => r.Expected);

    [Benchmark(Description = "Completeness page, national: the table, and every agency's month with its overdue mark")]
    public async Task<int> NationalCompletenessPage()
    {
        var overdue = _national.OverdueAt(_period, DateTimeOffset.UtcNow);
        var rows = (await _national.AgencyMonthsAsync(_period))!;
        return (await _national.CompletenessAsync(_period)).Sum(r => r.Expected) + rows.Count(r => overdue(r) is not null);
    }

    [Benchmark(Description = "Completeness: Kerman treatment directorate, per review office")]
    public async Task<int> ProvinceCompleteness() => (await _treatment.CompletenessAsync(_period)).Sum(r => r.Expected);

    [Benchmark(Description = "Worklist: Kerman review office (65 agencies)")]
    public async Task<int> OfficeWorklist() => (await _office.WorklistAsync(_period)).Count;

    [Benchmark(Description = "Province report rows: head office, all agencies")]
    public async Task<int> NationalAgencyMonths() => (await _national.AgencyMonthsAsync(_period))!.Count;
}

/// <summary>
/// <c>dotnet run -c Release -- --sql</c>: each read's SQL as it runs, with its parameters, time and SQLite's query plan,
/// and the national figures of a few months as a check that the filled data reads as intended.
/// </summary>
public static class Plans
{
    public static async Task PrintAsync()
    {
        var printer = new QueryPlanPrinter();
        using var db = new BenchDb(o => o.AddInterceptors(printer));
        var options = new MonthlyStatsOptions();
        var national = new Reads(db.As(Roles.HeadOffice, OrgScope.National), options);
        var treatment = new Reads(db.As(Roles.TreatmentDirectorate, OrgScope.Province(db.KermanId)), options);
        var office = new Reads(db.As(Roles.ReviewOffice, OrgScope.Province(db.KermanId), db.KermanOfficeId), options);

        printer.Enabled = false;
        foreach (var month in new[] { db.Period, db.Period.Previous(), db.Period.AddMonths(-12), new JalaliMonth(1401, 3) })
        {
            var total = CompletenessRow.Total(await national.CompletenessAsync(month), "total");
            Console.WriteLine($"{month}: expected {total.Expected}, received {total.Received}, forwarded {total.Forwarded}, on time {total.OnTime} ({total.OnTimeRate:P1})");
        }
        await national.CompletenessAsync(db.Period); // warm the model and the file cache before the timed commands
        printer.Enabled = true;

        Console.WriteLine($"\n=== Completeness: head office, {db.Period}");
        await national.CompletenessAsync(db.Period);
        Console.WriteLine($"\n=== Completeness: Kerman treatment directorate, {db.Period}");
        await treatment.CompletenessAsync(db.Period);
        Console.WriteLine($"\n=== Worklist: Kerman review office, {db.Period}");
        await office.WorklistAsync(db.Period);
        Console.WriteLine($"\n=== Province report rows: head office, {db.Period}");
        await national.AgencyMonthsAsync(db.Period);
    }

}

/// <summary>
/// <c>dotnet run -c Release -- --excel</c>: the two Excel targets, timed with a stopwatch and with the process's peak
/// memory (VmHWM, reset before each run through /proc/self/clear_refs) — a BenchmarkDotNet run reports allocations, not peaks.
/// 1. Head office's national 12-month trend workbook (the trend, ~24,000 agency-month rows, the workbook written).
/// 2. A review office's upload of 200 agencies: the sheet read and validated, and the reports written in one transaction.
///    No office serves 200 agencies in the seed, so a copy of the database gives Kerman's office 135 open agencies of
///    Yazd, Sistan-Baluchestan and Hamadan (200 in all); the first upload inserts this month's reports, the next ones update them.
/// </summary>
public static class ExcelRuns
{
    public static async Task RunAsync()
    {
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new("fa-IR");
        var localizer = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider()
            .GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Portal.Strings>>();
        var sheets = new Portal.Features.MonthlyStats.MonthlySheets(localizer);

        using (var db = new BenchDb())
        {
            var board = new Reads(db.As(Roles.HeadOffice, OrgScope.National), new MonthlyStatsOptions());
            for (var run = 1; run <= 4; run++)
            {
                ResetPeak();
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var trend = await board.TrendAsync(db.Period);
                var read = clock.Elapsed;
                var bytes = sheets.Trend(db.Period, trend);
                Console.WriteLine($"[excel] national 12-month trend, run {run}: {trend.Rows.Count:N0} agency-month rows, {bytes.Length / 1024:N0} KB, " +
                    $"{clock.Elapsed.TotalMilliseconds:N0} ms (reads {read.TotalMilliseconds:N0} ms), peak memory {PeakMb()} MB");
            }
        }

        var source = Environment.GetEnvironmentVariable("BENCH_DB")!;
        var copy = Path.Combine(Path.GetDirectoryName(source)!, "monthly-upload.db");
        File.Copy(source, copy, overwrite: true);
        Environment.SetEnvironmentVariable("BENCH_DB", copy);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={copy}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TEMP TABLE moved AS SELECT Id FROM OrgUnits
                WHERE Type = 'Agency' AND Status <> 3 AND ProvinceId IN (SELECT Id FROM Provinces WHERE Code IN ('21', '11', '13'))
                ORDER BY Id LIMIT 200 - (SELECT count(*) FROM OrgUnits WHERE Type = 'Agency' AND Status <> 3
                                         AND ReviewOfficeId = (SELECT Id FROM OrgUnits WHERE Code = 'RO-08-1'));
                UPDATE OrgUnits SET ProvinceId = (SELECT Id FROM Provinces WHERE Code = '08'),
                    ReviewOfficeId = (SELECT Id FROM OrgUnits WHERE Code = 'RO-08-1') WHERE Id IN (SELECT Id FROM moved);
                UPDATE MonthlyReports SET ProvinceId = (SELECT Id FROM Provinces WHERE Code = '08'),
                    ReviewOfficeId = (SELECT Id FROM OrgUnits WHERE Code = 'RO-08-1') WHERE AgencyId IN (SELECT Id FROM moved);
                """;
            command.ExecuteNonQuery();
        }
        using (var db = new BenchDb())
        {
            var period = JalaliDate.Today(db.Clock).YearMonth;
            var office = db.As(Roles.ReviewOffice, OrgScope.Province(db.KermanId), db.KermanOfficeId);
            var import = new MonthlyImport(office, db.Clock);
            var columns = await import.ColumnsAsync();
            var agencies = await import.TemplateRowsAsync(period);
            var categories = columns.Where(c => c.Key.StartsWith("Received:", StringComparison.Ordinal)).Select(c => int.Parse(c.Key[9..])).ToList();
            for (var run = 1; run <= 5; run++)
            {
                var random = new Random(run);
                var upload = Portal.Features.MonthlyStats.MonthlyUploadSheet.Template(columns, agencies.Select(a => (a.Code, a.Name, a.PendingBroughtForward,
                    (ReportFigures?)Figures(categories, a.PendingBroughtForward, random))).ToList());
                ResetPeak();
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var sheet = Portal.Features.MonthlyStats.MonthlyUploadSheet.Read(new MemoryStream(upload), columns);
                var read = clock.Elapsed;
                var result = await import.ImportAsync(period, sheet.Rows);
                if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.SelectMany(e => e.Value).Take(5)));
                Console.WriteLine($"[excel] upload of {sheet.Rows.Count} agencies, run {run}: {result.Inserted} inserted, {result.Updated} updated, " +
                    $"{clock.Elapsed.TotalMilliseconds:N0} ms (sheet read {read.TotalMilliseconds:N0} ms), peak memory {PeakMb()} MB");
            }
        }
    }

    /// <summary>A balanced month: something received in each category, most of it forwarded.</summary>
    private static ReportFigures Figures(IReadOnlyList<int> categories, int broughtForward, Random random)
    {
        var lines = categories.Select(id => new CategoryFigures(id, random.Next(1, 40), 0)).Select(l => l with { AmountClaimed = l.FilesReceived * random.Next(300, 4000) * 10_000L }).ToList();
        var available = broughtForward + lines.Sum(l => l.FilesReceived);
        var returned = random.Next(0, Math.Min(4, available) + 1);
        var forwarded = Math.Max(0, available - returned - random.Next(0, 10));
        return new ReportFigures(lines, forwarded, returned, available - forwarded - returned, forwarded == 0 ? null : random.Next(10, 80) / 10m);
    }

    private static void ResetPeak()
    {
        GC.Collect();
        File.WriteAllText("/proc/self/clear_refs", "5");
    }

    private static long PeakMb() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
}

/// <summary>The monthly statistics' read classes as one user sees them, so each benchmark names the read it times.</summary>
sealed class Reads(PortalDb db, MonthlyStatsOptions options)
{
    public Task<IReadOnlyList<CompletenessRow>> CompletenessAsync(JalaliMonth period) => new MonthlyCompletenessQuery(db).CompletenessAsync(period);
    public Task<IReadOnlyList<AgencyMonth>?> AgencyMonthsAsync(JalaliMonth period) => new AgencyMonthsQuery(db, options).AgencyMonthsAsync(period);
    public Func<AgencyMonth, AgencyMonthsQuery.Overdue?> OverdueAt(JalaliMonth period, DateTimeOffset now) => new AgencyMonthsQuery(db, options).OverdueAt(period, now);
    public Task<IReadOnlyList<MonthlyWorklistQuery.WorkRow>> WorklistAsync(JalaliMonth period) => new MonthlyWorklistQuery(db, options).WorklistAsync(period);
    public Task<MonthlyTrendQuery.Trend> TrendAsync(JalaliMonth last) => new MonthlyTrendQuery(db).TrendAsync(last);
}
