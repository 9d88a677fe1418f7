using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using Portal.Documents;
using Portal.Domain.ElectronicFiles;

namespace Portal.Features.ElectronicFiles;

/// <summary>The month's scanning report as a workbook: branches (with totals), pages per operator, documents by heading.</summary>
public sealed class ScanningSheets(IStringLocalizer<Strings> L)
{
    public byte[] Workbook(ScanningReportQuery.Report report)
    {
        using var workbook = new XLWorkbook();
        var title = $"{L["ElectronicFiles.Report"]} — {report.Month.ToPersianString()}";
        var branches = SheetLayout.Report(workbook, L["ElectronicFiles.Report.Branches"], title,
        [
            (L["Kind.Branch"], 28), (L["ElectronicFiles.Report.FilesScanned"], 14), (L["ElectronicFiles.Report.FilesIndexed"], 14),
            (L["ElectronicFiles.Report.PagesScanned"], 14), (L["ElectronicFiles.Report.PagesRescanned"], 14), (L["ElectronicFiles.Report.OutOfTurn"], 14),
            (L["ElectronicFiles.Report.Backlog"], 14), (L["ElectronicFiles.Report.Discrepancies"], 14), (L["ElectronicFiles.Report.Refusals"], 14),
        ]);
        var r = 3;
        foreach (var b in report.Branches)
        {
            branches.Cell(r, 1).SetValue(b.Branch);
            long[] values = [b.FilesScanned, b.FilesIndexed, b.PagesScanned, b.PagesRescanned, b.OutOfTurn, b.Backlog, b.Discrepancies, b.Refusals];
            for (var c = 0; c < values.Length; c++) branches.Cell(r, c + 2).SetValue(values[c]);
            r++;
        }
        var t = report.Total;
        SheetLayout.Totals(branches, r, L["Total"], (2, t.FilesScanned), (3, t.FilesIndexed), (4, t.PagesScanned), (5, t.PagesRescanned), (6, t.OutOfTurn),
            (7, t.Backlog), (8, t.Discrepancies), (9, t.Refusals));

        var operators = SheetLayout.Report(workbook, L["ElectronicFiles.Report.Operators"], title,
            [(L["Kind.Branch"], 28), (L["ElectronicFiles.Report.Operator"], 24), (L["ElectronicFiles.Documents"], 14), (L["ElectronicFiles.Pages"], 14)]);
        r = 3;
        foreach (var o in report.Operators)
        {
            operators.Cell(r, 1).SetValue(o.Branch);
            SheetLayout.Text(operators.Cell(r, 2), o.Operator);
            operators.Cell(r, 3).SetValue(o.Documents);
            operators.Cell(r, 4).SetValue(o.Pages);
            r++;
        }
        SheetLayout.Totals(operators, r, L["Total"], (3, report.Operators.Sum(o => (long)o.Documents)), (4, report.Operators.Sum(o => (long)o.Pages)));

        var groups = SheetLayout.Report(workbook, L["ElectronicFiles.Report.Groups"], title,
            [(L["ElectronicFiles.Report.Group"], 32), (L["ElectronicFiles.Documents"], 14), (L["ElectronicFiles.Pages"], 14)]);
        r = 3;
        foreach (var g in report.Groups)
        {
            groups.Cell(r, 1).SetValue(g.Group);
            groups.Cell(r, 2).SetValue(g.Documents);
            groups.Cell(r, 3).SetValue(g.Pages);
            r++;
        }
        SheetLayout.Totals(groups, r, L["Total"], (2, report.Groups.Sum(g => (long)g.Documents)), (3, report.Groups.Sum(g => (long)g.Pages)));
        return SheetLayout.Save(workbook);
    }
}
