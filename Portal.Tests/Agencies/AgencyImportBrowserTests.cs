using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Documents;
using Portal.Features.Agencies;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Agencies;

[Collection(nameof(BrowserFixture))]
public sealed class AgencyImportBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SheetWithOneBadRow_WritesNothing_AndGivesTheSheetBackWithItsErrors()
    {
        var bad = AgencySheets.Example with { RowNumber = 3, Code = "AG-08301" };
        bad.Profile.ManagerNationalId = "0012345670"; // wrong check digit
        var sheet = AgencySheets.Write([AgencySheets.Example with { Code = "AG-08300" }, bad]);

        var office = await fixture.SignInAsync("kerman.generaloffice");
        await BrowserFixture.GotoAsync(office, "/agencies/import");
        await office.Locator("#import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "کارگزاری‌ها.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = sheet,
        });
        await office.GetByTestId("import-submit").ClickAsync();

        await Expect(office.GetByTestId("import-failed")).ToContainTextAsync("۱ ردیف خطا دارد");
        await BrowserFixture.ScreenshotAsync(office, "agency-import-failed.png");
        var download = await office.RunAndWaitForDownloadAsync(() => office.GetByTestId("import-errors-link").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), $"import-errors-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(saved);
        using (var workbook = new XLWorkbook(saved))
        {
            var errors = workbook.Worksheet(1).Row(3).CellsUsed().Last().GetString();
            Assert.Contains("کد ملی مسئول", errors);
            Assert.DoesNotContain("کد ملی", workbook.Worksheet(1).Row(2).CellsUsed().Last().GetString());
        }

        File.Delete(saved);
        await using var db = Acting.SystemDb(fixture.Portal);
        Assert.False(await db.Agencies.AnyAsync(a => a.Code == "AG-08300" || a.Code == "AG-08301"));
    }
}
