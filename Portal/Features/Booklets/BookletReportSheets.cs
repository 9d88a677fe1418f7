using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using Portal.Documents;
using Portal.Domain.Booklets;

namespace Portal.Features.Booklets;

/// <summary>
/// The booklet services report as a workbook: general offices, branches (each with its general office), service types
/// and refusals by reason, right to left, each with a totals row equal to the report's total.
/// </summary>
public sealed class BookletReportSheets(IStringLocalizer<Strings> L)
{
    public byte[] Workbook(BookletReport.Result report)
    {
        using var workbook = new XLWorkbook();
        var title = $"{L["Booklets.Report.Title"]} — {BookletReportText.Range(report.From, report.To)}";
        var offices = report.GeneralOffices.ToDictionary(o => o.Id, o => o.Name);
        Units(workbook, L["Booklets.Report.ByGeneralOffice"], title, report.GeneralOffices, null, report);
        Units(workbook, L["Booklets.Report.ByBranch"], title, report.Branches, b => offices.GetValueOrDefault(b.ParentId ?? 0, ""), report);

        var types = SheetLayout.Report(workbook, L["Booklets.Report.ByType"], title,
            [(L["Booklets.Report.Type"], 24), (L["Booklets.Report.Done"], 14), (L["Booklets.Report.Refused"], 14), (L["Booklets.Report.Corrected"], 14)]);
        var r = 3;
        foreach (var t in report.Types)
        {
            types.Cell(r, 1).SetValue(L[$"Booklets.Report.Type.{t.Type}"].Value);
            types.Cell(r, 2).SetValue(t.Done);
            types.Cell(r, 3).SetValue(t.Refused);
            types.Cell(r, 4).SetValue(t.Corrected);
            r++;
        }
        SheetLayout.Totals(types, r, L["Total"], (2, report.Types.Sum(t => (long)t.Done)), (3, report.Types.Sum(t => (long)t.Refused)),
            (4, report.Types.Sum(t => (long)t.Corrected)));

        var refusals = SheetLayout.Report(workbook, L["Booklets.Report.ByRefusal"], title,
            [(L["Booklets.Report.Reason"], 44), (L["Booklets.Report.Count"], 14), (L["Booklets.Report.CounterError"], 18)]);
        r = 3;
        foreach (var x in report.Refusals)
        {
            refusals.Cell(r, 1).SetValue(L[$"Booklets.Report.Refusal.{x.Reason}"].Value);
            refusals.Cell(r, 2).SetValue(x.Count);
            refusals.Cell(r, 3).SetValue(x.CounterError ? L["Yes"].Value : "");
            r++;
        }
        SheetLayout.Totals(refusals, r, L["Total"], (2, report.Refusals.Sum(x => (long)x.Count)));
        return SheetLayout.Save(workbook);
    }

    private void Units(XLWorkbook workbook, string name, string title, IReadOnlyList<BookletReport.UnitLine> lines, Func<BookletReport.UnitLine, string>? office,
        BookletReport.Result report)
    {
        var columns = new List<(string, double)> { (L["Province"], 16) };
        if (office is not null) columns.Add((L["Kind.GeneralOffice"], 30));
        columns.AddRange([(office is null ? L["Kind.GeneralOffice"] : L["Kind.Branch"], 30), (L["Booklets.Report.Type.Renewal"], 12), (L["Booklets.Report.Type.Credit"], 12),
            (L["Booklets.Report.Type.NewBooklet"], 12), (L["Booklets.Report.Type.Duplicate"], 12), (L["Booklets.Report.Done"], 12), (L["Booklets.Report.Refused"], 12),
            (L["Booklets.Report.Corrected"], 12), (L["Booklets.Report.CounterErrors"], 14), (L["Booklets.Report.WaitAverage"], 16), (L["Booklets.Report.WaitMedian"], 16)]);
        var sheet = SheetLayout.Report(workbook, name, title, columns);
        var first = office is null ? 3 : 4;
        var r = 3;
        foreach (var line in lines)
        {
            sheet.Cell(r, 1).SetValue(line.Province);
            if (office is not null) sheet.Cell(r, 2).SetValue(office(line));
            sheet.Cell(r, first - 1).SetValue(line.Name.Length > 0 ? line.Name : L["Booklets.Report.NoGeneralOffice"].Value);
            Figures(sheet, r, first, line.Counts, line.Wait);
            r++;
        }
        var c = report.Total;
        SheetLayout.Totals(sheet, r, L["Total"], (first, c.Renewals), (first + 1, c.Credits), (first + 2, c.NewBooklets), (first + 3, c.Duplicates), (first + 4, c.Done),
            (first + 5, c.Refused), (first + 6, c.Corrected), (first + 7, c.CounterErrors));
        Wait(sheet, r, first + 8, report.Wait);
    }

    private static void Figures(IXLWorksheet sheet, int row, int first, BookletReport.Counts c, BookletReport.Wait wait)
    {
        int[] values = [c.Renewals, c.Credits, c.NewBooklets, c.Duplicates, c.Done, c.Refused, c.Corrected, c.CounterErrors];
        for (var i = 0; i < values.Length; i++) sheet.Cell(row, first + i).SetValue(values[i]);
        Wait(sheet, row, first + values.Length, wait);
    }

    private static void Wait(IXLWorksheet sheet, int row, int column, BookletReport.Wait wait)
    {
        if (wait.AverageMinutes is { } average) sheet.Cell(row, column).SetValue(Math.Round(average, 1));
        if (wait.MedianMinutes is { } median) sheet.Cell(row, column + 1).SetValue(median);
        sheet.Cell(row, column).Style.NumberFormat.Format = "0.0";
    }
}
