using System.Net;
using ClosedXML.Excel;
using Portal.Domain.Common;
using Portal.Domain.MonthlyStats;
using Portal.Tests.Support;

namespace Portal.Tests.Web;

/// <summary>The monthly Excel downloads over HTTP, read back cell by cell, in each user's scope.</summary>
public sealed class MonthlyReportsTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    // The demo seed fills the last six months for Kerman and Golestan; two months back, most reports are forwarded.
    private static readonly JalaliMonth TwoMonthsAgo = JalaliDate.Today(TimeProvider.System).YearMonth.AddMonths(-2);
    private static string Period => $"{TwoMonthsAgo.Year:0000}-{TwoMonthsAgo.Month:00}";

    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<XLWorkbook> DownloadAsync(string user, string report)
    {
        var client = await PortalFactory.SignedInClientAsync(portal, user);
        var response = await client.GetAsync($"/monthly/reports/{report}.xlsx?period={Period}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Completeness_HasOneRowPerProvince_TotalsThatAddUp_RightToLeftFrozenAndFormatted()
    {
        using var workbook = await DownloadAsync("headoffice", "completeness");
        var sheet = workbook.Worksheets.Single();
        var rows = Enumerable.Range(3, 31).Select(sheet.Row).ToList();
        var totals = sheet.Row(34);

        Assert.True(sheet.RightToLeft);
        Assert.Equal(2, sheet.SheetView.SplitRow);
        Assert.Equal("مورد انتظار", sheet.Cell(2, 2).GetString());
        Assert.Equal("جمع", totals.Cell(1).GetString());
        for (var c = 2; c <= 5; c++)
            Assert.Equal(rows.Sum(r => r.Cell(c).GetValue<long>()), totals.Cell(c).GetValue<long>());
        Assert.Equal(31 * PortalFactory.AgenciesPerProvince, totals.Cell(2).GetValue<long>());
        Assert.Equal("#,##0", sheet.Cell(3, 2).Style.NumberFormat.Format);
        Assert.True(sheet.AutoFilter.IsEnabled);
    }

    [Fact]
    public async Task AgencyRows_AreTheUsersProvinceOnly_WithAmountsInRials()
    {
        using var workbook = await DownloadAsync("kerman.treatment", "agencies");
        var sheet = workbook.Worksheets.Single();
        var last = sheet.LastRowUsed().RowNumber();
        var agencyRows = Enumerable.Range(3, last - 3).Select(sheet.Row).ToList();

        Assert.Equal(["AG-08001", "AG-08002"], agencyRows.Select(r => r.Cell(3).GetString()));
        Assert.All(agencyRows, r => Assert.Equal("کرمان", r.Cell(1).GetString()));
        Assert.Equal(agencyRows.Sum(r => r.Cell(7).GetValue<long>()), sheet.Cell(last, 7).GetValue<long>());
        Assert.True(sheet.Cell(last, 7).GetValue<long>() > 0);
        Assert.Equal("#,##0", sheet.Cell(3, 7).Style.NumberFormat.Format);
    }

    [Fact]
    public async Task AgencyUsers_CannotDownloadReports()
    {
        var client = await PortalFactory.SignedInClientAsync(portal, "kerman.agency.manager");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/monthly/reports/agencies.xlsx?period={Period}")).StatusCode);
    }
}
