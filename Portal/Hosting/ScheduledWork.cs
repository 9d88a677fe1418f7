using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Hosting;

/// <summary>
/// Scheduled work that several servers on one PostgreSQL must do once between them, not once each. On PostgreSQL a job
/// runs under a session advisory lock named after it (<c>pg_try_advisory_lock</c>, tried, never waited for): a server that
/// finds it held skips its turn, and a server that dies releases it with its connection. A periodic job also records its
/// start in <see cref="ScheduledRun"/> and runs only when that row says it is due, so servers whose timers tick at
/// different minutes still run it once per period. On SQLite there is one server by definition and no lock is taken.
/// </summary>
public sealed class ScheduledWork(IDbContextFactory<PortalDbContext> factory, TimeProvider clock, ILogger<ScheduledWork> logger)
{
    public enum Outcome { Ran, NotDue, HeldElsewhere, Failed }

    /// <summary>Timers drift: a job started a little less than a period ago counts as due (one-tenth, at most five minutes).</summary>
    public static TimeSpan Slack(TimeSpan every) => TimeSpan.FromTicks(Math.Min(every.Ticks / 10, TimeSpan.FromMinutes(5).Ticks));

    public static string ServerName { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Runs <paramref name="work"/> when no other server is running it and it last started at least <paramref name="every"/> ago.</summary>
    public Task<Outcome> RunIfDueAsync(string job, TimeSpan every, Func<CancellationToken, Task> work, CancellationToken ct = default) =>
        ExclusiveAsync(job, async db =>
        {
            var run = await db.ScheduledRuns.SingleOrDefaultAsync(r => r.Job == job, ct);
            var now = clock.GetUtcNow();
            if (run is not null && now - run.StartedAt < every - Slack(every)) return Outcome.NotDue;
            if (run is null) db.ScheduledRuns.Add(run = new ScheduledRun(job));
            run.Started(now, ServerName);
            await db.SaveChangesAsync(ct);
            var failed = false;
            try { await work(ct); }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogError(e, "{Job} failed", job);
                failed = true;
            }
            run.Finished(clock.GetUtcNow(), failed);
            await db.SaveChangesAsync(CancellationToken.None);
            return failed ? Outcome.Failed : Outcome.Ran;
        }, ct);

    /// <summary>Runs <paramref name="work"/> unless another server is running the same job right now.</summary>
    public Task<Outcome> RunExclusiveAsync(string job, Func<CancellationToken, Task> work, CancellationToken ct = default) =>
        ExclusiveAsync(job, async _ =>
        {
            await work(ct);
            return Outcome.Ran;
        }, ct);

    private async Task<Outcome> ExclusiveAsync(string job, Func<PortalDbContext, Task<Outcome>> work, CancellationToken ct)
    {
        await using var db = PortalDb.Open(factory, Actor.System);
        if (!db.Database.IsNpgsql()) return await work(db);
        var key = LockKey(job);
        // The lock belongs to this connection's session: it stays open until the job is done.
        await db.Database.OpenConnectionAsync(ct);
        if (!(await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({key}) AS \"Value\"").ToListAsync(ct)).Single())
        {
            logger.LogDebug("{Job}: another server is running it", job);
            return Outcome.HeldElsewhere;
        }
        try
        {
            return await work(db);
        }
        finally
        {
            // Closing the connection would release it too; unlocking first keeps a pooled connection clean.
            try { await db.Database.SqlQuery<bool>($"SELECT pg_advisory_unlock({key}) AS \"Value\"").ToListAsync(CancellationToken.None); }
            catch (Exception e) { logger.LogWarning(e, "{Job}: releasing its lock failed; closing the connection releases it", job); }
        }
    }

    /// <summary>The job's advisory-lock number: the first 8 bytes of SHA-256 of the portal's name and the job's.</summary>
    public static long LockKey(string job) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("SocialSecurityPortal:" + job)));
}
