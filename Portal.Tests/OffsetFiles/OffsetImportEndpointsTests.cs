using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Portal.Documents;
using Portal.Domain.Common;
using Portal.Features.OffsetFiles;

namespace Portal.Tests.OffsetFiles;

/// <summary>The offset registers' sheets over HTTP: templates, all-or-nothing uploads, the errors workbook and who may use them.</summary>
public sealed class OffsetImportEndpointsTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private static readonly string CompanyId = LegalEntityId.WithCheckDigit("1032089487");

    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<XLWorkbook> WorkbookAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    /// <summary>Posts the file as the registers page's form does, with that page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string register, byte[] sheet)
    {
        var html = await client.GetStringAsync("/offset/registers");
        var input = Regex.Match(html, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*>").Value;
        var form = new MultipartFormDataContent { { new StringContent(Regex.Match(input, "value=\"([^\"]+)\"").Groups[1].Value), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(sheet);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", $"{register}.xlsx");
        return await client.PostAsync($"/offset/import/{register}", form);
    }

    private async Task<int> DebtorCountAsync(string codePrefix)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.DebtorWorkshops.CountAsync(w => w.WorkshopCode.StartsWith(codePrefix));
    }

    [Fact]
    public async Task ABadRow_RefusesTheDebtorSheet_WithAnErrorsWorkbookForThatUserOnly_ThenTheFixedSheetIsListed()
    {
        var office = await PortalFactory.SignedInClientAsync(portal, "kerman.generaloffice");
        string?[] good = ["8210001", "شرکت نساجی نمونه", CompanyId, "250,000,000", "1391/01", "1394/12"];
        string?[] bad = ["8210002", "شرکت نساجی دوم", CompanyId, "90000000", "1396/01", "1397/12"];

        var refused = await UploadAsync(office, "debtors", OffsetImportSheets.Write(OffsetSheet.Debtors, [good, bad]));

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var location = refused.Headers.Location!.ToString();
        Assert.StartsWith("/offset/registers?sheet=debtors&failed=", location);
        Assert.EndsWith("rows=1", location);
        Assert.Equal(0, await DebtorCountAsync("82100"));
        var id = Regex.Match(location, "failed=([^&]+)").Groups[1].Value;
        using (var errors = await WorkbookAsync(await office.GetAsync($"/offset/import/errors/{id}.xlsx")))
        {
            var sheet = errors.Worksheet(OffsetImportSheets.SheetName(OffsetSheet.Debtors));
            Assert.Equal("خطاها", sheet.Cell(1, 7).GetString());
            Assert.True(sheet.Cell(2, 7).IsEmpty());
            Assert.StartsWith("تا دوره", sheet.Cell(3, 7).GetString());
        }
        var page = await office.GetStringAsync(location);
        Assert.Contains("data-testid=\"debtors-upload-failed\"", page);
        Assert.Contains($"offset/import/errors/{id}.xlsx", page);
        Assert.DoesNotContain("data-testid=\"assets-upload-failed\"", page);
        var other = await PortalFactory.SignedInClientAsync(portal, "golestan.generaloffice");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/offset/import/errors/{id}.xlsx")).StatusCode);

        bad[4] = "1395/01";
        bad[5] = "1395/12";
        var done = await UploadAsync(office, "debtors", OffsetImportSheets.Write(OffsetSheet.Debtors, [good, bad]));

        Assert.Equal("/offset/registers?sheet=debtors&imported=2", done.Headers.Location!.ToString());
        Assert.Equal(2, await DebtorCountAsync("82100"));
    }

    [Fact]
    public async Task TheClaimsSheet_IsTheTreatmentDirectorates_WithTheCentresTypesInItsTemplate()
    {
        var treatment = await PortalFactory.SignedInClientAsync(portal, "kerman.treatment");
        using var template = await WorkbookAsync(await treatment.GetAsync("/offset/import/claims/template.xlsx"));
        Assert.True(template.Worksheet(1).RightToLeft);
        Assert.Equal(["کد مرکز درمانی", "مبلغ مطالبه (ریال)", "از دوره", "تا دوره"], template.Worksheet(1).Row(1).CellsUsed().Select(c => c.GetString()));
        var centres = template.Worksheet("مراکز درمانی");
        Assert.Equal(6, centres.LastRowUsed().RowNumber() - 1);
        Assert.All(Enumerable.Range(2, 6), r => Assert.Contains(centres.Cell(r, 3).GetString(), new[] { "دولتی", "خصوصی", "خیریه" }));
        var code = centres.Cell(2, 1).GetString();

        var done = await UploadAsync(treatment, "claims", OffsetImportSheets.Write(OffsetSheet.Claims, [[code, "۳۵٬۰۰۰٬۰۰۰", "۱۴۰۲/۰۱", "۱۴۰۲/۰۳"]]));

        Assert.Equal("/offset/registers?sheet=claims&imported=1", done.Headers.Location!.ToString());
        await using var db = Acting.SystemDb(portal);
        Assert.True(await db.CenterClaims.AnyAsync(c => c.Amount == 35_000_000 && c.FirstPeriod == 140201 && c.LastPeriod == 140203));
    }

    [Fact]
    public async Task RegisterImport_ByAnotherOffice_IsRefused()
    {
        var treatment = await PortalFactory.SignedInClientAsync(portal, "kerman.treatment");
        var sheet = OffsetImportSheets.Write(OffsetSheet.Debtors, [["8220001", "شرکت نمونه", CompanyId, "1000000", "1392/01", "1392/02"]]);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(treatment, "debtors", sheet)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await treatment.GetAsync("/offset/import/assets/template.xlsx")).StatusCode);
        Assert.Equal(0, await DebtorCountAsync("82200"));

        var enforcement = await PortalFactory.SignedInClientAsync(portal, "kerman.generaloffice");
        Assert.Equal(HttpStatusCode.Forbidden, (await enforcement.GetAsync("/offset/import/claims/template.xlsx")).StatusCode);
        var page = await enforcement.GetStringAsync("/offset/registers");
        Assert.Contains("data-testid=\"debtors-upload\"", page);
        Assert.DoesNotContain("data-testid=\"claims-upload\"", page);
    }

    [Fact]
    public async Task NotAWorkbook_OrASheetWithoutItsColumns_IsRefusedWithAMessage()
    {
        var office = await PortalFactory.SignedInClientAsync(portal, "kerman.generaloffice");

        var notExcel = await UploadAsync(office, "assets", "not a workbook"u8.ToArray());
        var wrongSheet = await UploadAsync(office, "assets", OffsetImportSheets.Write(OffsetSheet.Debtors, [["8230001", "x", CompanyId, "1", "1392/01", "1392/01"]]));

        foreach (var response in new[] { notExcel, wrongSheet })
        {
            var location = response.Headers.Location!.ToString();
            Assert.StartsWith("/offset/registers?sheet=assets&failed=", location);
            Assert.DoesNotContain("rows=", location);
        }
        var page = await office.GetStringAsync(wrongSheet.Headers.Location!.ToString());
        Assert.Contains("«نوع مال»", page);
    }
}
