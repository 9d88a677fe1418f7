using Portal.Domain.Eligibility;
using Portal.Hosting;

namespace Portal.Features.Eligibility;

/// <summary>Runs the inquiry log's writer for the life of the server; on shutdown, writes what is still queued before stopping.</summary>
public sealed class InquiryLogWriter(InquiryLog log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => log.RunAsync(CancellationToken.None);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        log.Complete();
        await base.StopAsync(cancellationToken);
    }
}
