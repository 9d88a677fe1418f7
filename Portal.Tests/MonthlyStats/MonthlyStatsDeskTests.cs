using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.MonthlyStats;

namespace Portal.Tests.MonthlyStats;

/// <summary>The monthly report's workflow through the service, as the demo users of Kerman, on a real SQLite file.</summary>
public sealed class MonthlyStatsDeskTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private Task<MonthlyStatsDesk> As(string user) => portal.AsAsync<MonthlyStatsDesk>(user);

    private static MonthlyReportForm Form(MonthlyStatsDesk.Sheet sheet, int received, int forwarded, int returned)
    {
        var form = new MonthlyReportForm
        {
            Forwarded = forwarded.ToString(), Returned = returned.ToString(),
            Pending = (sheet.PendingBroughtForward + received - forwarded - returned).ToString(),
        };
        var first = sheet.Categories[0].Id;
        form.Received[first] = received.ToString();
        form.Amount[first] = (received * 1_000_000L).ToString();
        return form;
    }

    private async Task<MonthlyStatsDesk.Sheet> SavedAsync(JalaliMonth month, int received = 12, int forwarded = 8, int returned = 1)
    {
        var user = await As("kerman.agency.user");
        var sheet = await user.SheetAsync(month);
        Assert.Empty(await user.SaveAsync(month, Form(sheet, received, forwarded, returned), sheet.Version));
        return await user.SheetAsync(month);
    }

    private async Task<int> ReportIdAsync(JalaliMonth month)
    {
        await using var db = Acting.SystemDb(portal);
        var agency = await Acting.AgencyIdAsync(portal, "AG-08001");
        return await db.MonthlyReports.Where(r => r.AgencyId == agency && r.Period == month.Key).Select(r => r.Id).SingleAsync();
    }

    [Fact]
    public async Task NextMonth_Started_CarriesInLastMonthsPending()
    {
        var first = await SavedAsync(new JalaliMonth(1404, 1), received: 12, forwarded: 8, returned: 1);

        var next = await (await As("kerman.agency.user")).SheetAsync(new JalaliMonth(1404, 2));

        Assert.Equal(first.PendingBroughtForward + 3, next.PendingBroughtForward);
    }

    [Fact]
    public async Task AMonthStartedElsewhereMeanwhile_IsRefusedInWords_NotOverwritten()
    {
        // Two tabs (or servers) both found the month empty: the second to save gets the message, not the error page.
        var month = new JalaliMonth(1403, 8);
        var otherTab = await As("kerman.agency.user");
        var sheet = await otherTab.SheetAsync(month);
        var user = await portal.AsAsync<MonthlyStatsDesk>("kerman.agency.user", new AnotherServerSavesFirst(async () =>
            Assert.Empty(await otherTab.SaveAsync(month, Form(sheet, 12, 5, 1), sheet.Version))));

        var refused = await Assert.ThrowsAsync<DomainException>(() => user.SaveAsync(month, Form(sheet, 12, 8, 1), sheet.Version));

        Assert.Equal("Monthly.ChangedMeanwhile", refused.Key);
        var id = await ReportIdAsync(month);
        await using var db = Acting.SystemDb(portal);
        Assert.Equal(5, (await db.MonthlyReports.SingleAsync(r => r.Id == id)).FilesForwarded); // the other tab's, untouched
    }

    [Fact]
    public async Task UnbalancedMonth_IsRefused_AndNothingIsSaved()
    {
        var month = new JalaliMonth(1404, 3);
        var user = await As("kerman.agency.user");
        var sheet = await user.SheetAsync(month);
        var form = Form(sheet, 10, 5, 0);
        form.Pending = "999";

        var errors = await user.SaveAsync(month, form, null);

        Assert.Equal(["Pending"], errors.Keys);
        Assert.Null((await user.SheetAsync(month)).Status);
    }

    [Fact]
    public async Task OnlyTheManagerSubmits_ThenTheAgencyCannotEdit_UntilReturned()
    {
        var month = new JalaliMonth(1404, 4);
        var sheet = await SavedAsync(month);
        await Assert.ThrowsAsync<DomainException>(() => As("kerman.agency.user").Result.SubmitAsync(month, MonthlyReportForm.From(sheet.Figures!), sheet.Version));

        await (await As("kerman.agency.manager")).SubmitAsync(month, MonthlyReportForm.From(sheet.Figures!), sheet.Version);
        var user = await As("kerman.agency.user");
        var submitted = await user.SheetAsync(month);
        await Assert.ThrowsAsync<DomainException>(() => user.SaveAsync(month, Form(submitted, 3, 1, 0), submitted.Version));

        await (await As("kerman.review")).ReturnAsync(await ReportIdAsync(month), submitted.Version!.Value, "مبلغ ردیف بستری اشتباه است");
        var returned = await user.SheetAsync(month);
        Assert.Equal("مبلغ ردیف بستری اشتباه است", returned.ReturnReason);
        Assert.Empty(await user.SaveAsync(month, Form(returned, 12, 8, 1), returned.Version));
    }

    [Fact]
    public async Task ReviewOffice_AcceptsAndForwardsAll_OtherProvincesOfficeCannotTouchIt()
    {
        var month = new JalaliMonth(1404, 5);
        var sheet = await SavedAsync(month);
        await (await As("kerman.agency.manager")).SubmitAsync(month, MonthlyReportForm.From(sheet.Figures!), sheet.Version);
        var id = await ReportIdAsync(month);
        var version = (await (await As("kerman.agency.user")).SheetAsync(month)).Version!.Value;

        var golestan = await As("golestan.review");
        var refused = await Assert.ThrowsAsync<DomainException>(() => golestan.AcceptAsync(id, version));
        Assert.Equal("Monthly.NotFound", refused.Key);

        var review = await As("kerman.review");
        await review.AcceptAsync(id, version);
        Assert.Equal(1, await review.ForwardAllAsync(month));
        var forwarded = await (await As("kerman.agency.user")).SheetAsync(month);
        Assert.Equal(ReportStatus.Forwarded, forwarded.Status);
    }

    [Fact]
    public async Task EveryChangedValue_IsInTheAuditLog_OldAndNew()
    {
        var month = new JalaliMonth(1404, 6);
        var saved = await SavedAsync(month, received: 12, forwarded: 8, returned: 1);
        var user = await As("kerman.agency.user");
        Assert.Empty(await user.SaveAsync(month, Form(saved, 12, 9, 0), saved.Version));

        await using var db = Acting.SystemDb(portal);
        var key = (await ReportIdAsync(month)).ToString();
        var entries = await db.AuditEntries.Where(e => e.Entity == nameof(MonthlyReport) && e.Key == key).ToListAsync();
        Assert.Contains(entries, e => e.Changes.Contains("FilesForwarded") && e.Changes.Contains('8') && e.Changes.Contains('9') && e.UserName == "kerman.agency.user");
    }

    [Fact]
    public async Task Submit_WithUnsavedEdits_SendsWhatIsOnScreen()
    {
        // Returned by the review office; the manager types the corrected amount and sends without saving first.
        var month = new JalaliMonth(1404, 7);
        var sheet = await SavedAsync(month);
        var manager = await As("kerman.agency.manager");
        Assert.Empty(await manager.SubmitAsync(month, MonthlyReportForm.From(sheet.Figures!), sheet.Version));
        var submitted = await manager.SheetAsync(month);
        await (await As("kerman.review")).ReturnAsync(await ReportIdAsync(month), submitted.Version!.Value, "مبلغ بستری با اسناد نمی‌خواند");
        var returned = await manager.SheetAsync(month);
        var onScreen = MonthlyReportForm.From(returned.Figures!);
        var category = returned.Categories[0].Id;
        onScreen.Amount[category] = "۴۳۰٬۰۰۰٬۰۰۰";

        Assert.Empty(await manager.SubmitAsync(month, onScreen, returned.Version));

        var sent = await manager.SheetAsync(month);
        Assert.Equal(ReportStatus.Submitted, sent.Status);
        Assert.Equal(430_000_000, sent.Figures!.Categories.Single(c => c.CategoryId == category).AmountClaimed);
    }

    [Fact]
    public async Task Submit_OfAFormThatDoesNotAddUp_NamesTheField_AndNeitherSavesNorSends()
    {
        var month = new JalaliMonth(1404, 8);
        var sheet = await SavedAsync(month, received: 12, forwarded: 8, returned: 1);
        var manager = await As("kerman.agency.manager");
        var onScreen = Form(sheet, 12, 9, 1);
        onScreen.Pending = "999";

        var errors = await manager.SubmitAsync(month, onScreen, sheet.Version);

        Assert.Equal(["Pending"], errors.Keys);
        var after = await manager.SheetAsync(month);
        Assert.Equal(ReportStatus.Draft, after.Status);
        Assert.Equal(8, after.Figures!.FilesForwarded);
    }

    [Fact]
    public async Task Submit_OfAMonthNeverSaved_SavesAndSubmitsIt()
    {
        var month = new JalaliMonth(1404, 9);
        var manager = await As("kerman.agency.manager");
        var sheet = await manager.SheetAsync(month);
        Assert.True(sheet.Submittable);

        Assert.Empty(await manager.SubmitAsync(month, Form(sheet, 5, 3, 0), null));

        var sent = await manager.SheetAsync(month);
        Assert.Equal((ReportStatus.Submitted, 5), (sent.Status, sent.Figures!.FilesReceived));
    }

    [Fact]
    public async Task Worklist_ShowsTheFigures_LastMonths_AndWhatChangedSinceTheReturn()
    {
        var (last, month) = (new JalaliMonth(1404, 10), new JalaliMonth(1404, 11));
        var manager = await As("kerman.agency.manager");
        var lastSheet = await manager.SheetAsync(last);
        Assert.Empty(await manager.SubmitAsync(last, Form(lastSheet, 7, 4, 0), null));
        var sheet = await manager.SheetAsync(month);
        var form = Form(sheet, 10, 6, 1);
        var category = sheet.Categories[0].Id;
        form.Amount[category] = "436440000";
        Assert.Empty(await manager.SubmitAsync(month, form, null));
        await (await As("kerman.review")).ReturnAsync(await ReportIdAsync(month), (await manager.SheetAsync(month)).Version!.Value, "مبلغ بستری");
        form.Amount[category] = "430000000";
        Assert.Empty(await manager.SubmitAsync(month, form, (await manager.SheetAsync(month)).Version));

        var row = (await (await portal.AsAsync<MonthlyWorklistQuery>("kerman.review")).WorklistAsync(month)).Single(r => r.Code == "AG-08001");

        Assert.Equal((10, 430_000_000L, 6, 1), (row.Figures!.FilesReceived, row.Figures.AmountClaimed, row.Figures.FilesForwarded, row.Figures.FilesReturned));
        Assert.Equal((7, 7_000_000L, 4), (row.LastMonth!.FilesReceived, row.LastMonth.AmountClaimed, row.LastMonth.FilesForwarded));
        Assert.True(row.Resubmitted);
        var change = Assert.Single(row.SinceReturn!);
        Assert.Equal((nameof(ReportLine.AmountClaimed), "436440000", "430000000"), (change.Field, change.Old, change.New));
        Assert.Equal(sheet.Categories[0].NameFa, change.Category);
    }
}
