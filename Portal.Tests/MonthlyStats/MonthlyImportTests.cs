using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.MonthlyStats;

namespace Portal.Tests.MonthlyStats;

/// <summary>A review office's month for many agencies from one sheet: all rows pass or nothing is written.</summary>
public sealed class MonthlyImportTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private Task<MonthlyImport> Import() => portal.AsAsync<MonthlyImport>("kerman.review");

    private async Task<int> FirstCategoryAsync()
    {
        await using var db = Acting.SystemDb(portal);
        return await db.ClaimCategories.Where(c => c.IsActive).OrderBy(c => c.SortOrder).Select(c => c.Id).FirstAsync();
    }

    private static MonthlyImportRow Row(int number, string code, int category, string received, string amount, string forwarded, string pending)
    {
        var form = new MonthlyReportForm { Forwarded = forwarded, Returned = "0", Pending = pending };
        form.Received[category] = received;
        form.Amount[category] = amount;
        return new MonthlyImportRow(number, code, form);
    }

    private async Task<List<MonthlyReport>> ReportsAsync(JalaliMonth month)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.MonthlyReports.Include(r => r.Lines).Where(r => r.Period == month.Key && r.Agency.Code.StartsWith("AG-08")).ToListAsync();
    }

    [Fact]
    public async Task AGoodSheet_RecordsEveryAgency_AsReceivedAndAccepted()
    {
        var month = new JalaliMonth(1403, 1);
        var c = await FirstCategoryAsync();

        var result = await (await Import()).ImportAsync(month,
            [Row(2, "ag-08001", c, "۱۲", "۱۲٬۰۰۰٬۰۰۰", "10", "2"), Row(3, "AG-08002", c, "5", "7500000", "5", "0")]);

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Inserted);
        var reports = await ReportsAsync(month);
        Assert.Equal(2, reports.Count);
        Assert.All(reports, r => Assert.Equal(ReportStatus.Accepted, r.Status));
        Assert.Equal(12_000_000, reports.Single(r => r.FilesForwarded == 10).Lines.Sum(l => l.AmountClaimed));
    }

    [Fact]
    public async Task OneBadRow_WritesNothing_AndEveryFailingRowNamesItsColumn()
    {
        // No other test of the class files the month before it, so nothing is brought forward into row 2 whatever the order.
        var month = new JalaliMonth(1402, 6);
        var c = await FirstCategoryAsync();

        var result = await (await Import()).ImportAsync(month,
        [
            Row(2, "AG-08001", c, "12", "12000000", "10", "2"),
            Row(3, "AG-08002", c, "5", "7500000", "5", "3"),      // pending should be 0
            Row(4, "AG-27001", c, "5", "7500000", "5", "0"),      // another province's agency
            Row(5, "AG-08001", c, "1", "1000000", "1", "0"),      // the same agency twice
            Row(6, "AG-08002", c, "5", "", "5", "0"),             // files without an amount (and a duplicate)
        ]);

        Assert.False(result.Succeeded);
        Assert.Equal([3, 4, 5, 6], result.Errors.Keys.Order());
        Assert.Contains(result.Errors[3], m => m.StartsWith("مانده پایان ماه") && m.Contains('۰'));
        Assert.Contains(result.Errors[4], m => m.Contains("از کارگزاری‌های این دفتر"));
        Assert.Contains(result.Errors[5], m => m.Contains("ردیف ۲") || m.Contains("ردیف 2"));
        Assert.Empty(await ReportsAsync(month));
    }

    [Fact]
    public async Task AForwardedReport_IsRefused_UntilReopened()
    {
        var month = new JalaliMonth(1403, 3);
        var c = await FirstCategoryAsync();
        var import = await Import();
        Assert.True((await import.ImportAsync(month, [Row(2, "AG-08001", c, "3", "3000000", "3", "0")])).Succeeded);
        await (await portal.AsAsync<MonthlyStatsDesk>("kerman.review")).ForwardAllAsync(month);

        var again = await import.ImportAsync(month, [Row(2, "AG-08001", c, "4", "4000000", "4", "0")]);

        Assert.Contains(Assert.Single(again.Errors).Value, m => m.Contains("بازگشایی"));
        Assert.Equal(3, (await ReportsAsync(month)).Single().FilesForwarded);
    }

    [Fact]
    public async Task AnAgencysMonthStartedElsewhereMeanwhile_RefusesTheWholeSheet_InWords_AndWritesNothingOfIt()
    {
        // Found by the soak: the same office's sheet sent through two servers at once; the second's new report for an
        // agency met the first's in the unique index, and its user got the error page.
        var month = new JalaliMonth(1403, 7);
        var c = await FirstCategoryAsync();
        var other = await Import();
        var import = await portal.AsAsync<MonthlyImport>("kerman.review", new AnotherServerSavesFirst(async () =>
            Assert.True((await other.ImportAsync(month, [Row(2, "AG-08002", c, "5", "5000000", "5", "0")])).Succeeded)));

        using var persian = CultureScope.Persian();
        var refused = await Assert.ThrowsAsync<DomainException>(() => import.ImportAsync(month,
            [Row(2, "AG-08001", c, "3", "3000000", "3", "0"), Row(3, "AG-08002", c, "4", "4000000", "4", "0")]));

        Assert.Equal("Import.SavedMeanwhile", refused.Key);
        Assert.Contains("چیزی از این فایل ذخیره نشد", refused.Message);
        var report = Assert.Single(await ReportsAsync(month)); // the other server's, untouched; AG-08001's not written
        Assert.Equal((await Acting.AgencyIdAsync(portal, "AG-08002"), 5), (report.AgencyId, report.FilesForwarded));
    }

    [Fact]
    public async Task Import_ByOtherThanAReviewOffice_IsRefused()
    {
        var import = await portal.AsAsync<MonthlyImport>("kerman.treatment");
        var refused = await Assert.ThrowsAsync<DomainException>(() => import.ImportAsync(new JalaliMonth(1403, 4), []));
        Assert.Equal("Monthly.OnlyReviewOffice", refused.Key);
    }

    [Fact]
    public async Task TheTemplate_ListsTheOfficesAgencies_WithWhatTheyFiled()
    {
        var month = new JalaliMonth(1403, 5);
        var c = await FirstCategoryAsync();
        var import = await Import();
        Assert.True((await import.ImportAsync(month, [Row(2, "AG-08002", c, "7", "700000", "7", "0")])).Succeeded);

        var rows = await import.TemplateRowsAsync(month);

        Assert.Equal(["AG-08001", "AG-08002"], rows.Select(r => r.Code));
        Assert.Null(rows[0].Figures);
        Assert.Equal(7, rows[1].Figures!.FilesForwarded);
    }
}
