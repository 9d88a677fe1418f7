using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Booklets;
using Portal.Domain.Common;
using Portal.Domain.Security;
using Portal.Features.Booklets;
using static Portal.Tests.Booklets.BookletReportArrange;

namespace Portal.Tests.Booklets;

/// <summary>
/// The booklet services report counts exactly what the counters recorded, by general office, branch, type and refusal,
/// with the time from request to service, in the reader's scope; the workbook adds up; the API answers in its formats.
/// </summary>
public sealed class BookletReportTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => ArrangeAsync(portal);
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<BookletReport.Result> ReadAsync(string userName, JalaliMonth? to = null, string? province = null) =>
        (await (await portal.AsAsync<BookletReport>(userName)).ReadAsync(May, to ?? May, province))!;

    [Fact]
    public async Task HeadOffice_CountsEachTypeRefusalAndBranch_Exactly()
    {
        var r = await ReadAsync("registration");

        Assert.Equal((13, 5, 1, 1), (r.Total.Done, r.Total.Refused, r.Total.Corrected, r.Total.CounterErrors));
        Assert.Equal([(7, 3, 1), (4, 1, 0), (1, 1, 0), (1, 0, 0)], r.Types.Select(t => (t.Done, t.Refused, t.Corrected)));
        Assert.Equal([(BookletRefusal.PensionStopped, 2, false), (BookletRefusal.NotEnoughPremium, 1, false), (BookletRefusal.SonWithoutCertificate, 1, false),
            (BookletRefusal.HasBooklet, 1, true)], r.Refusals.Select(x => (x.Reason, x.Count, x.CounterError)));
        var first = r.Branches.Single(b => b.Code == "BR-08-01");
        Assert.Equal((3, 2, 1, 0, 2, 1), (first.Counts.Renewals, first.Counts.Credits, first.Counts.NewBooklets, first.Counts.Duplicates, first.Counts.Refused, first.Counts.Corrected));
        // Measured: the five done services with a request time before the service (4, 4, 4, 10, 10 minutes); the new booklet had none.
        Assert.Equal((5, 4), (first.Wait.Measured, first.Wait.MedianMinutes));
        Assert.Equal(6.4, first.Wait.AverageMinutes!.Value, 3);
        Assert.Equal((3, 1), (r.Branches.Single(b => b.Code == "BR-08-02").Counts.Done, r.Branches.Single(b => b.Code == "BR-08-02").Counts.Refused));
        Assert.Equal((9, 3), (r.GeneralOffices.Single(o => o.Code == "GO-08-1").Counts.Done, r.GeneralOffices.Single(o => o.Code == "GO-08-1").Counts.Refused));
        Assert.Equal(4, r.GeneralOffices.Single(o => o.Code == "GO-27-1").Counts.Done);
        // The totals are the sum of the rows, whichever way they are cut.
        Assert.Equal(r.Total.Done, r.Branches.Sum(b => b.Counts.Done));
        Assert.Equal(r.Total.Done, r.GeneralOffices.Sum(o => o.Counts.Done));
        Assert.Equal(r.Total.Done, r.Types.Sum(t => t.Done));
        Assert.Equal(r.Total.Refused, r.Refusals.Sum(x => x.Count));
    }

    [Fact]
    public async Task ARange_AddsTheMonths_AndAProvinceNarrowsTheNationalReader()
    {
        var range = await ReadAsync("headoffice", June);
        Assert.Equal(18, range.Total.Done);
        Assert.Equal(7, range.Branches.Single(b => b.Code == "BR-08-01").Counts.Credits);

        var golestan = await ReadAsync("headoffice", province: "27");
        Assert.Equal((4, 2), (golestan.Total.Done, golestan.Total.Refused));
        Assert.All(golestan.Branches, b => Assert.StartsWith("BR-27-", b.Code));
    }

    [Fact]
    public async Task KermanGeneralOffice_NeverSeesGolestan_AndABranchSupervisorSeesItsBranchOnly()
    {
        var kerman = await ReadAsync("kerman.generaloffice");
        Assert.Equal((9, 3), (kerman.Total.Done, kerman.Total.Refused));
        Assert.All(kerman.Branches, b => Assert.StartsWith("BR-08-", b.Code));
        Assert.Equal("GO-08-1", Assert.Single(kerman.GeneralOffices).Code);
        Assert.Null(await (await portal.AsAsync<BookletReport>("kerman.generaloffice")).ReadAsync(May, May, "27"));

        var branch = await ReadAsync("kerman.branch.supervisor");
        Assert.Equal("BR-08-01", Assert.Single(branch.Branches).Code);
        Assert.Equal((6, 2), (branch.Total.Done, branch.Total.Refused));
    }

    [Fact]
    public async Task Roles_WithoutTheReport_AreRefused_AndARangeMustBeInOrder_ShortAndNotInTheFuture()
    {
        var staff = await portal.AsAsync<BookletReport>("kerman.branch.staff");
        Assert.Equal(RefusalKind.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => staff.ReadAsync(May, May))).Kind);
        var head = await portal.AsAsync<BookletReport>("headoffice");
        Assert.Equal("Booklets.Report.RangeOrder", (await Assert.ThrowsAsync<DomainException>(() => head.ReadAsync(June, May))).Key);
        Assert.Equal("Booklets.Report.RangeTooLong", (await Assert.ThrowsAsync<DomainException>(() => head.ReadAsync(May, May.AddMonths(12)))).Key);
        var thisMonth = JalaliDate.Today(portal.Services.GetRequiredService<TimeProvider>()).YearMonth;
        Assert.Equal("Booklets.Report.Future", (await Assert.ThrowsAsync<DomainException>(() => head.ReadAsync(thisMonth, thisMonth.Next()))).Key);
    }

    [Fact]
    public async Task Workbook_ReadBack_EverySheetsTotalIsTheSumOfItsRows_AndTheReportsTotal()
    {
        var report = await ReadAsync("headoffice");
        var bytes = ActivatorUtilities.CreateInstance<BookletReportSheets>(portal.Services).Workbook(report);
        using var workbook = new XLWorkbook(new MemoryStream(bytes));

        Assert.Equal(4, workbook.Worksheets.Count);
        // (sheet, column of "done" or the count, the report's total in it)
        (int Sheet, int Column, int Expected)[] checks = [(1, 7, report.Total.Done), (2, 8, report.Total.Done), (3, 2, report.Total.Done), (4, 2, report.Total.Refused),
            (1, 8, report.Total.Refused), (2, 9, report.Total.Refused), (3, 3, report.Total.Refused)];
        foreach (var (s, column, expected) in checks)
        {
            var sheet = workbook.Worksheet(s);
            var last = sheet.LastRowUsed().RowNumber();
            var rows = Enumerable.Range(3, last - 3).Sum(r => sheet.Cell(r, column).GetValue<int>());
            Assert.Equal(expected, sheet.Cell(last, column).GetValue<int>());
            Assert.Equal(expected, rows);
        }
        Assert.True(workbook.Worksheet(2).RightToLeft);
    }

    [Fact]
    public async Task Api_InScope_Json_Csv_Xlsx_AndABadPeriodIsA400InPersian()
    {
        var kerman = await PortalFactory.SignedInClientAsync(portal, "kerman.generaloffice");
        var json = await kerman.GetFromJsonAsync<JsonElement>($"/api/v1/reports/booklet-services?period={Period}");
        Assert.Equal(9, json.GetProperty("total").GetProperty("done").GetInt32());
        Assert.All(json.GetProperty("branches").EnumerateArray(), b => Assert.StartsWith("BR-08-", b.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await kerman.GetAsync($"/api/v1/reports/booklet-services?period={Period}&province=27")).StatusCode);

        var head = await PortalFactory.SignedInClientAsync(portal, "registration");
        var golestan = await head.GetFromJsonAsync<JsonElement>($"/api/v1/reports/booklet-services?period={Period}&province=27");
        Assert.Equal(4, golestan.GetProperty("total").GetProperty("done").GetInt32());

        var csv = await head.GetByteArrayAsync($"/api/v1/reports/booklet-services?period={Period}&province=08&format=csv");
        Assert.Equal(System.Text.Encoding.UTF8.GetPreamble(), csv[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(csv[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("province,generalOffice,branch,name,renewals,credits", lines[0]);
        Assert.Equal(9, lines.Skip(1).Sum(l => int.Parse(l.Split(',')[8])) / 2); // the branches and the total row, each 9

        var xlsx = await head.GetAsync($"/api/v1/reports/booklet-services?period={Period}&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var branches = workbook.Worksheet(2);
        Assert.Equal(13, branches.Cell(branches.LastRowUsed().RowNumber(), 8).GetValue<int>());

        var bad = await head.GetAsync("/api/v1/reports/booklet-services?period=1398-13");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("ماه باید", await bad.Content.ReadAsStringAsync());
        var reversed = await head.GetAsync("/api/v1/reports/booklet-services?period=1398-06&to=1398-05");
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("پس از ماه پایان", await reversed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await head.GetAsync($"/api/v1/reports/booklet-services?period={Period}&format=pdf")).StatusCode);
        var staff = await PortalFactory.SignedInClientAsync(portal, "kerman.branch.staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/v1/reports/booklet-services?period={Period}")).StatusCode);
    }
}
