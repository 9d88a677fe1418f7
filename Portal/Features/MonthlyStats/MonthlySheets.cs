using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Domain.MonthlyStats;
using Portal.Documents;

namespace Portal.Features.MonthlyStats;

/// <summary>
/// The monthly statistics as Excel workbooks: right-to-left sheets with Persian headers, Rial amounts with thousands
/// separators, a frozen header row with filters, a totals row, and fixed widths (ClosedXML 0.95's AdjustToContents needs GDI+).
/// </summary>
public sealed class MonthlySheets(IStringLocalizer<Strings> L)
{
    public const string NumberFormat = SheetLayout.NumberFormat;

    /// <summary>The province report: one row per expected agency, then the totals.</summary>
    public byte[] Province(JalaliMonth period, IReadOnlyList<AgencyMonth> rows)
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
            sheet.Cell(r, 5).SetValue(StatusText(row.Status));
            sheet.Cell(r, 6).SetValue(row.FilesReceived);
            sheet.Cell(r, 7).SetValue(row.AmountClaimed);
            sheet.Cell(r, 8).SetValue(row.FilesForwarded);
            sheet.Cell(r, 9).SetValue(row.FilesReturned);
            sheet.Cell(r, 10).SetValue(row.PendingAtEnd);
            if (row.AverageDays is { } days) sheet.Cell(r, 11).SetValue(days);
            if (row.ForwardedOnTime is { } onTime) sheet.Cell(r, 12).SetValue(onTime ? Yes : No);
            r++;
        }
        Totals(sheet, r, FigureTotals(rows, 6));
        sheet.Column(11).Style.NumberFormat.Format = "0.0";
        return SheetLayout.Save(workbook);
    }

    /// <summary>Completeness and timeliness: one row per province (head office) or per review office (a province), then the totals.</summary>
    public byte[] National(JalaliMonth period, IReadOnlyList<CompletenessRow> rows)
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
        Totals(sheet, r, CompletenessTotals(rows, 2));
        sheet.Cell(r, 6).SetValue(CompletenessRow.Total(rows, "").OnTimeRate);
        sheet.Column(6).Style.NumberFormat.Format = "0%";
        return SheetLayout.Save(workbook);
    }

    /// <summary>
    /// The 12-month trend: a summary sheet with one row per month (completeness, timeliness, files and amounts) and a
    /// detail sheet with one row per expected agency and month.
    /// </summary>
    public byte[] Trend(JalaliMonth last, MonthlyTrendQuery.Trend trend)
    {
        var (points, rows) = (trend.Months, trend.Rows);
        using var workbook = new XLWorkbook();
        var summary = Sheet(workbook, L["Monthly.Sheet.Trend"], last,
        [
            ("Monthly.Period", 16), ("Monthly.Expected", 12), ("Monthly.Received", 12), ("Monthly.ForwardedCount", 12), ("Monthly.OnTime", 12),
            ("Monthly.OnTimeRate", 12), ("Monthly.FilesReceived", 14), ("Monthly.AmountClaimed", 22),
        ]);
        var r = 3;
        foreach (var p in points)
        {
            summary.Cell(r, 1).SetValue(p.Period.ToPersianString());
            summary.Cell(r, 2).SetValue(p.Completeness.Expected);
            summary.Cell(r, 3).SetValue(p.Completeness.Received);
            summary.Cell(r, 4).SetValue(p.Completeness.Forwarded);
            summary.Cell(r, 5).SetValue(p.Completeness.OnTime);
            summary.Cell(r, 6).SetValue(p.Completeness.OnTimeRate);
            summary.Cell(r, 7).SetValue(p.FilesReceived);
            summary.Cell(r, 8).SetValue(p.AmountClaimed);
            r++;
        }
        Totals(summary, r, [.. CompletenessTotals(points.Select(p => p.Completeness), 2), (7, points.Sum(p => p.FilesReceived)), (8, points.Sum(p => p.AmountClaimed))]);
        summary.Cell(r, 6).SetValue(CompletenessRow.Total(points.Select(p => p.Completeness), "").OnTimeRate);
        summary.Column(6).Style.NumberFormat.Format = "0%";

        var detail = Sheet(workbook, L["Monthly.Sheet.TrendAgencies"], last,
        [
            ("Monthly.Period", 14), ("Province", 14), ("Kind.ReviewOffice", 30), ("Code", 12), ("Kind.Agency", 34), ("Status", 22),
            ("Monthly.FilesReceived", 14), ("Monthly.AmountClaimed", 20), ("Monthly.Forwarded", 14), ("Monthly.Returned", 14),
            ("Monthly.Pending", 14), ("Monthly.OnTime", 10),
        ]);
        // Row 3 carries each column's format; StreamedRows puts the ~24,000 rows in its place.
        object?[] Values(AgencyMonth row) =>
        [
            row.Month.ToString(), row.ProvinceFa, row.ReviewOffice, row.Code, row.Name, StatusText(row.Status), row.FilesReceived, row.AmountClaimed,
            row.FilesForwarded, row.FilesReturned, row.PendingAtEnd, row.ForwardedOnTime is { } onTime ? (onTime ? Yes : No) : null,
        ];
        if (rows.Count == 0)
        {
            Totals(detail, 3, FigureTotals(rows, 7));
            return SheetLayout.Save(workbook);
        }
        for (var c = 1; c <= 12; c++) detail.Cell(3, c).SetValue(c is >= 7 and <= 11 ? 0 : (object)"-");
        Totals(detail, 3 + rows.Count, FigureTotals(rows, 7));
        return StreamedRows.Fill(SheetLayout.Save(workbook), detail.Name, templateRow: 3, rows.Select(Values));
    }

    /// <summary>
    /// Timeliness of the month: when each expected agency submitted and when its report was first forwarded, against
    /// the agency's deadline and the 10th; the days late count whole Tehran days past the cut-off.
    /// </summary>
    public byte[] Timeliness(JalaliMonth period, IReadOnlyList<AgencyMonth> rows, int agencyDeadlineDay)
    {
        using var workbook = new XLWorkbook();
        var sheet = Sheet(workbook, L["Monthly.Sheet.Timeliness"], period,
        [
            ("Province", 14), ("Kind.ReviewOffice", 30), ("Code", 12), ("Kind.Agency", 34), ("Status", 22), ("Monthly.SubmittedAt", 18),
            ("Monthly.SubmittedLateDays", 14), ("Monthly.FirstForwardedAt", 18), ("Monthly.OnTime", 10), ("Monthly.ForwardedLateDays", 14),
        ]);
        var submitCutOff = MonthlyReport.SubmitCutOff(period, agencyDeadlineDay);
        var onTimeCutOff = MonthlyReport.OnTimeCutOff(period);
        var r = 3;
        foreach (var row in rows)
        {
            sheet.Cell(r, 1).SetValue(row.ProvinceFa);
            sheet.Cell(r, 2).SetValue(row.ReviewOffice);
            sheet.Cell(r, 3).SetValue(row.Code);
            sheet.Cell(r, 4).SetValue(row.Name);
            sheet.Cell(r, 5).SetValue(StatusText(row.Status));
            if (row.SubmittedAt is { } submitted)
            {
                sheet.Cell(r, 6).SetValue(JalaliDate.FromInstant(submitted).ToString());
                sheet.Cell(r, 7).SetValue(DaysLate(submitted, submitCutOff));
            }
            if (row.FirstForwardedAt is { } forwarded)
            {
                sheet.Cell(r, 8).SetValue(JalaliDate.FromInstant(forwarded).ToString());
                sheet.Cell(r, 9).SetValue(row.ForwardedOnTime == true ? Yes : No);
                sheet.Cell(r, 10).SetValue(DaysLate(forwarded, onTimeCutOff));
            }
            r++;
        }
        Totals(sheet, r, (7, rows.Where(x => x.SubmittedAt is not null).Sum(x => (long)DaysLate(x.SubmittedAt!.Value, submitCutOff))),
            (10, rows.Where(x => x.FirstForwardedAt is not null).Sum(x => (long)DaysLate(x.FirstForwardedAt!.Value, onTimeCutOff))));
        return SheetLayout.Save(workbook);
    }

    /// <summary>Whole days after the cut-off (0 when on time): late on the first day after it counts as one.</summary>
    private static int DaysLate(DateTimeOffset at, DateTimeOffset cutOff) =>
        at < cutOff ? 0 : JalaliDate.FromInstant(at).ToDateOnly().DayNumber - JalaliDate.FromInstant(cutOff).ToDateOnly().DayNumber + 1;

    private string StatusText(ReportStatus? status) => L[$"ReportStatus.{status?.ToString() ?? "NotStarted"}"].Value;
    private string Yes => L["Yes"].Value;
    private string No => L["No"].Value;

    /// <summary>A sheet with the title row (1), the header row (2, frozen, filtered) and number-formatted columns.</summary>
    private IXLWorksheet Sheet(XLWorkbook workbook, string name, JalaliMonth period, (string Key, double Width)[] columns) =>
        SheetLayout.Report(workbook, name, $"{name} — {period.ToPersianString()}", [.. columns.Select(c => (L[c.Key].Value, c.Width))]);

    /// <summary>The totals row: each summed column's total as a value (what the rows add up to), bold, and the filter over the rows.</summary>
    private void Totals(IXLWorksheet sheet, int row, params (int Column, long Total)[] totals) => SheetLayout.Totals(sheet, row, L["Total"].Value, totals);

    /// <summary>The figures' totals of agency-month rows, in the order the sheets place them from <paramref name="first"/> on.</summary>
    private static (int, long)[] FigureTotals(IReadOnlyList<AgencyMonth> rows, int first) =>
    [
        (first, rows.Sum(r => (long)r.FilesReceived)), (first + 1, rows.Sum(r => r.AmountClaimed)), (first + 2, rows.Sum(r => (long)r.FilesForwarded)),
        (first + 3, rows.Sum(r => (long)r.FilesReturned)), (first + 4, rows.Sum(r => (long)r.PendingAtEnd)),
    ];

    private static (int, long)[] CompletenessTotals(IEnumerable<CompletenessRow> rows, int first)
    {
        var t = CompletenessRow.Total(rows, "");
        return [(first, t.Expected), (first + 1, t.Received), (first + 2, t.Forwarded), (first + 3, t.OnTime)];
    }
}
