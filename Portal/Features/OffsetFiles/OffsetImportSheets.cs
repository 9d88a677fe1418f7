using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Domain.OffsetFiles;
using Portal.Documents;

namespace Portal.Features.OffsetFiles;

/// <summary>The three offset registers that come from Excel (seed 001 §1–2).</summary>
public enum OffsetSheet { Debtors, Assets, Claims }

/// <summary>
/// The offset registers' upload workbooks: a template per register (the sheet to fill, a sheet of what its codes may
/// refer to, a guide), reading an upload into the page's forms, and the refused upload with its «خطاها» column.
/// Cells people type codes, periods and dates into are text, so codes keep their leading zeros; widths are fixed
/// because ClosedXML 0.95's AdjustToContents needs GDI+.
/// </summary>
public sealed class OffsetImportSheets(IStringLocalizer<Strings> L)
{
    private const string ErrorsColumn = "Errors";
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#E8EEF4");

    /// <summary>The data sheet's name; a renamed sheet is still read when it is the first one.</summary>
    public static string SheetName(OffsetSheet sheet) => sheet switch
    {
        OffsetSheet.Debtors => "بدهکاران",
        OffsetSheet.Assets => "اموال بازداشتی",
        _ => "مطالبات مراکز درمانی",
    };

    public static IReadOnlyList<string> Columns(OffsetSheet sheet) => sheet switch
    {
        OffsetSheet.Debtors => OffsetImport.DebtorColumns,
        OffsetSheet.Assets => OffsetImport.AssetColumns,
        _ => OffsetImport.ClaimColumns,
    };

    private static bool IsMoney(string column) => column is "Debt" or "Value" or "Amount";

    private static double Width(string column) => column switch
    {
        "EmployerName" or "Description" => 36,
        "EmployerNationalId" => 22,
        _ when IsMoney(column) => 20,
        _ => 16,
    };

    public byte[] DebtorsTemplate()
    {
        using var workbook = new XLWorkbook();
        WriteRows(workbook, OffsetSheet.Debtors, []);
        WriteGuide(workbook, OffsetSheet.Debtors);
        return SheetLayout.Save(workbook);
    }

    /// <summary>The assets template, with the province's listed debtors to pick codes from.</summary>
    public byte[] AssetsTemplate(IReadOnlyList<(string Code, string Employer)> debtors)
    {
        using var workbook = new XLWorkbook();
        WriteRows(workbook, OffsetSheet.Assets, []);
        Reference(workbook, L["OffsetImport.DebtorsSheet"], [L["Offset.WorkshopCode"], L["Offset.Employer"]],
            debtors.Select(d => new[] { d.Code, d.Employer }).ToList());
        WriteGuide(workbook, OffsetSheet.Assets);
        return SheetLayout.Save(workbook);
    }

    /// <summary>The claims template, with the province's centres and their type (public, private, charity), which is never typed.</summary>
    public byte[] ClaimsTemplate(IReadOnlyList<OffsetImport.Centre> centres)
    {
        using var workbook = new XLWorkbook();
        WriteRows(workbook, OffsetSheet.Claims, []);
        Reference(workbook, L["OffsetImport.CentresSheet"], [L["Offset.CentreCode"], L["OffsetImport.CentreName"], L["Offset.Ownership"]],
            centres.Select(c => new[] { c.Code, c.Name, L[$"Ownership.{c.Ownership}"].Value }).ToList());
        WriteGuide(workbook, OffsetSheet.Claims);
        return SheetLayout.Save(workbook);
    }

    /// <summary>Rows in the template's layout, cells in column order (tests build uploads with it).</summary>
    public static byte[] Write(OffsetSheet sheet, IReadOnlyList<string?[]> rows)
    {
        using var workbook = new XLWorkbook();
        WriteRows(workbook, sheet, rows);
        return SheetLayout.Save(workbook);
    }

    private static void WriteRows(XLWorkbook workbook, OffsetSheet kind, IReadOnlyList<string?[]> rows)
    {
        var sheet = workbook.Worksheets.Add(SheetName(kind));
        sheet.RightToLeft = true;
        var columns = Columns(kind);
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Column(c + 1).Width = Width(columns[c]);
            sheet.Column(c + 1).Style.NumberFormat.Format = IsMoney(columns[c]) ? "#,##0" : "@";
            SheetLayout.Text(sheet.Cell(1, c + 1), OffsetImport.ColumnTitle(columns[c]));
        }
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < columns.Count; c++)
                SheetLayout.Text(sheet.Cell(r + 2, c + 1), rows[r][c]);
        Header(sheet, columns.Count, Math.Max(2, rows.Count + 1));
    }

    private static void Reference(XLWorkbook workbook, string name, string[] titles, IReadOnlyList<string[]> rows)
    {
        var sheet = workbook.Worksheets.Add(name);
        sheet.RightToLeft = true;
        for (var c = 0; c < titles.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(titles[c]);
            sheet.Column(c + 1).Width = c == 1 ? 40 : 16;
        }
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < titles.Length; c++)
                SheetLayout.Text(sheet.Cell(r + 2, c + 1), rows[r][c]);
        Header(sheet, titles.Length, Math.Max(2, rows.Count + 1));
    }

    private void WriteGuide(XLWorkbook workbook, OffsetSheet kind)
    {
        var guide = workbook.Worksheets.Add(L["Import.Help.Sheet"]);
        guide.RightToLeft = true;
        guide.Style.Alignment.WrapText = true;
        guide.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        guide.Cell(1, 1).SetValue(L["OffsetImport.Help.Title", SheetName(kind)].Value).Style.Font.SetBold().Font.SetFontSize(13);
        guide.Range(1, 1, 1, 2).Merge();
        guide.Cell(2, 1).SetValue(L["OffsetImport.Help.Note"].Value);
        guide.Range(2, 1, 2, 2).Merge();
        guide.Row(2).Height = 45;
        guide.Cell(4, 1).SetValue(L["Import.Help.Column"].Value);
        guide.Cell(4, 2).SetValue(L["Import.Help.Format"].Value);
        guide.Range(4, 1, 4, 2).Style.Font.SetBold().Fill.SetBackgroundColor(HeaderFill);
        var row = 5;
        foreach (var column in Columns(kind))
        {
            guide.Cell(row, 1).SetValue(OffsetImport.ColumnTitle(column));
            guide.Cell(row++, 2).SetValue(L[HelpKey(kind, column)].Value);
        }
        guide.Column(1).Width = 28;
        guide.Column(2).Width = 90;
    }

    // The columns the three sheets share mean slightly different things in two places.
    private static string HelpKey(OffsetSheet kind, string column) => (kind, column) switch
    {
        (OffsetSheet.Debtors, "LastPeriod") => "OffsetImport.Help.DebtLastPeriod",
        (OffsetSheet.Assets, "WorkshopCode") => "OffsetImport.Help.AssetWorkshopCode",
        _ => $"OffsetImport.Help.{column}",
    };

    public static SheetUpload<DebtorImportRow> ReadDebtors(Stream upload) =>
        OffsetSheetReader.Read(upload, OffsetSheet.Debtors, (row, v) => new DebtorImportRow(row, new DebtorForm
        {
            WorkshopCode = v["WorkshopCode"], EmployerName = v["EmployerName"], EmployerNationalId = v["EmployerNationalId"], Debt = v["Debt"],
            FirstPeriod = v["FirstPeriod"], LastPeriod = v["LastPeriod"],
        }));

    public static SheetUpload<AssetImportRow> ReadAssets(Stream upload) =>
        OffsetSheetReader.Read(upload, OffsetSheet.Assets, (row, v) => new AssetImportRow(row, v["WorkshopCode"], v["Kind"], new AssetForm
        {
            Description = v["Description"], Value = v["Value"], SeizedOn = v["SeizedOn"], Reference = v["Reference"],
        }));

    public static SheetUpload<ClaimImportRow> ReadClaims(Stream upload) =>
        OffsetSheetReader.Read(upload, OffsetSheet.Claims, (row, v) => new ClaimImportRow(row, new ClaimForm
        {
            CenterCode = v["CenterCode"], Amount = v["Amount"], FirstPeriod = v["FirstPeriod"], LastPeriod = v["LastPeriod"],
        }));

    /// <summary>The uploaded workbook again, with the messages of each failing row in a last «خطاها» column.</summary>
    public static byte[] WithErrors(OffsetSheet sheet, Stream original, IReadOnlyDictionary<int, IReadOnlyList<string>> errors)
    {
        var title = Domain.Agencies.AgencyImport.ColumnTitle(ErrorsColumn);
        return ErrorColumn.Annotate(original, workbook => OffsetSheetReader.DataSheet(workbook, sheet),
            data => OffsetSheetReader.FindColumn(data, Domain.Agencies.AgencyImport.ColumnTitles(ErrorsColumn)), title, errors);
    }

    private static void Header(IXLWorksheet sheet, int columns, int lastRow)
    {
        sheet.Range(1, 1, 1, columns).Style.Font.SetBold().Fill.SetBackgroundColor(HeaderFill);
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, lastRow, columns).SetAutoFilter();
    }
}
