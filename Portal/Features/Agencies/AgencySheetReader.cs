using System.Globalization;
using ClosedXML.Excel;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Documents;

namespace Portal.Features.Agencies;

/// <summary>An uploaded sheet's rows, or why the file could not be read as a sheet at all.</summary>
public sealed record SheetRows(IReadOnlyList<AgencyImportRow> Rows, string? Error)
{
    public static SheetRows Fail(string error) => new([], error);
}

/// <summary>
/// Reads an agency sheet as people really fill it in: columns found by their header title in any order, cells
/// trimmed, and numbers that Excel made of identifiers turned back into the digits that were typed.
/// </summary>
internal static class AgencySheetReader
{
    public static SheetRows Read(Stream upload)
    {
        if (!XlsxFile.LooksLikeXlsx(upload)) return SheetRows.Fail(AgencyImport.NotExcelMessage());
        XLWorkbook workbook;
        try { workbook = new XLWorkbook(upload); }
        // A zip that is not a workbook fails in many ways inside the OpenXML SDK; to the user they are all "not an Excel file".
        catch (Exception) { return SheetRows.Fail(AgencyImport.NotExcelMessage()); }

        using (workbook)
        {
            var sheet = DataSheet(workbook);
            var columns = new Dictionary<string, int>();
            foreach (var key in AgencyImport.Columns)
            {
                if (FindColumn(sheet, key) is not { } number) return SheetRows.Fail(AgencyImport.MissingColumnMessage(key));
                columns[key] = number;
            }
            var rows = new List<AgencyImportRow>();
            var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
            for (var r = 2; r <= last; r++)
            {
                var values = columns.ToDictionary(c => c.Key, c => CellText(sheet.Cell(r, c.Value), c.Key));
                if (values.Values.All(v => v.Length == 0)) continue;
                rows.Add(ToRow(r, values));
            }
            return new SheetRows(rows, null);
        }
    }

    /// <summary>The agency sheet by its name, else the first sheet (a user may have renamed it).</summary>
    public static IXLWorksheet DataSheet(XLWorkbook workbook) =>
        workbook.Worksheets.FirstOrDefault(w => w.Name == AgencySheets.SheetName) ?? workbook.Worksheet(1);

    /// <summary>The column whose header (row 1) carries the column's title in any of the portal's languages.</summary>
    public static int? FindColumn(IXLWorksheet sheet, string column)
    {
        var titles = AgencyImport.ColumnTitles(column).Select(TextNormalizer.Normalize).ToHashSet();
        return sheet.Row(1).CellsUsed().FirstOrDefault(c => titles.Contains(TextNormalizer.Normalize(c.GetString())))?.Address.ColumnNumber;
    }

    private static AgencyImportRow ToRow(int number, Dictionary<string, string> v)
    {
        string? Value(string key) => v[key].Length == 0 ? null : v[key];
        return new AgencyImportRow(number, Value("Code"), Value("GeneralOffice"), Value("ReviewOffice"), Value("Status"), new AgencyProfileForm
        {
            Name = Value("Name"), City = Value("City"), Address = Value("Address"), PostalCode = Value("PostalCode"), Phone = Value("Phone"),
            ManagerName = Value("ManagerName"), ManagerNationalId = Value("ManagerNationalId"), ManagerMobile = Value("ManagerMobile"),
            Sheba = Value("Sheba"), BankConfirmedOn = Value("BankConfirmedOn"), BankLetterNo = Value("BankLetterNo"),
        });
    }

    private static string CellText(IXLCell cell, string column)
    {
        // A formula's last computed value: evaluating it here could fail on functions ClosedXML does not know.
        var value = cell.HasFormula ? cell.CachedValue : cell.Value;
        return value switch
        {
            double number => Digits(NumberText(number), column),
            DateTime date => JalaliDate.FromDateOnly(DateOnly.FromDateTime(date)).ToString(),
            _ => (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim(),
        };
    }

    /// <summary>As typed: 12345678, not 1.2345678E+07 nor 12345678.0.</summary>
    private static string NumberText(double number) =>
        Math.Abs(number) < 1e27 ? ((decimal)number).ToString(CultureInfo.InvariantCulture) : number.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>Excel drops leading zeros of identifiers typed into number cells; put them back.</summary>
    private static string Digits(string text, string column) => column switch
    {
        "ManagerNationalId" or "PostalCode" when text.Length < 10 && text.All(char.IsAsciiDigit) => text.PadLeft(10, '0'),
        "ManagerMobile" or "Phone" when text.Length == 10 && text.All(char.IsAsciiDigit) => "0" + text,
        _ => text,
    };
}
