// dotnet run -c Release --project bench/Eligibility -- DB IDS [reads|log|both ...]
//   DB: a database seeded by bench/eligibility.sh; IDS: its national IDs file. Prints inquiries a second per mode.
// dotnet run -c Release --project bench/Eligibility -- DB serve URL
//   The portal itself (its services and pipeline) on DB at URL, plus the inquiry's parts as endpoints of their own, for wrk.
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Eligibility;
using Portal.Features.Eligibility;
using Portal.Hosting;
using Portal.Security;

if (args.Length < 2) { Console.Error.WriteLine("usage: Eligibility DB IDS [reads|log|both ...] | Eligibility DB serve URL"); return 2; }
var serve = args[1] == "serve";
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    // The portal's name, so its static assets' manifest (copied next to this program) is the one found.
    ApplicationName = "Portal", ContentRootPath = Path.Combine(AppContext.BaseDirectory, "../../../../../Portal"), EnvironmentName = "Staging",
});
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:Portal"] = $"Data Source={Path.GetFullPath(args[0])}", ["Logging:LogLevel:Default"] = "Warning",
    ["Eligibility:Limits:PerKeyPerSecond"] = "1000000", ["Eligibility:Limits:PerAddressPerSecond"] = "1000000",
});
if (serve) builder.WebHost.UseUrls(args[2]);
builder.AddPortal();
await using var app = builder.Build();
// The log's day key, worked out once as the desk does, not per inquiry.
var day = InquiryReport.DayKey(JalaliDate.FromInstant(DateTimeOffset.UtcNow));
if (serve)
{
    app.UsePortal();
    MapParts(app, day);
    await app.RunAsync();
    return 0;
}
var log = app.Services.GetRequiredService<InquiryLog>();
var writer = Task.Run(() => log.RunAsync());
var desk = app.Services.GetRequiredService<EligibilityDesk>();
var ids = File.ReadAllLines(args[1]);
// Smoke mode (bench/eligibility.sh --smoke): half a second per mode, to prove the path runs.
var smoke = Environment.GetEnvironmentVariable("BENCH_SMOKE") == "1";
var (warmup, measured) = smoke ? (TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500)) : (TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10));
var requester = new Requester("bench-in-process", null, null);
var today = DateOnly.FromDateTime(DateTime.UtcNow);

foreach (var mode in args.Length > 2 ? args[2..] : ["reads", "log", "both"])
{
    Func<string, Task> inquiry = mode switch
    {
        "reads" => id => desk.DecideAsync(id, today),
        "log" => id => log.RecordAsync(new Inquiry(DateTimeOffset.UtcNow, day, InquiryKind.General, InquiryChannel.Api, requester.Name, null, null, null, id,
            CoverageDecision.No(CoverageReason.Unknown))),
        "both" => id => desk.GeneralAsync(id, InquiryChannel.Api, requester),
        _ => throw new ArgumentException($"unknown mode {mode}"),
    };
    await RunAsync(inquiry, warmup);
    var (perSecond, cpu) = await RunAsync(inquiry, measured);
    Console.WriteLine($"{mode,-6} {perSecond,8:N0} inquiries/s, {cpu,5:N1} µs of CPU each (64 workers, {measured.TotalSeconds:0.#} s)");
}
log.Complete();
await writer;
return 0;

// The general inquiry taken apart, each part behind the same path prefix, key policy and rate limits, and answering in the
// same shape: the pipeline with a fixed answer, the reads and the policy without the log, and the log without the reads.
static void MapParts(WebApplication app, int day)
{
    const string NoCode = "000000000000";
    var parts = app.MapGroup("/api/v1/eligibility/general/parts").RequireAuthorization(Policies.EligibilityApi).RequireRateLimiting(EligibilityLimits.PerKey);

    parts.MapPost("fixed", (EligibilityEndpoints.GeneralRequest body, HttpContext http) =>
            Results.Ok(EligibilityEndpoints.GeneralResponse.For(http, false, NoCode)));
    parts.MapPost("reads", async (EligibilityEndpoints.GeneralRequest body, HttpContext http, EligibilityDesk desk) =>
        {
            var id = EligibilityDesk.CheckId(body.NationalId);
            if (!id.IsValid) return Results.BadRequest(new { error = id.Error });
            var (decision, _) = await desk.DecideAsync(id.Value!, DateOnly.FromDateTime(DateTime.UtcNow), http.RequestAborted);
            return Results.Ok(EligibilityEndpoints.GeneralResponse.For(http, decision.Covered, NoCode));
        });
    parts.MapPost("log", async (EligibilityEndpoints.GeneralRequest body, HttpContext http, InquiryLog log) =>
        {
            var requester = ApiKeyAuthentication.Requester(http.User);
            var inquiry = new Inquiry(DateTimeOffset.UtcNow, day, InquiryKind.General, InquiryChannel.Api, requester.Name, requester.CentreId,
                requester.ProvinceId, null, body.NationalId ?? "", CoverageDecision.No(CoverageReason.Unknown));
            await log.RecordAsync(inquiry, http.RequestAborted);
            return Results.Ok(EligibilityEndpoints.GeneralResponse.For(http, false, inquiry.TrackingCode));
        });
}

// Throughput, and the process's CPU time per inquiry (steadier than throughput on a shared machine).
async Task<(double PerSecond, double CpuMicroseconds)> RunAsync(Func<string, Task> inquiry, TimeSpan duration)
{
    long count = 0;
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, 64).Select(worker => Task.Run(async () =>
    {
        var random = new Random(worker);
        while (clock.Elapsed < duration)
        {
            await inquiry(ids[random.Next(ids.Length)]);
            Interlocked.Increment(ref count);
        }
    })));
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    return (count / clock.Elapsed.TotalSeconds, cpu.TotalMicroseconds / count);
}
