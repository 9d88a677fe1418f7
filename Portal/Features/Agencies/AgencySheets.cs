using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Documents;

namespace Portal.Features.Agencies;

/// <summary>
/// The agency sheets (seed 000 §1-1): the import template, reading an uploaded sheet into import rows, the same
/// upload annotated with its errors, and the list export. Every cell a person types into is text, so codes keep
/// their leading zeros; column widths are fixed because ClosedXML 0.95's AdjustToContents needs GDI+.
/// </summary>
public sealed class AgencySheets(IStringLocalizer<Strings> L)
{
    public const string SheetName = "کارگزاری‌ها";
    private const string ErrorsColumn = "Errors";
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#E8EEF4");

    private static readonly Dictionary<string, double> Widths = new()
    {
        ["Code"] = 14, ["Name"] = 34, ["GeneralOffice"] = 14, ["ReviewOffice"] = 14, ["City"] = 14, ["Address"] = 44,
        ["PostalCode"] = 14, ["Phone"] = 15, ["ManagerName"] = 24, ["ManagerNationalId"] = 15, ["ManagerMobile"] = 15,
        ["Sheba"] = 30, ["BankConfirmedOn"] = 15, ["BankLetterNo"] = 16, ["Status"] = 10,
    };

    /// <summary>The row the template shows how to fill in; every value passes validation. A new instance each time: the form is mutable.</summary>
    public static AgencyImportRow Example => new(2, "AG-08999", "GO-08-1", "RO-08-1", AgencyImport.StatusTitle(AgencyStatus.Active),
        new AgencyProfileForm
        {
            Name = "کارگزاری رسمی نمونه کرمان", City = "کرمان", Address = "کرمان، خیابان شهید بهشتی، کوچه ۱۲، پلاک ۴",
            PostalCode = "7613654321", Phone = "03432456789", ManagerName = "زهرا محمدی", ManagerNationalId = NationalId.WithCheckDigit("029876543"),
            ManagerMobile = "09131234567", Sheba = Sheba.Create("017", "0000001234567890123"), BankConfirmedOn = "1403/05/12", BankLetterNo = "1234/ب",
        });

    /// <summary>The empty template: the agency sheet with the example row, and a guide sheet describing every column.</summary>
    public byte[] Template()
    {
        using var workbook = new XLWorkbook();
        var sheet = WriteRows(workbook, [Example]);
        sheet.Row(2).Style.Font.SetItalic().Font.SetFontColor(XLColor.Gray);
        WriteGuide(workbook);
        return SheetLayout.Save(workbook);
    }

    /// <summary>Rows in the template's layout, without the guide (tests and the benchmark build uploads with it).</summary>
    public static byte[] Write(IReadOnlyList<AgencyImportRow> rows)
    {
        using var workbook = new XLWorkbook();
        WriteRows(workbook, rows);
        return SheetLayout.Save(workbook);
    }

    private static IXLWorksheet WriteRows(XLWorkbook workbook, IReadOnlyList<AgencyImportRow> rows)
    {
        var sheet = workbook.Worksheets.Add(SheetName);
        sheet.RightToLeft = true;
        var columns = AgencyImport.Columns;
        sheet.Columns(1, columns.Length).Style.NumberFormat.Format = "@";
        for (var c = 0; c < columns.Length; c++)
        {
            SheetLayout.Text(sheet.Cell(1, c + 1), AgencyImport.ColumnTitle(columns[c]));
            sheet.Column(c + 1).Width = Widths[columns[c]];
        }
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < columns.Length; c++)
                SheetLayout.Text(sheet.Cell(r + 2, c + 1), ValueOf(rows[r], columns[c]));
        Header(sheet, columns.Length, Math.Max(2, rows.Count + 1));
        return sheet;
    }

    private void WriteGuide(XLWorkbook workbook)
    {
        var guide = workbook.Worksheets.Add(L["Import.Help.Sheet"]);
        guide.RightToLeft = true;
        guide.Style.Alignment.WrapText = true;
        guide.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        guide.Cell(1, 1).SetValue(L["Import.Help.Title"].Value).Style.Font.SetBold().Font.SetFontSize(13);
        guide.Range(1, 1, 1, 3).Merge();
        guide.Cell(2, 1).SetValue(L["Import.Help.Note"].Value);
        guide.Range(2, 1, 2, 3).Merge();
        guide.Row(2).Height = 60;
        string[] titles = [L["Import.Help.Column"], L["Import.Help.Required"], L["Import.Help.Format"]];
        for (var c = 0; c < titles.Length; c++) guide.Cell(4, c + 1).SetValue(titles[c]);
        guide.Range(4, 1, 4, 3).Style.Font.SetBold().Fill.SetBackgroundColor(HeaderFill);
        var row = 5;
        foreach (var column in AgencyImport.Columns)
        {
            guide.Cell(row, 1).SetValue(AgencyImport.ColumnTitle(column));
            guide.Cell(row, 2).SetValue(Required(column));
            guide.Cell(row++, 3).SetValue(L[$"Import.Help.{column}"].Value);
        }
        guide.Column(1).Width = 20;
        guide.Column(2).Width = 18;
        guide.Column(3).Width = 80;
    }

    private string Required(string column) => column switch
    {
        "GeneralOffice" => L["Import.Help.NewOnly"],
        "Sheba" or "BankConfirmedOn" or "BankLetterNo" or "Status" => L["Import.Help.No"],
        _ => L["Import.Help.Yes"],
    };

    /// <summary>The agency list as filtered on the page, with a count at the foot.</summary>
    public byte[] Export(IReadOnlyList<AgencySearch.Row> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(SheetName);
        sheet.RightToLeft = true;
        (string Title, double Width)[] columns =
        [
            (L["Code"], 14), (L["Name"], 40), (L["Province"], 18), (L["AgencyExport.ReviewOffice"], 34), (L["City"], 16),
            (L["Manager"], 24), (L["Status"], 10), (L["AgencyExport.Readiness"], 26),
        ];
        for (var c = 0; c < columns.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(columns[c].Title);
            sheet.Column(c + 1).Width = columns[c].Width;
        }
        var r = 2;
        foreach (var row in rows)
        {
            SheetLayout.Text(sheet.Cell(r, 1), row.Code);
            SheetLayout.Text(sheet.Cell(r, 2), row.Name);
            SheetLayout.Text(sheet.Cell(r, 3), row.ProvinceFa);
            SheetLayout.Text(sheet.Cell(r, 4), row.ReviewOffice);
            SheetLayout.Text(sheet.Cell(r, 5), row.City);
            SheetLayout.Text(sheet.Cell(r, 6), row.ManagerName);
            SheetLayout.Text(sheet.Cell(r, 7), L[$"AgencyStatus.{row.Status}"]);
            Readiness(sheet.Cell(r++, 8), row.Position);
        }
        Header(sheet, columns.Length, Math.Max(2, r - 1));
        sheet.Cell(r, 1).SetValue(L["AgencyExport.Total"].Value);
        sheet.Cell(r, 2).SetValue(rows.Count);
        sheet.Row(r).Style.Font.SetBold().Border.SetTopBorder(XLBorderStyleValues.Thin);
        sheet.Cell(r, 2).Style.NumberFormat.Format = "#,##0";
        return SheetLayout.Save(workbook);
    }

    private void Readiness(IXLCell cell, int position) => SheetLayout.Text(cell, L[$"Readiness.Position.{position}"]);

    /// <summary>Reads an uploaded sheet; <see cref="SheetRows.Error"/> is set when the file is not a usable sheet.</summary>
    public static SheetRows Read(Stream upload) => AgencySheetReader.Read(upload);

    /// <summary>The uploaded workbook again, with the messages of each failing row in a last «خطاها» column.</summary>
    public static byte[] WithErrors(Stream original, ImportResult result) =>
        ErrorColumn.Annotate(original, AgencySheetReader.DataSheet, sheet => AgencySheetReader.FindColumn(sheet, ErrorsColumn),
            AgencyImport.ColumnTitle(ErrorsColumn), result.Errors);

    private static void Header(IXLWorksheet sheet, int columns, int lastRow)
    {
        sheet.Range(1, 1, 1, columns).Style.Font.SetBold().Fill.SetBackgroundColor(HeaderFill);
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, lastRow, columns).SetAutoFilter();
    }

    private static string? ValueOf(AgencyImportRow row, string column) => column switch
    {
        "Code" => row.Code,
        "GeneralOffice" => row.GeneralOfficeCode,
        "ReviewOffice" => row.ReviewOfficeCode,
        "Status" => row.Status,
        _ => typeof(AgencyProfileForm).GetProperty(column)!.GetValue(row.Profile) as string,
    };
}
