using Portal.Domain.ElectronicFiles;
using Portal.Hosting;

namespace Portal.Features.ElectronicFiles;

public static class PageReading
{
    /// <summary>OCR of scanned pages (Tesseract) in the background, and its line on /health.</summary>
    public static IServiceCollection AddPageReading(this IServiceCollection services)
    {
        services.AddSingleton<IPageReader, TesseractPageReader>();
        services.AddSingleton<PageReadings>();
        services.AddHostedService<PageReadingWorker>();
        services.AddHealthChecks().AddCheck<OcrHealthCheck>("ocr");
        return services;
    }
}

/// <summary>
/// Reads unread documents' pages every <c>Ocr:PollSeconds</c> (default 10), one batch after another while there is work.
/// <c>Ocr:Enabled</c> false turns it off (the tests read on demand). With several servers on one PostgreSQL one of them
/// reads at a time (<see cref="ScheduledWork"/>); the others skip their turn while it does.
/// </summary>
public sealed class PageReadingWorker(PageReadings readings, IPageReader reader, ScheduledWork scheduled, IConfiguration config, TimeProvider clock,
    ILogger<PageReadingWorker> logger)
    : BackgroundService
{
    public const string Job = "ocr:pages";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Ocr:Enabled", true)) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(config.GetValue("Ocr:PollSeconds", 10)), clock);
        do
        {
            if (reader.Missing is not null) continue; // not installed (said once in the log), or not answering yet
            try
            {
                // One server reads at a time: two would take the same oldest documents (the reading is not claimed per document).
                await scheduled.RunExclusiveAsync(Job, async ct => { while (await readings.ReadPendingAsync(ct: ct) > 0) { } }, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A locked or missing database must not stop the host; the next tick tries again.
                logger.LogError(e, "Reading scanned pages failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
