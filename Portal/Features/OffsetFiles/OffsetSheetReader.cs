using System.Globalization;
using ClosedXML.Excel;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.OffsetFiles;
using Portal.Documents;

namespace Portal.Features.OffsetFiles;

/// <summary>An uploaded sheet's rows, or why the file could not be read as that sheet at all.</summary>
public sealed record SheetUpload<T>(IReadOnlyList<T> Rows, string? Error);

/// <summary>
/// Reads an offset register sheet as people fill it in: columns found by their header title (Persian or English) in
/// any order, empty rows skipped, and numbers Excel made of typed identifiers turned back into the typed digits.
/// </summary>
internal static class OffsetSheetReader
{
    public static SheetUpload<T> Read<T>(Stream upload, OffsetSheet kind, Func<int, IReadOnlyDictionary<string, string?>, T> toRow)
    {
        if (!XlsxFile.LooksLikeXlsx(upload)) return new([], AgencyImport.NotExcelMessage());
        XLWorkbook workbook;
        try { workbook = new XLWorkbook(upload); }
        // A zip that is not a workbook fails in many ways inside the OpenXML SDK; to the user they are all "not an Excel file".
        catch (Exception) { return new([], AgencyImport.NotExcelMessage()); }

        using (workbook)
        {
            var sheet = DataSheet(workbook, kind);
            var columns = new Dictionary<string, int>();
            foreach (var key in OffsetImportSheets.Columns(kind))
            {
                if (FindColumn(sheet, OffsetImport.ColumnTitles(key)) is not { } number) return new([], OffsetImport.MissingColumnMessage(key));
                columns[key] = number;
            }
            var rows = new List<T>();
            var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
            for (var r = 2; r <= last; r++)
            {
                var values = columns.ToDictionary(c => c.Key, c => CellText(sheet.Cell(r, c.Value), c.Key));
                if (values.Values.All(v => v is null)) continue;
                rows.Add(toRow(r, values));
            }
            return new(rows, null);
        }
    }

    /// <summary>The register's sheet by its name, else the first sheet (a user may have renamed it).</summary>
    public static IXLWorksheet DataSheet(XLWorkbook workbook, OffsetSheet kind) =>
        workbook.Worksheets.FirstOrDefault(w => w.Name == OffsetImportSheets.SheetName(kind)) ?? workbook.Worksheet(1);

    public static int? FindColumn(IXLWorksheet sheet, IReadOnlyList<string> titles)
    {
        var wanted = titles.Select(TextNormalizer.Normalize).ToHashSet();
        return sheet.Row(1).CellsUsed().FirstOrDefault(c => wanted.Contains(TextNormalizer.Normalize(c.GetString())))?.Address.ColumnNumber;
    }

    private static string? CellText(IXLCell cell, string column)
    {
        // A formula's last computed value: evaluating it here could fail on functions ClosedXML does not know.
        var value = cell.HasFormula ? cell.CachedValue : cell.Value;
        var text = value switch
        {
            double number => Digits(NumberText(number), column),
            DateTime date => JalaliDate.FromDateOnly(DateOnly.FromDateTime(date)).ToString(),
            _ => (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim(),
        };
        return text.Length == 0 ? null : text;
    }

    /// <summary>As typed: 120000000, not 1.2E+08 nor 120000000.0.</summary>
    private static string NumberText(double number) =>
        Math.Abs(number) < 1e27 ? ((decimal)number).ToString(CultureInfo.InvariantCulture) : number.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>Excel drops a person's national ID's leading zeros when it is typed into a number cell; put them back.</summary>
    private static string Digits(string text, string column) =>
        column == nameof(DebtorForm.EmployerNationalId) && text.Length < 10 && text.All(char.IsAsciiDigit) ? text.PadLeft(10, '0') : text;
}
