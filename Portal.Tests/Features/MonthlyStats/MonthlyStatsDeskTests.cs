using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.MonthlyStats;
using Portal.Tests.Support;

namespace Portal.Tests.Features.MonthlyStats;

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
    public async Task NextMonth_CarriesInLastMonthsPending()
    {
        var first = await SavedAsync(new JalaliMonth(1404, 1), received: 12, forwarded: 8, returned: 1);

        var next = await (await As("kerman.agency.user")).SheetAsync(new JalaliMonth(1404, 2));

        Assert.Equal(first.PendingBroughtForward + 3, next.PendingBroughtForward);
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
        await Assert.ThrowsAsync<DomainException>(() => As("kerman.agency.user").Result.SubmitAsync(month, sheet.Version!.Value));

        await (await As("kerman.agency.manager")).SubmitAsync(month, sheet.Version!.Value);
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
        await (await As("kerman.agency.manager")).SubmitAsync(month, sheet.Version!.Value);
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
}
