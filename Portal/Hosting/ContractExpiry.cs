using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Hosting;

/// <summary>Each hour, active contracts whose last day has passed (Tehran calendar) become expired.</summary>
public sealed class ContractExpiry(IDbContextFactory<PortalDbContext> factory, TimeProvider clock, ILogger<ContractExpiry> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var db = PortalDb.Open(factory, Actor.System);
                var expired = await ContractOffice.ExpireDueAsync(db, JalaliDate.Today(clock).ToDateOnly(), stoppingToken);
                if (expired > 0) logger.LogInformation("{Count} contracts reached their end date and expired", expired);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A locked or missing database must not stop the host; the next hour tries again.
                logger.LogError(e, "Expiring contracts failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
