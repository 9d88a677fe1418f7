using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Contracts;
using Portal.Domain.Data;
using Portal.Domain.Eligibility;
using Portal.Domain.Security;
using Portal.Domain.SignIn;

namespace Portal.Hosting;

/// <summary>
/// Each hour: active contracts whose last day has passed (Tehran calendar) become expired, and one-time codes of the
/// personal inquiry a day past their expiry are deleted, and sign-in attempts past <c>Auth:SignIn:RetentionDays</c> and
/// sessions past their absolute lifetime are deleted; once every <c>Files:IntegrityCheckHours</c> every stored file is
/// re-hashed (<see cref="FileIntegrity"/>). Each job fails alone: the others still run, and the next hour
/// tries again.
/// </summary>
public sealed class Housekeeping(IDbContextFactory<PortalDbContext> factory, TimeProvider clock, SignInLimits signInLimits,
    FileIntegrity files, IConfiguration config, ILogger<Housekeeping> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            await RunAsync("Expiring contracts", async db =>
            {
                var expired = await ContractExpiry.ExpireDueAsync(db, JalaliDate.Today(clock).ToDateOnly(), stoppingToken);
                if (expired > 0) logger.LogInformation("{Count} contracts reached their end date and expired", expired);
            });
            await RunAsync("Purging spent one-time codes", async db =>
            {
                var purged = await PersonalInquiry.PurgeSpentChallengesAsync(db, clock.GetUtcNow(), stoppingToken);
                if (purged > 0) logger.LogInformation("{Count} spent one-time codes deleted", purged);
            });
            await RunAsync("Pruning sign-in attempts and sessions", async db =>
            {
                var pruned = await SignInGuard.PruneAsync(db, clock.GetUtcNow(), signInLimits, stoppingToken);
                if (pruned > 0) logger.LogInformation("{Count} old sign-in attempts and dead sessions deleted", pruned);
            });
            await RunAsync("Checking stored files", async _ =>
            {
                var every = TimeSpan.FromHours(config.GetValue("Files:IntegrityCheckHours", 24.0));
                if (every <= TimeSpan.Zero || !await files.DueAsync(every, stoppingToken)) return;
                var check = await files.RunAsync(stoppingToken);
                if (check.Clean) logger.LogInformation("{Count} stored files re-hashed, all intact ({Rate:F0} MB/s)", check.FilesChecked, check.MegabytesPerSecond);
                else logger.LogError("Stored files: {Changed} changed, {Missing} missing (see /admin/files)", check.Changed, check.Missing);
            });
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunAsync(string job, Func<PortalDbContext, Task> work)
    {
        try
        {
            await using var db = PortalDb.Open(factory, Actor.System);
            await work(db);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A locked or missing database must not stop the host.
            logger.LogError(e, "{Job} failed", job);
        }
    }
}
