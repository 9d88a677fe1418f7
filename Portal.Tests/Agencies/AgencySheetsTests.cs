using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portal.Documents;
using Portal.Domain.Agencies;
using Portal.Features.Agencies;

namespace Portal.Tests.Agencies;

public sealed class AgencySheetsTests
{
    private static readonly AgencySheets Sheets = new(new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources")
        .BuildServiceProvider().GetRequiredService<IStringLocalizer<Strings>>());

    private static int Column(string key) => Array.IndexOf(AgencyImport.Columns, key) + 1;

    /// <summary>A template-shaped workbook with one data row, after <paramref name="edit"/> changed it as a user would in Excel.</summary>
    private static MemoryStream Edited(Action<IXLWorksheet> edit)
    {
        using var workbook = new XLWorkbook(new MemoryStream(AgencySheets.Write([AgencySheets.Example])));
        edit(workbook.Worksheet(1));
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void Template_ReadBack_GivesTheExampleRow_WhichIsValid()
    {
        using var _ = CultureScope.Persian();
        var sheet = AgencySheets.Read(new MemoryStream(Sheets.Template()));
        Assert.Null(sheet.Error);
        var row = Assert.Single(sheet.Rows);
        Assert.Equal((2, "AG-08999", "GO-08-1", "RO-08-1", "فعال"), (row.RowNumber, row.Code, row.GeneralOfficeCode, row.ReviewOfficeCode, row.Status));
        Assert.Equal(AgencySheets.Example.Profile.ManagerNationalId, row.Profile.ManagerNationalId);
        Assert.Equal("09131234567", row.Profile.ManagerMobile);
        Assert.Empty(row.Profile.Validate(DateOnly.FromDateTime(DateTime.Today)).Errors);
    }

    [Fact]
    public void Template_IsRightToLeft_WithPersianHeaders_TextCells_AndAGuide()
    {
        using var _ = CultureScope.Persian();
        using var workbook = new XLWorkbook(new MemoryStream(Sheets.Template()));
        var sheet = workbook.Worksheet(AgencySheets.SheetName);
        Assert.True(sheet.RightToLeft);
        Assert.Equal("کد کارگزاری", sheet.Cell(1, 1).GetString());
        Assert.Equal("کد ملی مسئول", sheet.Cell(1, Column("ManagerNationalId")).GetString());
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.Equal("@", sheet.Cell(50, Column("PostalCode")).Style.NumberFormat.Format); // cells the user types in later stay text
        Assert.Contains(workbook.Worksheets, w => w.Name == "راهنما");
    }

    [Fact]
    public void Import_NationalIdTypedAsNumber_KeepsItsLeadingZeros()
    {
        var upload = Edited(s =>
        {
            s.Cell(2, Column("ManagerNationalId")).SetValue(12345678d);
            s.Cell(2, Column("ManagerMobile")).SetValue(9131234567d);
            s.Cell(2, Column("PostalCode")).SetValue(7613654321d);
        });
        var row = Assert.Single(AgencySheets.Read(upload).Rows);
        Assert.Equal("0012345678", row.Profile.ManagerNationalId);
        Assert.Equal("09131234567", row.Profile.ManagerMobile);
        Assert.Equal("7613654321", row.Profile.PostalCode);
    }

    [Fact]
    public void ColumnsInAnotherOrder_AndEmptyRows_AreRead()
    {
        var upload = Edited(s =>
        {
            s.Column(1).InsertColumnsBefore(1);
            s.Cell(1, 1).SetValue("ملاحظات");
            s.Row(2).InsertRowsAbove(2); // two empty rows above the data: row numbers stay the sheet's
        });
        var row = Assert.Single(AgencySheets.Read(upload).Rows);
        Assert.Equal((4, "AG-08999"), (row.RowNumber, row.Code));
    }

    [Fact]
    public void MissingColumn_IsASheetError_NamingIt()
    {
        using var _ = CultureScope.Persian();
        var sheet = AgencySheets.Read(Edited(s => s.Column(Column("ManagerNationalId")).Delete()));
        Assert.Contains("کد ملی مسئول", sheet.Error);
    }

    [Fact]
    public void Import_NotAnExcelFile_IsASheetError()
    {
        using var _ = CultureScope.Persian();
        Assert.Equal(AgencyImport.NotExcelMessage(), AgencySheets.Read(new MemoryStream("code,name\n"u8.ToArray())).Error);
        Assert.Equal(AgencyImport.NotExcelMessage(), AgencySheets.Read(new MemoryStream([0x50, 0x4B, 0x03, 0x04, 1, 2, 3])).Error);
    }

    [Fact]
    public void WithErrors_AddsTheErrorsColumn_WithTheMessageOnTheFailingRow()
    {
        using var _ = CultureScope.Persian();
        var upload = new MemoryStream(AgencySheets.Write([AgencySheets.Example, AgencySheets.Example with { RowNumber = 3, Code = "AG-08998" }]));
        var result = new ImportResult(0, 0, new Dictionary<int, IReadOnlyList<string>> { [3] = ["کد ملی مسئول: رقم کنترل درست نیست."] });

        using var workbook = new XLWorkbook(new MemoryStream(AgencySheets.WithErrors(upload, result)));
        var sheet = workbook.Worksheet(1);
        var errors = AgencyImport.Columns.Length + 1;
        Assert.Equal("خطاها", sheet.Cell(1, errors).GetString());
        Assert.Equal("", sheet.Cell(2, errors).GetString());
        Assert.Equal("کد ملی مسئول: رقم کنترل درست نیست.", sheet.Cell(3, errors).GetString());
        Assert.Equal(XLColor.FromHtml("#FFC7CE"), sheet.Cell(3, errors).Style.Fill.BackgroundColor);

        // Uploading the annotated file again reuses its errors column rather than adding another.
        var again = AgencySheets.WithErrors(new MemoryStream(AgencySheets.WithErrors(upload, result)), new ImportResult(0, 0, new Dictionary<int, IReadOnlyList<string>> { [2] = ["x"] }));
        using var second = new XLWorkbook(new MemoryStream(again));
        Assert.Equal("", second.Worksheet(1).Cell(1, errors + 1).GetString());
        Assert.Equal(("x", ""), (second.Worksheet(1).Cell(2, errors).GetString(), second.Worksheet(1).Cell(3, errors).GetString()));
        Assert.Single(AgencySheets.Read(new MemoryStream(again)).Rows, r => r.Code == "AG-08998");
    }

    [Fact]
    public void Export_HasPersianStatus_AndACountRow()
    {
        using var _ = CultureScope.Persian();
        var rows = new List<AgencySearch.Row>
        {
            new(1, "AG-08001", "کارگزاری یک", "کرمان", 7, "دفتر رسیدگی کرمان", "کرمان", "علی رضایی", AgencyStatus.Suspended, 3, false),
            new(2, "AG-08002", "کارگزاری دو", "کرمان", 7, "دفتر رسیدگی کرمان", "بم", "مریم احمدی", AgencyStatus.Active, 1, true),
        };
        using var workbook = new XLWorkbook(new MemoryStream(Sheets.Export(rows)));
        var sheet = workbook.Worksheet(1);
        Assert.True(sheet.RightToLeft);
        Assert.Equal("AG-08001", sheet.Cell(2, 1).GetString());
        Assert.Equal("تعلیق", sheet.Cell(2, 7).GetString());
        Assert.Equal(2, sheet.Cell(4, 2).GetValue<int>());
        Assert.Equal(1, sheet.SheetView.SplitRow);
    }
}
