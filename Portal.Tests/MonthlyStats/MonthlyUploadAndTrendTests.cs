using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.MonthlyStats;

namespace Portal.Tests.MonthlyStats;

/// <summary>The 12-month trend and timeliness workbooks read back, and the review office's sheet uploaded over HTTP.</summary>
public sealed class MonthlyUploadAndTrendTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private static readonly JalaliMonth LastMonth = JalaliDate.Today(TimeProvider.System).YearMonth.Previous();
    private static string Key(JalaliMonth m) => $"{m.Year:0000}-{m.Month:00}";

    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<XLWorkbook> WorkbookAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Trend_HasTwelveMonths_AndEveryAgencyMonthBehindThem_WithTotalsThatAddUp()
    {
        var client = await PortalFactory.SignedInClientAsync(portal, "headoffice");
        using var workbook = await WorkbookAsync(await client.GetAsync($"/monthly/reports/trend.xlsx?period={Key(LastMonth)}"));
        var summary = workbook.Worksheet(1);
        var detail = workbook.Worksheet(2);

        Assert.True(summary.RightToLeft && detail.RightToLeft);
        Assert.Equal(2, detail.SheetView.SplitRow);
        Assert.Equal("جمع", summary.Cell(15, 1).GetString());
        var expected = Enumerable.Range(3, 12).Sum(r => summary.Cell(r, 2).GetValue<long>());
        Assert.Equal(expected, summary.Cell(15, 2).GetValue<long>());
        var last = detail.LastRowUsed().RowNumber();
        Assert.Equal(expected, last - 3); // one row per expected agency-month, then the totals
        Assert.Equal("جمع", detail.Cell(last, 1).GetString());
        for (var c = 7; c <= 11; c++)
            Assert.Equal(Enumerable.Range(3, last - 3).Sum(r => detail.Cell(r, c).GetValue<long>()), detail.Cell(last, c).GetValue<long>());
        Assert.True(detail.Cell(last, 8).GetValue<long>() > 0);
        // The summary counts what reached the review offices; the rows also show drafts, marked as such.
        Assert.Equal(summary.Cell(15, 8).GetValue<long>(),
            Enumerable.Range(3, last - 3).Where(r => detail.Cell(r, 6).GetString() != "پیش‌نویس").Sum(r => detail.Cell(r, 8).GetValue<long>()));
        Assert.Equal("#,##0", detail.Cell(4, 8).Style.NumberFormat.Format);
        Assert.Equal(XLDataType.Number, detail.Cell(4, 8).DataType);
        Assert.Equal(LastMonth.ToString(), detail.Cell(last - 1, 1).GetString());
        Assert.True(detail.AutoFilter.IsEnabled);
    }

    [Fact]
    public async Task Timeliness_GivesEachAgencysDatesAndDaysLate_InTheUsersProvince()
    {
        var client = await PortalFactory.SignedInClientAsync(portal, "kerman.treatment");
        using var workbook = await WorkbookAsync(await client.GetAsync($"/monthly/reports/timeliness.xlsx?period={Key(LastMonth.Previous())}"));
        var sheet = workbook.Worksheets.Single();

        Assert.Equal(["AG-08001", "AG-08002"], Enumerable.Range(3, 2).Select(r => sheet.Cell(r, 3).GetString()));
        Assert.Equal("جمع", sheet.Cell(5, 1).GetString());
        Assert.Equal("روز تأخیر دفتر", sheet.Cell(2, 10).GetString());
        Assert.All(Enumerable.Range(3, 2), r => Assert.True(sheet.Cell(r, 10).IsEmpty() || sheet.Cell(r, 10).GetValue<int>() >= 0));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, JalaliMonth month, byte[] sheet)
    {
        var html = await client.GetStringAsync($"/monthly/worklist?period={Key(month)}");
        var input = Regex.Match(html, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*>").Value;
        var form = new MultipartFormDataContent { { new StringContent(Regex.Match(input, "value=\"([^\"]+)\"").Groups[1].Value), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(sheet);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "monthly.xlsx");
        return await client.PostAsync($"/monthly/upload?period={Key(month)}", form);
    }

    /// <summary>The office's template for the month with the figures typed in, one row's pending count given as <paramref name="pendingOfSecond"/>.</summary>
    private static async Task<byte[]> FilledTemplateAsync(HttpClient client, JalaliMonth month, string pendingOfSecond)
    {
        using var workbook = await WorkbookAsync(await client.GetAsync($"/monthly/upload/template.xlsx?period={Key(month)}"));
        var sheet = workbook.Worksheet(1);
        Assert.Equal(["AG-08001", "AG-08002"], new[] { sheet.Cell(2, 1).GetString(), sheet.Cell(3, 1).GetString() });
        int Column(string title) => sheet.Row(1).CellsUsed().Single(c => c.GetString() == title).Address.ColumnNumber;
        var received = sheet.Row(1).CellsUsed().First(c => c.GetString().EndsWith("تعداد پرونده")).Address.ColumnNumber;
        foreach (var row in new[] { 2, 3 })
        {
            var broughtForward = sheet.Cell(row, 3).GetValue<int>();
            sheet.Cell(row, received).SetValue(10);
            sheet.Cell(row, received + 1).SetValue(25_000_000);
            sheet.Cell(row, Column("ارسال‌شده به دفتر رسیدگی")).SetValue(8);
            sheet.Cell(row, Column("عودت‌شده به علت نقص")).SetValue(0);
            sheet.Cell(row, Column("مانده پایان ماه")).SetValue(row == 3 ? pendingOfSecond : (broughtForward + 2).ToString());
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task ABadRow_RefusesTheWholeSheet_WithAnErrorsWorkbookForThatUserOnly_ThenTheFixedSheetIsRecorded()
    {
        var month = new JalaliMonth(1400, 5);
        var office = await PortalFactory.SignedInClientAsync(portal, "kerman.review");

        var refused = await UploadAsync(office, month, await FilledTemplateAsync(office, month, pendingOfSecond: "999"));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var location = refused.Headers.Location!.ToString();
        Assert.Contains("rows=1", location);
        var id = Regex.Match(location, "failed=([^&]+)").Groups[1].Value;
        using (var errors = await WorkbookAsync(await office.GetAsync($"/monthly/upload/errors/{id}.xlsx")))
        {
            var sheet = errors.Worksheet(1);
            var column = sheet.Row(1).LastCellUsed().Address.ColumnNumber;
            Assert.Equal("خطاها", sheet.Cell(1, column).GetString());
            Assert.True(sheet.Cell(2, column).IsEmpty());
            Assert.StartsWith("مانده پایان ماه", sheet.Cell(3, column).GetString());
        }
        var other = await PortalFactory.SignedInClientAsync(portal, "golestan.review");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/monthly/upload/errors/{id}.xlsx")).StatusCode);
        await using (var db = Acting.SystemDb(portal))
            Assert.False(await db.MonthlyReports.AnyAsync(r => r.Period == month.Key));

        var template = await FilledTemplateAsync(office, month, pendingOfSecond: "");
        using (var fixedBook = new XLWorkbook(new MemoryStream(template)))
        {
            // The second row's pending count as it must be: what it carried in, plus 10, less 8.
            var sheet = fixedBook.Worksheet(1);
            var pending = sheet.Row(1).CellsUsed().Single(c => c.GetString() == "مانده پایان ماه").Address.ColumnNumber;
            sheet.Cell(3, pending).SetValue(sheet.Cell(3, 3).GetValue<int>() + 2);
            using var stream = new MemoryStream();
            fixedBook.SaveAs(stream);
            template = stream.ToArray();
        }
        var done = await UploadAsync(office, month, template);
        Assert.EndsWith("uploaded=2", done.Headers.Location!.ToString());
        await using (var db = Acting.SystemDb(portal))
            Assert.Equal(2, await db.MonthlyReports.CountAsync(r => r.Period == month.Key && r.Status == ReportStatus.Accepted));
    }

    [Fact]
    public async Task NotAnExcelFile_IsRefused_WithAMessage_AndOthersCannotUpload()
    {
        var office = await PortalFactory.SignedInClientAsync(portal, "kerman.review");
        var refused = await UploadAsync(office, new JalaliMonth(1400, 6), "not a workbook"u8.ToArray());
        Assert.Contains("failed=", refused.Headers.Location!.ToString());
        Assert.DoesNotContain("rows=", refused.Headers.Location!.ToString());

        var treatment = await PortalFactory.SignedInClientAsync(portal, "kerman.treatment");
        Assert.Equal(HttpStatusCode.Forbidden, (await treatment.GetAsync($"/monthly/upload/template.xlsx?period=1400-06")).StatusCode);
    }
}
