using Portal.Domain.Common;
using Portal.Domain.MonthlyStats;

namespace Portal.Tests.MonthlyStats;

/// <summary>The worklist and completeness figures, as Kerman's review office, its treatment director and head office see them.</summary>
public sealed class MonthlyQueriesTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    // This month, which the demo seed leaves empty: filed and forwarded at noon on its last day (the first day it is
    // open), which is on time (the cut-off is the 11th of next month).
    private static readonly JalaliMonth ThisMonth = JalaliDate.Today(TimeProvider.System).YearMonth;
    private static readonly TimeProvider LastDay = TestClock.StoppedAt(ThisMonth.Last, hour: 12);

    public async Task InitializeAsync()
    {
        await portal.SeededAsync();
        // AG-08001 submits this month's report and the review office forwards it; AG-08002 has not started.
        var user = await portal.AsAtAsync<MonthlyStatsDesk>("kerman.agency.user", LastDay);
        var sheet = await user.SheetAsync(ThisMonth);
        if (sheet.Status is not null) return;
        var form = new MonthlyReportForm { Forwarded = "4", Returned = "0", Pending = (sheet.PendingBroughtForward + 6 - 4).ToString() };
        form.Received[sheet.Categories[0].Id] = "6";
        form.Amount[sheet.Categories[0].Id] = "9000000";
        Assert.Empty(await user.SaveAsync(ThisMonth, form, null));
        await (await portal.AsAtAsync<MonthlyStatsDesk>("kerman.agency.manager", LastDay)).SubmitAsync(ThisMonth, form, (await user.SheetAsync(ThisMonth)).Version);
        var review = await portal.AsAtAsync<MonthlyStatsDesk>("kerman.review", LastDay);
        var row = (await (await portal.AsAsync<MonthlyWorklistQuery>("kerman.review")).WorklistAsync(ThisMonth)).Single(r => r.Code == "AG-08001");
        await review.AcceptAsync(row.ReportId!.Value, row.Version!.Value);
        await review.ForwardAllAsync(ThisMonth);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Worklist_ShowsEveryAgencyOfTheOffice_StartedOrNot()
    {
        var rows = await (await portal.AsAsync<MonthlyWorklistQuery>("kerman.review")).WorklistAsync(ThisMonth);

        Assert.Equal(["AG-08001", "AG-08002"], rows.Select(r => r.Code));
        Assert.Equal(ReportStatus.Forwarded, rows[0].Status);
        Assert.True(rows[0].ForwardedOnTime);
        Assert.Null(rows[1].Status);
    }

    [Fact]
    public async Task Worklist_ForOtherRoles_IsEmpty() =>
        Assert.Empty(await (await portal.AsAsync<MonthlyWorklistQuery>("kerman.treatment")).WorklistAsync(ThisMonth));

    [Fact]
    public async Task National_CountsExpectedReceivedForwardedOnTime_PerProvince()
    {
        var rows = await (await portal.AsAsync<MonthlyCompletenessQuery>("headoffice")).CompletenessAsync(ThisMonth);

        Assert.Equal(31, rows.Count);
        var kerman = rows.Single(r => r.Name == "کرمان");
        Assert.Equal((2, 1, 1, 1), (kerman.Expected, kerman.Received, kerman.Forwarded, kerman.OnTime));
        Assert.Equal(0.5, kerman.OnTimeRate);
        Assert.Equal(0, rows.Single(r => r.Name == "گلستان").Received);
    }

    [Fact]
    public async Task ExpectedAgencies_AroundTheGoLiveMonth_CountFromIt()
    {
        var board = await portal.AsAsync<MonthlyCompletenessQuery>("headoffice");

        // Kerman's wave went live on 1397/07/01.
        Assert.Equal(0, (await board.CompletenessAsync(new JalaliMonth(1397, 6))).Single(r => r.Name == "کرمان").Expected);
        Assert.Equal(2, (await board.CompletenessAsync(new JalaliMonth(1397, 7))).Single(r => r.Name == "کرمان").Expected);
    }

    [Fact]
    public async Task Province_SeesItsReviewOffices_Only()
    {
        var rows = await (await portal.AsAsync<MonthlyCompletenessQuery>("kerman.treatment")).CompletenessAsync(ThisMonth);

        var office = Assert.Single(rows);
        Assert.Equal(2, office.Expected);
        Assert.Equal(1, office.Forwarded);
    }
}
