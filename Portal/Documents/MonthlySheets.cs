using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Domain.MonthlyStats;

namespace Portal.Documents;

/// <summary>
/// The monthly statistics as Excel workbooks: right-to-left sheets with Persian headers, Rial amounts with thousands
/// separators, a frozen header row with filters, a totals row, and fixed widths (ClosedXML 0.95's AdjustToContents needs GDI+).
/// </summary>
public sealed class MonthlySheets(IStringLocalizer<Strings> L)
{
    public const string NumberFormat = "#,##0";
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#E8EEF4");

    /// <summary>The province report: one row per expected agency, then the totals.</summary>
    public byte[] Province(JalaliMonth period, IReadOnlyList<MonthlyStatsBoard.AgencyMonth> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = Sheet(workbook, L["Monthly.Sheet.Province"], period,
        [
            ("Province", 14), ("Kind.ReviewOffice", 30), ("Code", 12), ("Kind.Agency", 34), ("Status", 22), ("Monthly.FilesReceived", 14),
            ("Monthly.AmountClaimed", 20), ("Monthly.Forwarded", 14), ("Monthly.Returned", 14), ("Monthly.Pending", 14),
            ("Monthly.AverageDays", 14), ("Monthly.OnTime", 10),
        ]);
        var r = 3;
        foreach (var row in rows)
        {
            sheet.Cell(r, 1).SetValue(row.ProvinceFa);
            sheet.Cell(r, 2).SetValue(row.ReviewOffice);
            sheet.Cell(r, 3).SetValue(row.Code);
            sheet.Cell(r, 4).SetValue(row.Name);
            sheet.Cell(r, 5).SetValue(L[$"ReportStatus.{row.Status?.ToString() ?? "NotStarted"}"].Value);
            sheet.Cell(r, 6).SetValue(row.FilesReceived);
            sheet.Cell(r, 7).SetValue(row.AmountClaimed);
            sheet.Cell(r, 8).SetValue(row.FilesForwarded);
            sheet.Cell(r, 9).SetValue(row.FilesReturned);
            sheet.Cell(r, 10).SetValue(row.PendingAtEnd);
            if (row.AverageDays is { } days) sheet.Cell(r, 11).SetValue(days);
            if (row.ForwardedOnTime is { } onTime) sheet.Cell(r, 12).SetValue(onTime ? L["Yes"].Value : L["No"].Value);
            r++;
        }
        Totals(sheet, r, firstSummed: 6, lastSummed: 10);
        sheet.Column(11).Style.NumberFormat.Format = "0.0";
        return Save(workbook);
    }

    /// <summary>Completeness and timeliness: one row per province (head office) or per review office (a province), then the totals.</summary>
    public byte[] National(JalaliMonth period, IReadOnlyList<MonthlyStatsBoard.CompletenessRow> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = Sheet(workbook, L["Monthly.Sheet.National"], period,
            [("Name", 30), ("Monthly.Expected", 14), ("Monthly.Received", 14), ("Monthly.ForwardedCount", 14), ("Monthly.OnTime", 14), ("Monthly.OnTimeRate", 14)]);
        var r = 3;
        foreach (var row in rows)
        {
            sheet.Cell(r, 1).SetValue(row.Name);
            sheet.Cell(r, 2).SetValue(row.Expected);
            sheet.Cell(r, 3).SetValue(row.Received);
            sheet.Cell(r, 4).SetValue(row.Forwarded);
            sheet.Cell(r, 5).SetValue(row.OnTime);
            sheet.Cell(r, 6).SetValue(row.OnTimeRate);
            r++;
        }
        Totals(sheet, r, firstSummed: 2, lastSummed: 5);
        sheet.Cell(r, 6).SetValue(MonthlyStatsBoard.CompletenessRow.Total(rows, "").OnTimeRate);
        sheet.Column(6).Style.NumberFormat.Format = "0%";
        return Save(workbook);
    }

    /// <summary>A sheet with the title row (1), the header row (2, frozen, filtered) and number-formatted columns.</summary>
    private IXLWorksheet Sheet(XLWorkbook workbook, string name, JalaliMonth period, (string Key, double Width)[] columns)
    {
        var sheet = workbook.Worksheets.Add(name);
        sheet.RightToLeft = true;
        sheet.Cell(1, 1).SetValue($"{name} — {period.ToPersianString()}").Style.Font.SetBold().Font.SetFontSize(13);
        for (var c = 0; c < columns.Length; c++)
        {
            sheet.Cell(2, c + 1).SetValue(L[columns[c].Key].Value);
            sheet.Column(c + 1).Width = columns[c].Width;
        }
        var header = sheet.Range(2, 1, 2, columns.Length);
        header.Style.Font.SetBold().Fill.SetBackgroundColor(HeaderFill).Alignment.SetWrapText(true);
        sheet.SheetView.FreezeRows(2);
        return sheet;
    }

    /// <summary>The totals row: each summed column's total as a value (what the rows add up to), bold, and the filter over the rows.</summary>
    private void Totals(IXLWorksheet sheet, int row, int firstSummed, int lastSummed)
    {
        sheet.Cell(row, 1).SetValue(L["Total"].Value);
        for (var c = firstSummed; c <= lastSummed; c++)
        {
            long total = 0;
            for (var r = 3; r < row; r++) total += sheet.Cell(r, c).GetValue<long>();
            sheet.Cell(row, c).SetValue(total);
            sheet.Column(c).Style.NumberFormat.Format = NumberFormat;
        }
        sheet.Row(row).Style.Font.SetBold();
        sheet.Range(2, 1, Math.Max(2, row - 1), sheet.LastColumnUsed().ColumnNumber()).SetAutoFilter();
    }

    private static byte[] Save(XLWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
