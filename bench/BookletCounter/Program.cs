using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Booklets;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Eligibility;
using Portal.Domain.Security;

// bench/booklets.sh runs it with BENCH_DB (the seeded, filled SQLite file) and BENCH_FILES; BENCH_SMOKE=1 makes it tiny.
//   counter [RUNS]   as kerman.branch.staff: find the family of a Kerman main insured whose booklet has expired, then renew
//                    his booklet (FindAsync + ServeAsync, the two calls the counter page makes); p50/p95 of each and of both
//   report           the national report's reading alone (BookletReport.ReadAsync of the month before this one, as
//                    registration), six times: its time and the bytes it allocates, apart from the page's rendering
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var smoke = Environment.GetEnvironmentVariable("BENCH_SMOKE") == "1";
if (args.FirstOrDefault() == "report")
{
    await using var reportHost = BenchHost.Create();
    var reader = ActivatorUtilities.CreateInstance<BookletReport>(reportHost.Services, reportHost.As(await reportHost.ActorAsync("registration")));
    var month = JalaliMonth.Of(DateTimeOffset.UtcNow).Previous();
    for (var i = 0; i < 6; i++)
    {
        var before = GC.GetTotalAllocatedBytes(true);
        var clock = Stopwatch.StartNew();
        var result = await reader.ReadAsync(month, month);
        Console.WriteLine($"report_read_ms={clock.Elapsed.TotalMilliseconds:F0} allocated_mb={(GC.GetTotalAllocatedBytes(true) - before) / 1048576.0:F1} branches={result!.Branches.Count} ws_mb={Environment.WorkingSet / 1048576.0:F0}");
    }
    return 0;
}
if (args.FirstOrDefault() != "counter")
{
    Console.Error.WriteLine("usage: BookletCounter counter [RUNS]");
    return 2;
}
var runs = smoke ? 3 : args.Length > 1 ? int.Parse(args[1]) : 60;
var warmUps = smoke ? 0 : 5;

await using var host = BenchHost.Create();
var actor = await host.ActorAsync("kerman.branch.staff");
var counter = ActivatorUtilities.CreateInstance<BookletCounter>(host.Services, host.As(actor));

// Main insured of Kerman whose booklet has ended first (each renewal a real, done service), then any booklet holder (the
// smoke's tiny database has few): the outcomes line says what was recorded.
List<string> ids;
var today = JalaliDate.Today(TimeProvider.System).ToDateOnly();
await using (var db = PortalDb.Open(host.Contexts, Actor.System))
    ids = await (from b in db.Booklets
                 join p in db.InsuredPersons on b.PersonId equals p.Id
                 join u in db.OrgUnits on p.BranchId equals u.Id
                 where b.ReplacedAt == null && u.Province!.Code == "08"
                 orderby b.ValidUntil < today && p.Relation == InsuranceRelation.MainInsured descending, p.Id
                 select p.NationalId).Take(runs + warmUps).ToListAsync();
if (ids.Count < runs + warmUps && !(smoke && ids.Count > 0))
    throw new InvalidOperationException($"Only {ids.Count} Kerman booklet holders: seed with seed-demo and insured persons.");
runs = ids.Count - warmUps;

var (find, serve, both) = (new List<double>(), new List<double>(), new List<double>());
var outcomes = new Dictionary<string, int>();
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
for (var i = 0; i < ids.Count; i++)
{
    var clock = Stopwatch.StartNew();
    var family = (await counter.FindAsync(ids[i])).Value ?? throw new InvalidOperationException($"{ids[i]} not found");
    var found = clock.Elapsed.TotalMilliseconds;
    var receipt = await counter.ServeAsync(family.Principal.PersonId, BookletCounter.Ask.Extend, null, family.FoundAt);
    var total = clock.Elapsed.TotalMilliseconds;
    if (i == warmUps - 1) cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    if (i < warmUps) continue;
    find.Add(found);
    serve.Add(total - found);
    both.Add(total);
    var key = receipt.Refusal?.ToString() ?? receipt.Type.ToString();
    outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
}
var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / runs;
await using (var db = PortalDb.Open(host.Contexts, Actor.System))
    Console.WriteLine($"counter_service_rows={await db.BookletServices.CountAsync()}");
Console.WriteLine($"counter_runs={runs} outcomes={string.Join(',', outcomes.Select(o => $"{o.Key}:{o.Value}"))}");
Console.WriteLine($"counter_find_ms p50={P(find, 50):F1} p95={P(find, 95):F1}");
Console.WriteLine($"counter_serve_ms p50={P(serve, 50):F1} p95={P(serve, 95):F1}");
Console.WriteLine($"counter_find_and_serve_ms p50={P(both, 50):F1} p95={P(both, 95):F1} cpu_per_run={cpu:F1} load={string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}");
return 0;

static double P(List<double> values, int p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
