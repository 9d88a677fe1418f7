using System.Globalization;
using ClosedXML.Excel;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.MonthlyStats;
using Portal.Documents;

namespace Portal.Features.MonthlyStats;

/// <summary>
/// A review office's month for many agencies as one sheet: the template lists its agencies with what they filed so far
/// (code, name and the pending count carried in are there to read; the figures are there to type), the upload is read
/// by header titles in any column order, and a refused upload comes back with a red errors column.
/// </summary>
public static class MonthlyUploadSheet
{
    public const string SheetName = "آمار ماهانه";
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#E8EEF4");
    private static readonly XLColor ReadOnlyFill = XLColor.FromHtml("#F3F3F3");

    public sealed record Upload(IReadOnlyList<MonthlyImportRow> Rows, string? Error);

    public static byte[] Template(IReadOnlyList<MonthlyImport.Column> columns,
        IReadOnlyList<(string Code, string Name, int PendingBroughtForward, ReportFigures? Figures)> agencies)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(SheetName);
        sheet.RightToLeft = true;
        // The agency's name and the pending count carried in sit right after the code, to read while typing.
        var (nameTitle, broughtForwardTitle) = MonthlyImport.ReadOnlyTitles();
        var titles = new List<string> { columns[0].Title, nameTitle, broughtForwardTitle };
        titles.AddRange(columns.Skip(1).Select(c => c.Title));
        for (var c = 0; c < titles.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(titles[c]);
            sheet.Column(c + 1).Width = c == 1 ? 34 : 16;
        }
        var row = 2;
        foreach (var (code, name, broughtForward, figures) in agencies)
        {
            sheet.Cell(row, 1).SetValue(code);
            sheet.Cell(row, 2).SetValue(name);
            sheet.Cell(row, 3).SetValue(broughtForward);
            if (figures is not null)
            {
                var form = MonthlyReportForm.From(figures);
                for (var c = 1; c < columns.Count; c++)
                    if (Value(form, columns[c].Key) is { } value) sheet.Cell(row, c + 3).SetValue(decimal.Parse(value, CultureInfo.InvariantCulture));
            }
            row++;
        }
        sheet.Range(2, 1, Math.Max(2, row - 1), 3).Style.Fill.SetBackgroundColor(ReadOnlyFill);
        sheet.Range(1, 1, 1, titles.Count).Style.Font.SetBold().Fill.SetBackgroundColor(HeaderFill).Alignment.SetWrapText(true);
        sheet.Row(1).Height = 45;
        sheet.Columns(4, titles.Count).Style.NumberFormat.Format = MonthlySheets.NumberFormat;
        sheet.SheetView.FreezeRows(1);
        sheet.SheetView.FreezeColumns(2);
        sheet.Range(1, 1, Math.Max(2, row - 1), titles.Count).SetAutoFilter();
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public static Upload Read(Stream upload, IReadOnlyList<MonthlyImport.Column> columns)
    {
        if (!XlsxFile.LooksLikeXlsx(upload)) return new([], AgencyImport.NotExcelMessage());
        XLWorkbook workbook;
        try { workbook = new XLWorkbook(upload); }
        catch (Exception) { return new([], AgencyImport.NotExcelMessage()); }
        using (workbook)
        {
            var sheet = DataSheet(workbook);
            var found = new Dictionary<string, int>();
            foreach (var column in columns)
            {
                if (FindColumn(sheet, column.Title) is not { } number) return new([], MonthlyImport.MissingColumnMessage(column.Title));
                found[column.Key] = number;
            }
            var rows = new List<MonthlyImportRow>();
            var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
            for (var r = 2; r <= last; r++)
            {
                var values = found.ToDictionary(c => c.Key, c => CellText(sheet.Cell(r, c.Value)));
                if (values.Values.All(v => v.Length == 0)) continue;
                var form = new MonthlyReportForm
                {
                    Forwarded = values["Forwarded"], Returned = values["Returned"], Pending = values["Pending"], AverageDays = values["AverageDays"],
                };
                foreach (var (key, value) in values)
                {
                    if (Category(key, "Received:") is { } received) form.Received[received] = value;
                    if (Category(key, "Amount:") is { } amount) form.Amount[amount] = value;
                }
                rows.Add(new MonthlyImportRow(r, values[MonthlyImport.CodeColumn], form));
            }
            return new Upload(rows, null);
        }
    }

    public static byte[] WithErrors(Stream original, IReadOnlyDictionary<int, IReadOnlyList<string>> errors)
    {
        var title = AgencyImport.ColumnTitle("Errors");
        return ErrorColumn.Annotate(original, DataSheet, sheet => FindColumn(sheet, title), title, errors);
    }

    private static IXLWorksheet DataSheet(XLWorkbook workbook) => workbook.Worksheets.FirstOrDefault(w => w.Name == SheetName) ?? workbook.Worksheet(1);

    private static int? FindColumn(IXLWorksheet sheet, string title)
    {
        var wanted = TextNormalizer.Normalize(title);
        return sheet.Row(1).CellsUsed().FirstOrDefault(c => TextNormalizer.Normalize(c.GetString()) == wanted)?.Address.ColumnNumber;
    }

    private static int? Category(string key, string prefix) =>
        key.StartsWith(prefix, StringComparison.Ordinal) ? int.Parse(key[prefix.Length..], CultureInfo.InvariantCulture) : null;

    private static string? Value(MonthlyReportForm form, string key) => key switch
    {
        "Forwarded" => form.Forwarded,
        "Returned" => form.Returned,
        "Pending" => form.Pending,
        "AverageDays" => form.AverageDays,
        _ when Category(key, "Received:") is { } id => form.Received.GetValueOrDefault(id),
        _ when Category(key, "Amount:") is { } id => form.Amount.GetValueOrDefault(id),
        _ => null,
    };

    private static string CellText(IXLCell cell)
    {
        var value = cell.HasFormula ? cell.CachedValue : cell.Value;
        return value is double number
            ? ((decimal)number).ToString(CultureInfo.InvariantCulture)
            : (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim();
    }
}
