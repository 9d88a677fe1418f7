// dotnet run -c Release --project bench/Eligibility -- DB IDS [reads|log|both ...]
// DB: a database seeded by bench/eligibility.sh; IDS: its national IDs file. Prints inquiries a second per mode.
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Eligibility;
using Portal.Hosting;

if (args.Length < 2) { Console.Error.WriteLine("usage: Eligibility DB IDS [reads|log|both ...]"); return 2; }
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    ContentRootPath = Path.Combine(AppContext.BaseDirectory, "../../../../../Portal"), EnvironmentName = "Staging",
});
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:Portal"] = $"Data Source={Path.GetFullPath(args[0])}", ["Logging:LogLevel:Default"] = "Warning",
});
builder.AddPortal();
await using var app = builder.Build();
var log = app.Services.GetRequiredService<InquiryLog>();
var writer = Task.Run(() => log.RunAsync());
var desk = app.Services.GetRequiredService<EligibilityDesk>();
var ids = File.ReadAllLines(args[1]);
var requester = new Requester("bench-in-process", null, null);
var today = DateOnly.FromDateTime(DateTime.UtcNow);

foreach (var mode in args.Length > 2 ? args[2..] : ["reads", "log", "both"])
{
    Func<string, Task> inquiry = mode switch
    {
        "reads" => id => desk.DecideAsync(id, today),
        "log" => id => log.RecordAsync(new Inquiry(DateTimeOffset.UtcNow, 14050101, InquiryKind.General, InquiryChannel.Api, requester.Name, null, null, null, id,
            CoverageDecision.No(CoverageReason.Unknown))),
        "both" => id => desk.GeneralAsync(id, InquiryChannel.Api, requester),
        _ => throw new ArgumentException($"unknown mode {mode}"),
    };
    await RunAsync(inquiry, TimeSpan.FromSeconds(3));
    var perSecond = await RunAsync(inquiry, TimeSpan.FromSeconds(10));
    Console.WriteLine($"{mode,-6} {perSecond,8:N0} inquiries/s (64 workers, 10 s)");
}
log.Complete();
await writer;
return 0;

async Task<double> RunAsync(Func<string, Task> inquiry, TimeSpan duration)
{
    long count = 0;
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
    return count / clock.Elapsed.TotalSeconds;
}
