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
/// tries again. With several servers on one PostgreSQL each job runs once an hour between them (<see cref="ScheduledWork"/>),
/// but for the sweep of temporary files a crash left, which each server makes of its own (an S3 store's are local).
/// </summary>
public sealed class Housekeeping(IDbContextFactory<PortalDbContext> factory, TimeProvider clock, SignInLimits signInLimits,
    FileIntegrity files, IFileStore store, ScheduledWork scheduled, IConfiguration config, ILogger<Housekeeping> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    /// <summary>No save of a file takes a day: a temporary file nobody has written to for one was left by a crash.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromDays(1);

    public const string ContractExpiry = "housekeeping:contract-expiry";
    public const string SpentCodes = "housekeeping:spent-codes";
    public const string SignInPrune = "housekeeping:sign-in-prune";
    public const string FileCheck = "housekeeping:file-integrity";
    public const string AbandonedTemporaryFiles = "housekeeping:abandoned-temporary-files";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        do
        {
            await RunPassAsync(stoppingToken);
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over the jobs; returns what became of each on this server (ran, not due, or run by another server now).</summary>
    public async Task<IReadOnlyDictionary<string, ScheduledWork.Outcome>> RunPassAsync(CancellationToken stoppingToken)
    {
        var outcomes = new Dictionary<string, ScheduledWork.Outcome>();
        outcomes[ContractExpiry] = await RunAsync(ContractExpiry, async db =>
        {
            var expired = await Domain.Contracts.ContractExpiry.ExpireDueAsync(db, JalaliDate.Today(clock).ToDateOnly(), stoppingToken);
            if (expired > 0) logger.LogInformation("{Count} contracts reached their end date and expired", expired);
        }, stoppingToken);
        outcomes[SpentCodes] = await RunAsync(SpentCodes, async db =>
        {
            var purged = await PersonalInquiry.PurgeSpentChallengesAsync(db, clock.GetUtcNow(), stoppingToken);
            if (purged > 0) logger.LogInformation("{Count} spent one-time codes deleted", purged);
        }, stoppingToken);
        outcomes[SignInPrune] = await RunAsync(SignInPrune, async db =>
        {
            var pruned = await SignInGuard.PruneAsync(db, clock.GetUtcNow(), signInLimits, stoppingToken);
            if (pruned > 0) logger.LogInformation("{Count} old sign-in attempts and dead sessions deleted", pruned);
        }, stoppingToken);
        var every = TimeSpan.FromHours(config.GetValue("Files:IntegrityCheckHours", 24.0));
        if (every > TimeSpan.Zero)
            // Due or not is the check's own record (the last finished check, scheduled or started by hand); the lock keeps
            // a second server from starting one while the first is still hashing.
            outcomes[FileCheck] = await Guarded(FileCheck, () => scheduled.RunExclusiveAsync(FileCheck, async ct =>
            {
                if (!await files.DueAsync(every, ct)) return;
                var check = await files.RunAsync(ct);
                if (check.Clean) logger.LogInformation("{Count} stored files re-hashed, all intact ({Rate:F0} MB/s)", check.FilesChecked, check.MegabytesPerSecond);
                else logger.LogError("Stored files: {Changed} changed, {Missing} missing (see /admin/files)", check.Changed, check.Missing);
            }, stoppingToken));
        outcomes[AbandonedTemporaryFiles] = await Guarded(AbandonedTemporaryFiles, () =>
        {
            var deleted = store.DeleteAbandonedTemporaryFiles((clock.GetUtcNow() - AbandonedAfter).UtcDateTime);
            if (deleted > 0) logger.LogWarning("{Count} temporary files of interrupted saves deleted", deleted);
            return Task.FromResult(ScheduledWork.Outcome.Ran);
        });
        return outcomes;
    }

    private Task<ScheduledWork.Outcome> RunAsync(string job, Func<PortalDbContext, Task> work, CancellationToken ct) =>
        Guarded(job, () => scheduled.RunIfDueAsync(job, Every, async _ =>
        {
            await using var db = PortalDb.Open(factory, Actor.System);
            await work(db);
        }, ct));

    private async Task<ScheduledWork.Outcome> Guarded(string job, Func<Task<ScheduledWork.Outcome>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A locked or missing database must not stop the host.
            logger.LogError(e, "{Job} failed", job);
            return ScheduledWork.Outcome.Failed;
        }
    }
}
