using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.MonthlyStats;

namespace Portal.Tests.MonthlyStats;

/// <summary>What the treatment directorate and head office follow: trend, overdue list, a report's history; and closed agencies.</summary>
public sealed class MonthlyFollowUpTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Kerman's office records AG-08001's month from its sheet and forwards it; AG-08002 files nothing.</summary>
    private async Task ForwardFirstAgencyAsync(JalaliMonth month, int received, int forwarded)
    {
        var import = await portal.AsAsync<MonthlyImport>("kerman.review");
        var c = (await import.ColumnsAsync())[1].Key; // the first category's count column
        var id = int.Parse(c["Received:".Length..]);
        var form = new MonthlyReportForm { Forwarded = forwarded.ToString(), Returned = "0", Pending = (received - forwarded).ToString() };
        form.Received[id] = received.ToString();
        form.Amount[id] = (received * 100_000L).ToString();
        Assert.True((await import.ImportAsync(month, [new MonthlyImportRow(2, "AG-08001", form)])).Succeeded);
        await (await portal.AsAsync<MonthlyStatsDesk>("kerman.review")).ForwardAllAsync(month);
    }

    [Fact]
    public async Task Trend_GivesEachMonthsCompletenessAndFigures_InScope()
    {
        var last = new JalaliMonth(1402, 3);
        await ForwardFirstAgencyAsync(last, received: 9, forwarded: 9);

        var trend = await (await portal.AsAsync<MonthlyTrendQuery>("kerman.treatment")).TrendAsync(last, months: 3);
        var points = trend.Months;

        Assert.Equal([new JalaliMonth(1402, 1), new JalaliMonth(1402, 2), last], points.Select(p => p.Period));
        Assert.Equal((2, 1, 1, 9L, 900_000L), (points[2].Completeness.Expected, points[2].Completeness.Received, points[2].Completeness.Forwarded,
            points[2].FilesReceived, points[2].AmountClaimed));
        Assert.Equal(0, points[0].Completeness.Received);
        Assert.Equal(6, trend.Rows.Count); // 2 agencies × 3 months
        Assert.All(trend.Rows, r => Assert.Equal("08", r.ProvinceCode));
    }

    [Fact]
    public async Task Overdue_ListsWhoHasNotSubmitted_AndWhatWasNotForwarded()
    {
        var month = new JalaliMonth(1402, 4);
        await ForwardFirstAgencyAsync(month, received: 4, forwarded: 4);
        var board = await portal.AsAsync<AgencyMonthsQuery>("kerman.review");

        var rows = (await board.AgencyMonthsAsync(month))!;
        IEnumerable<(string, AgencyMonthsQuery.Overdue?)> At(DateTimeOffset now) => rows.Select(r => (r.Code, board.OverdueAt(month, now)(r)));

        Assert.Equal([("AG-08001", null), ("AG-08002", null)], At(new JalaliDate(1402, 5, 5).StartInstant.AddHours(23)));
        Assert.Equal([("AG-08001", null), ("AG-08002", AgencyMonthsQuery.Overdue.NotSubmitted)], At(new JalaliDate(1402, 5, 6).StartInstant));
    }

    [Fact]
    public async Task History_ShowsEachValuesOldAndNew_ToTheProvince_NotToAnother()
    {
        var month = new JalaliMonth(1402, 5);
        await ForwardFirstAgencyAsync(month, received: 5, forwarded: 5);
        var review = await portal.AsAsync<MonthlyStatsDesk>("kerman.review");
        var work = (await (await portal.AsAsync<MonthlyWorklistQuery>("kerman.review")).WorklistAsync(month)).Single(r => r.Code == "AG-08001");
        await review.ReopenAsync(work.ReportId!.Value, work.Version!.Value, "شمار ارسالی اصلاح شود");
        await ForwardFirstAgencyAsync(month, received: 5, forwarded: 3);

        var history = await (await portal.AsAsync<ReportHistoryQuery>("kerman.treatment")).HistoryAsync(work.ReportId.Value);

        Assert.NotNull(history);
        Assert.Contains(history.Value.Changes, c => c.Field == nameof(MonthlyReport.FilesForwarded) && c.Old == "5" && c.New == "3" && c.UserName == "kerman.review");
        Assert.Contains(history.Value.Changes, c => c.Field == nameof(MonthlyReport.Status) && c.New == "ارسال‌شده به مدیریت درمان و ستاد");
        Assert.Null(await (await portal.AsAsync<ReportHistoryQuery>("golestan.treatment")).HistoryAsync(work.ReportId.Value));
    }

    [Fact]
    public async Task AClosedAgency_IsExpected_OnlyForTheMonthsItWasOpen()
    {
        var registry = await portal.AsAsync<AgencyRegistry>("golestan.generaloffice");
        var details = (await registry.FindAsync(await Acting.AgencyIdAsync(portal, "AG-27002")))!;
        var form = AgencyProfileForm.From(details.Agency);
        form.Status = AgencyStatus.Closed;
        Assert.Empty(await registry.SaveAsync(details.Agency.Id, form, details.Agency.ReviewOfficeId, details.Agency.Version, new JalaliDate(1402, 8, 15)));
        var board = await portal.AsAsync<MonthlyCompletenessQuery>("headoffice");

        int Golestan(IReadOnlyList<CompletenessRow> rows) => rows.Single(r => r.Name == "گلستان").Expected;
        Assert.Equal(2, Golestan(await board.CompletenessAsync(new JalaliMonth(1402, 8))));
        Assert.Equal(1, Golestan(await board.CompletenessAsync(new JalaliMonth(1402, 9))));
    }

    [Fact]
    public async Task Reminders_StartThreeDaysBeforeTheDeadline_AndSayWhenItPassed()
    {
        // Shahrivar 1401 reports (made by no other test): the agency's deadline is 5 Mehr, the office's 10 Mehr.
        Task<MonthlyReminders.Reminder?> DueAsync(string user, JalaliDate day, int hour = 10) => RemindersAsync(user, day.StartInstant.AddHours(hour));

        Assert.Null(await DueAsync("kerman.agency.user", new JalaliDate(1401, 7, 1)));
        var soon = await DueAsync("kerman.agency.user", new JalaliDate(1401, 7, 2));
        Assert.Equal((MonthlyReminders.Audience.Agency, new JalaliMonth(1401, 6), new JalaliDate(1401, 7, 5), false),
            (soon!.For, soon.Period, soon.Deadline, soon.Overdue));
        Assert.True((await DueAsync("kerman.agency.manager", new JalaliDate(1401, 7, 6)))!.Overdue);

        Assert.Null(await DueAsync("kerman.review", new JalaliDate(1401, 7, 6)));
        var office = await DueAsync("kerman.review", new JalaliDate(1401, 7, 7));
        Assert.Equal((MonthlyReminders.Audience.ReviewOffice, 2, false), (office!.For, office.Count, office.Overdue));
        Assert.Null(await DueAsync("kerman.treatment", new JalaliDate(1401, 7, 7)));
    }

    private async Task<MonthlyReminders.Reminder?> RemindersAsync(string user, DateTimeOffset now)
    {
        var contexts = portal.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Portal.Domain.Data.PortalDbContext>>();
        var reminders = new MonthlyReminders(new Portal.Domain.Data.PortalDb(contexts, new ActingAs(await Acting.ActorAsync(portal, user))),
            TestClock.StoppedAt(now), new MonthlyStatsOptions());
        return await reminders.DueAsync();
    }
}
