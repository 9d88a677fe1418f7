using Portal.Domain.Common;
using Portal.Domain.MonthlyStats;
using static Portal.Tests.MonthlyStats.MonthlyStatsArrange;

namespace Portal.Tests.MonthlyStats;

/// <summary>
/// A month's report opens at 00:00 Tehran time on the month's last day, never earlier: saving, submitting and the review
/// office's upload are refused before it, at the second. The clock is fixed; the months are ones the demo seed leaves empty.
/// </summary>
public sealed class MonthlyOpenMonthsTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;


    [Fact]
    public void Month_OnItsLastDay_OpensAtTehranMidnight()
    {
        // Azar 1405 has 30 days; Tehran is UTC+03:30, so 00:00 of 1405/09/30 is 20:30 UTC the day before.
        var azar = new JalaliMonth(1405, 9);
        Assert.Equal(new DateTimeOffset(2026, 12, 20, 20, 30, 0, TimeSpan.Zero), MonthlyReport.OpensAt(azar));
        Assert.False(MonthlyReport.IsOpen(azar, TestClock.At(new JalaliDate(1405, 9, 29), 23, 59, 59)));
        Assert.True(MonthlyReport.IsOpen(azar, TestClock.At(new JalaliDate(1405, 9, 30))));
    }

    [Theory]
    [InlineData(1403, 30)] // a leap year: Esfand has 30 days
    [InlineData(1402, 29)] // a common year: 29
    public async Task Esfand_OpensOnItsOwnLastDay_InLeapAndCommonYears(int year, int lastDay)
    {
        var esfand = new JalaliMonth(year, 12);
        Assert.Equal(lastDay, esfand.Days);
        var clock = TestClock.StoppedAt(new JalaliDate(year, 12, lastDay - 1), 23, 59, 59);
        var user = await portal.AsAtAsync<MonthlyStatsDesk>("kerman.agency.user", clock);
        var sheet = await user.SheetAsync(esfand);
        Assert.False(sheet.Editable);

        var refused = await Assert.ThrowsAsync<DomainException>(() => user.SaveAsync(esfand, SmallMonth(sheet), null));
        Assert.Equal("Monthly.NotOver", refused.Key);
        Assert.Contains("اسفند", refused.Message);

        clock.SetUtcNow(TestClock.At(new JalaliDate(year, 12, lastDay)));
        Assert.True((await user.SheetAsync(esfand)).Editable);
        Assert.Empty(await user.SaveAsync(esfand, SmallMonth(sheet), null));
        var manager = await portal.AsAtAsync<MonthlyStatsDesk>("kerman.agency.manager", clock);
        var saved = await manager.SheetAsync(esfand);
        Assert.Empty(await manager.SubmitAsync(esfand, SmallMonth(saved), saved.Version));
        Assert.Equal(ReportStatus.Submitted, (await manager.SheetAsync(esfand)).Status);
    }

    [Fact]
    public async Task OnAzar12_AzarAndDey_AreNeitherSavedNorSubmitted()
    {
        var clock = TestClock.StoppedAt(new JalaliDate(1405, 9, 12), 10);
        var manager = await portal.AsAtAsync<MonthlyStatsDesk>("kerman.agency.manager", clock);
        foreach (var month in new[] { new JalaliMonth(1405, 9), new JalaliMonth(1405, 10) })
        {
            var sheet = await manager.SheetAsync(month);
            Assert.False(sheet.IsOpen);
            Assert.False(sheet.Submittable);
            Assert.Equal("Monthly.NotOver", (await Assert.ThrowsAsync<DomainException>(() => manager.SaveAsync(month, SmallMonth(sheet), null))).Key);
            Assert.Equal("Monthly.NotOver", (await Assert.ThrowsAsync<DomainException>(() => manager.SubmitAsync(month, SmallMonth(sheet), null))).Key);
            Assert.Null((await manager.SheetAsync(month)).Status);
        }
        // The month just ended is open.
        Assert.True((await manager.SheetAsync(new JalaliMonth(1405, 8))).IsOpen);
    }

    [Fact]
    public async Task TheReviewOfficesUpload_OfAMonthNotOver_IsRefused_AndWritesNothing()
    {
        var month = new JalaliMonth(1401, 11); // Bahman: 30 days
        var clock = TestClock.StoppedAt(new JalaliDate(1401, 11, 29), 23, 59, 59);
        var import = await portal.AsAtAsync<MonthlyImport>("kerman.review", clock);
        var form = new MonthlyReportForm { Forwarded = "0", Returned = "0", Pending = "0" };
        var rows = new[] { new MonthlyImportRow(2, "AG-08001", form) };

        var refused = await import.ImportAsync(month, rows);
        Assert.Contains("بهمن", Assert.Single(refused.Errors[0]));
        await using (var db = Acting.SystemDb(portal))
            Assert.DoesNotContain(db.MonthlyReports, r => r.Period == month.Key);

        clock.SetUtcNow(TestClock.At(new JalaliDate(1401, 11, 30)));
        Assert.Empty((await import.ImportAsync(month, rows)).Errors);
    }

    [Fact]
    public async Task AMonthNotOver_IsNeverOverdue_TheMonthJustEndedIs()
    {
        var board = await portal.AsAsync<AgencyMonthsQuery>("headoffice");
        var now = TestClock.At(new JalaliDate(1405, 10, 20), 10); // 20 Dey: Azar's deadlines have passed
        AgencyMonth Missing(JalaliMonth m) =>
            new(m.Key, "08", "کرمان", "دفتر", "AG-08001", "کارگزاری", null, null, 0, 0, 0, 0, 0, null, null, null, null);

        Assert.Equal(AgencyMonthsQuery.Overdue.NotSubmitted, board.OverdueAt(new JalaliMonth(1405, 9), now)(Missing(new JalaliMonth(1405, 9))));
        Assert.Null(board.OverdueAt(new JalaliMonth(1405, 10), now)(Missing(new JalaliMonth(1405, 10))));
        Assert.Null(board.OverdueAt(new JalaliMonth(1405, 11), now)(Missing(new JalaliMonth(1405, 11))));
    }
}
