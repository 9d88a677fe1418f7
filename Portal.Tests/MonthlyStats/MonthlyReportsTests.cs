using System.Net;
using System.Net.Http.Json;
using ClosedXML.Excel;
using Portal.Domain.Common;
using Portal.Domain.MonthlyStats;

namespace Portal.Tests.MonthlyStats;

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
    public async Task ReportDownload_ByAgencyUsers_IsRefused()
    {
        var client = await PortalFactory.SignedInClientAsync(portal, "kerman.agency.manager");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/monthly/reports/agencies.xlsx?period={Period}")).StatusCode);
    }

    [Fact]
    public async Task Api_AnotherProvince_IsNotFound_OwnProvinceAnswersItsAgencies()
    {
        var kerman = await PortalFactory.SignedInClientAsync(portal, "kerman.treatment");

        Assert.Equal(HttpStatusCode.NotFound, (await kerman.GetAsync($"/api/v1/reports/monthly?period={Period}&province=27")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kerman.GetAsync($"/api/v1/reports/monthly?period={Period}&province=99")).StatusCode);
        var rows = await kerman.GetFromJsonAsync<List<ApiRow>>($"/api/v1/reports/monthly?period={Period}&province=08");
        Assert.Equal(["AG-08001", "AG-08002"], rows!.Select(r => r.Agency));
        Assert.All(rows!, r => Assert.Equal("08", r.Province));

        var head = await PortalFactory.SignedInClientAsync(portal, "headoffice");
        var golestan = await head.GetFromJsonAsync<List<ApiRow>>($"/api/v1/reports/monthly?period={Period}&province=27");
        Assert.Equal(["AG-27001", "AG-27002"], golestan!.Select(r => r.Agency));
    }

    [Fact]
    public async Task Api_Csv_IsUtf8WithAHeader_AndXlsxIsTheAgenciesSheet()
    {
        var head = await PortalFactory.SignedInClientAsync(portal, "headoffice");

        var csv = await head.GetByteArrayAsync($"/api/v1/reports/monthly?period={Period}&province=08&format=csv");
        var text = System.Text.Encoding.UTF8.GetString(csv[3..]);
        Assert.Equal(System.Text.Encoding.UTF8.GetPreamble(), csv[..3]);
        Assert.StartsWith("province,reviewOffice,agency,name,status,filesReceived,amountClaimedRials", text);
        Assert.Equal(3, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var xlsx = await head.GetAsync($"/api/v1/reports/monthly?period={Period}&format=xlsx");
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.Equal(31 * PortalFactory.AgenciesPerProvince + 3, workbook.Worksheets.Single().LastRowUsed().RowNumber());
        Assert.Equal(HttpStatusCode.BadRequest, (await head.GetAsync("/api/v1/reports/monthly?period=1405-13")).StatusCode);
    }

    private sealed record ApiRow(string Province, string Agency, string Name, string? Status, long AmountClaimedRials);
}
