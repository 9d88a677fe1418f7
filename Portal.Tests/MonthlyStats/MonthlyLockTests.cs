using Portal.Domain.Common;
using Portal.Domain.MonthlyStats;
using static Portal.Tests.MonthlyStats.MonthlyStatsArrange;

namespace Portal.Tests.MonthlyStats;

/// <summary>The portal with the shipped lock day (the 20th of the following month), unlike the other tests' open months.</summary>
public sealed class LockedMonthsPortal : PortalFactory
{
    public LockedMonthsPortal() => Settings["MonthlyStats:LockDay"] = "20";
}

/// <summary>The lock closes a month to agencies' entry, except to correct what the review office returned.</summary>
public sealed class MonthlyLockTests(LockedMonthsPortal portal) : IClassFixture<LockedMonthsPortal>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;


    [Fact]
    public async Task StartMonth_PastTheLock_IsRefusedToAnAgency()
    {
        var month = new JalaliMonth(1404, 1);
        var user = await portal.AsAsync<MonthlyStatsDesk>("kerman.agency.user");
        var sheet = await user.SheetAsync(month);

        Assert.True(sheet.PastLock);
        Assert.False(sheet.Editable);
        var refused = await Assert.ThrowsAsync<DomainException>(() => user.SaveAsync(month, SmallMonth(sheet), null));
        Assert.Equal("Monthly.PeriodLocked", refused.Key);
    }

    [Fact]
    public async Task PastTheLock_AReturnedReport_IsStillCorrectedAndResubmitted()
    {
        var month = new JalaliMonth(1404, 2);
        var c = (await (await portal.AsAsync<MonthlyStatsDesk>("kerman.agency.user")).SheetAsync(month)).Categories[0].Id;
        // Arranged directly, as it happened in time: the manager submitted on the 3rd and the office returned it on the 5th.
        await using (var db = Acting.SystemDb(portal))
        {
            var agency = db.Agencies.Single(a => a.Code == "AG-08001");
            var report = new MonthlyReport(agency, month, 0);
            report.Record(new ReportFigures([new CategoryFigures(c, 3, 3_000_000)], 2, 0, 1, null));
            report.Submit("kerman.agency.manager", month.Next().First.AddDays(2).StartInstant);
            report.Return("مبلغ اشتباه است", "kerman.review", month.Next().First.AddDays(4).StartInstant);
            db.MonthlyReports.Add(report);
            await db.SaveChangesAsync();
        }
        var user = await portal.AsAsync<MonthlyStatsDesk>("kerman.agency.user");
        var returned = await user.SheetAsync(month);
        Assert.True(returned.PastLock);
        Assert.True(returned.Editable);

        Assert.Empty(await user.SaveAsync(month, SmallMonth(returned), returned.Version));
        var manager = await portal.AsAsync<MonthlyStatsDesk>("kerman.agency.manager");
        await manager.SubmitAsync(month, SmallMonth(returned), (await user.SheetAsync(month)).Version);
        Assert.Equal(ReportStatus.Submitted, (await user.SheetAsync(month)).Status);
    }

    [Fact]
    public void Lock_ComparedWithTheOnTimeCutOff_IsItsOwnDay()
    {
        var month = new JalaliMonth(1404, 12);
        Assert.Equal(new JalaliDate(1405, 1, 21).StartInstant, MonthlyReport.LockedFrom(month, 20));
        Assert.Equal(new JalaliDate(1405, 1, 11).StartInstant, MonthlyReport.OnTimeCutOff(month));
        Assert.Null(MonthlyReport.LockedFrom(month, 0));
    }
}
