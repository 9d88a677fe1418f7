using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using Portal.Domain.Eligibility;
using Portal.Documents;

namespace Portal.Features.Eligibility;

/// <summary>
/// The inquiry report as a workbook: one right-to-left sheet per dimension (day, province, office, centre, channel), each
/// row with inquiries, covered and not covered, and a totals row that equals the report's total on every sheet.
/// </summary>
public sealed class InquirySheets(IStringLocalizer<Strings> L)
{
    public byte[] Workbook(InquiryReport.Result report)
    {
        using var workbook = new XLWorkbook();
        var range = $"{L["InquiryReport.Title"]} — {report.From.ToPersianString()} {L["InquiryReport.Until"]} {report.To.ToPersianString()}";
        Sheet(workbook, L["InquiryReport.ByDay"], range, L["InquiryReport.Day"], report.Days, l => l.Key);
        Sheet(workbook, L["InquiryReport.ByProvince"], range, L["Province"], report.Provinces, l => l.Name ?? L["InquiryReport.NoProvince"]);
        if (report.Offices is { } offices) Sheet(workbook, L["InquiryReport.ByOffice"], range, L["InquiryReport.Office"], offices, l => l.Name ?? L["InquiryReport.NoOffice"]);
        Sheet(workbook, L["InquiryReport.ByCentre"], range, L["Kind.MedicalCenter"], report.Centres, l => l.Name ?? L["InquiryReport.NoCentre"]);
        Sheet(workbook, L["InquiryReport.ByChannel"], range, L["InquiryReport.Channel"], report.Channels, l => L[$"InquiryChannel.{l.Key}"]);
        return SheetLayout.Save(workbook);
    }

    private void Sheet(XLWorkbook workbook, string name, string title, string dimension, IReadOnlyList<InquiryReport.Line> lines, Func<InquiryReport.Line, string> label)
    {
        var sheet = SheetLayout.Report(workbook, name, $"{title} — {name}",
            [(dimension, 36), (L["InquiryReport.Inquiries"], 16), (L["InquiryReport.Covered"], 18), (L["InquiryReport.NotCovered"], 18)]);
        var r = 3;
        foreach (var line in lines)
        {
            sheet.Cell(r, 1).SetValue(label(line));
            sheet.Cell(r, 2).SetValue(line.Total);
            sheet.Cell(r, 3).SetValue(line.Covered);
            sheet.Cell(r, 4).SetValue(line.NotCovered);
            r++;
        }
        SheetLayout.Totals(sheet, r, L["Total"], (2, lines.Sum(l => (long)l.Total)), (3, lines.Sum(l => (long)l.Covered)), (4, lines.Sum(l => (long)l.NotCovered)));
    }
}
