using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Hosting;

namespace Portal.Tests.Cluster;

/// <summary>Scheduled work runs once between the servers: a job held by one is skipped by the other, and a period's job runs once.</summary>
[Collection(TwoServersCollection.Name)]
public sealed class ScheduledWorkTests(TwoServers servers)
{
    private static ScheduledWork Work(PortalFactory server) => server.Services.GetRequiredService<ScheduledWork>();

    [Fact]
    public async Task AJobRunningOnA_IsSkippedOnB_AndRunsOnBOnceAReleased()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var onA = Work(servers.A).RunExclusiveAsync("test:held", async _ => { started.SetResult(); await release.Task; });
        await started.Task;

        var bRan = false;
        var whileHeld = await Work(servers.B).RunExclusiveAsync("test:held", _ => { bRan = true; return Task.CompletedTask; });
        var otherJob = await Work(servers.B).RunExclusiveAsync("test:another", _ => Task.CompletedTask);
        release.SetResult();

        Assert.Equal(ScheduledWork.Outcome.HeldElsewhere, whileHeld);
        Assert.False(bRan);
        Assert.Equal(ScheduledWork.Outcome.Ran, otherJob); // one job's lock is not another's
        Assert.Equal(ScheduledWork.Outcome.Ran, await onA);
        Assert.Equal(ScheduledWork.Outcome.Ran, await Work(servers.B).RunExclusiveAsync("test:held", _ => { bRan = true; return Task.CompletedTask; }));
        Assert.True(bRan);
    }

    [Fact]
    public async Task HousekeepingOnBothServersAtTheSameMoment_RunsEachJobOnce()
    {
        await using (var db = Acting.SystemDb(servers.A))
        {
            await db.ScheduledRuns.ExecuteDeleteAsync();
            await db.FileChecks.ExecuteDeleteAsync();
        }
        var a = ActivatorUtilities.CreateInstance<Housekeeping>(servers.A.Services);
        var b = ActivatorUtilities.CreateInstance<Housekeeping>(servers.B.Services);

        var passes = await Together(() => a.RunPassAsync(CancellationToken.None), () => b.RunPassAsync(CancellationToken.None));

        foreach (var job in new[] { Housekeeping.ContractExpiry, Housekeeping.SpentCodes, Housekeeping.SignInPrune })
        {
            var outcomes = passes.Select(p => p[job]).ToList();
            Assert.Equal(1, outcomes.Count(o => o == ScheduledWork.Outcome.Ran));
            Assert.Contains(outcomes, o => o is ScheduledWork.Outcome.NotDue or ScheduledWork.Outcome.HeldElsewhere);
        }
        await using var check = Acting.SystemDb(servers.B);
        Assert.Equal(1, await check.FileChecks.CountAsync()); // the file-integrity check too: one check, on one server
        Assert.Equal(3, await check.ScheduledRuns.CountAsync(r => r.Job.StartsWith("housekeeping:") && r.FinishedAt != null && !r.Failed));

        // Later passes within the hour find nothing due, on either server; but each sweeps its own temporary files each pass.
        var again = await Together(() => a.RunPassAsync(CancellationToken.None), () => b.RunPassAsync(CancellationToken.None));
        Assert.All(again, p => Assert.Equal(ScheduledWork.Outcome.Ran, p[Housekeeping.AbandonedTemporaryFiles]));
        Assert.DoesNotContain(again.SelectMany(p => p.Where(o => o.Key is not (Housekeeping.FileCheck or Housekeeping.AbandonedTemporaryFiles))),
            o => o.Value == ScheduledWork.Outcome.Ran);
        Assert.Equal(1, await check.FileChecks.CountAsync());
    }

    [Fact]
    public async Task APeriodicJob_IsDueAgainAfterItsPeriod_OnWhicheverServerAsksFirst()
    {
        var runs = 0;
        Task Count(CancellationToken _) { Interlocked.Increment(ref runs); return Task.CompletedTask; }
        var hour = TimeSpan.FromHours(1);
        Assert.Equal(ScheduledWork.Outcome.Ran, await Work(servers.A).RunIfDueAsync("test:hourly", hour, Count));
        Assert.Equal(ScheduledWork.Outcome.NotDue, await Work(servers.B).RunIfDueAsync("test:hourly", hour, Count));

        servers.B.Clock.Advance(hour);

        Assert.Equal(ScheduledWork.Outcome.Ran, await Work(servers.B).RunIfDueAsync("test:hourly", hour, Count));
        Assert.Equal(2, runs);
    }

    /// <summary>Starts both at the same moment (each on its own thread, released together) and waits for both.</summary>
    private static async Task<T[]> Together<T>(params Func<Task<T>>[] acts)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = acts.Select(act => Task.Run(async () => { await go.Task; return await act(); })).ToArray();
        go.SetResult();
        return await Task.WhenAll(tasks);
    }
}

/// <summary>On SQLite (one server by definition) scheduled work takes no lock and still runs once per period.</summary>
public sealed class ScheduledWorkOnSqliteTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task OnSqlite_AJobRuns_AndIsNotDueAgainWithinItsPeriod()
    {
        var work = portal.Services.GetRequiredService<ScheduledWork>();
        var runs = 0;
        Task Count(CancellationToken _) { runs++; return Task.CompletedTask; }

        Assert.Equal(ScheduledWork.Outcome.Ran, await work.RunExclusiveAsync("test:sqlite-exclusive", Count));
        Assert.Equal(ScheduledWork.Outcome.Ran, await work.RunIfDueAsync("test:sqlite-hourly", TimeSpan.FromHours(1), Count));
        Assert.Equal(ScheduledWork.Outcome.NotDue, await work.RunIfDueAsync("test:sqlite-hourly", TimeSpan.FromHours(1), Count));

        Assert.Equal(2, runs);
        await using var db = Acting.SystemDb(portal);
        Assert.False(db.Database.IsNpgsql());
        Assert.Equal(ScheduledWork.ServerName, (await db.ScheduledRuns.SingleAsync(r => r.Job == "test:sqlite-hourly")).Server);
    }
}
