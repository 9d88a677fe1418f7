using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using Portal.Documents;
using Portal.Domain.NetworkOutages;

namespace Portal.Features.NetworkOutages;

/// <summary>A month's hours of outage per branch as a right-to-left sheet with a totals row (the figures of the page and the evaluation).</summary>
public sealed class OutageSheets(IStringLocalizer<Strings> L)
{
    private const string HoursFormat = "#,##0.0";

    public byte[] Workbook(OutageQuery.Month month)
    {
        using var workbook = new XLWorkbook();
        var sheet = SheetLayout.Report(workbook, L["Outages.Hours"], $"{L["Outages.HoursTitle"]} — {month.Period.ToPersianString()}",
            [(L["Province"], 18), (L["Kind.Branch"], 30), (L["Outages.HoursColumn"], 14), (L["Outages.Count"], 12), (L["Outages.OpenCount"], 12)]);
        var r = 3;
        foreach (var b in month.Branches)
        {
            sheet.Cell(r, 1).SetValue(b.Province);
            sheet.Cell(r, 2).SetValue(b.Branch);
            sheet.Cell(r, 3).SetValue(Math.Round(b.Hours, 1));
            sheet.Cell(r, 4).SetValue(b.Outages);
            sheet.Cell(r, 5).SetValue(b.Open);
            r++;
        }
        SheetLayout.Totals(sheet, r, L["Total"], (4, month.Outages), (5, month.Branches.Sum(b => (long)b.Open)));
        sheet.Cell(r, 3).SetValue(Math.Round(month.Hours, 1));
        sheet.Column(3).Style.NumberFormat.Format = HoursFormat;
        return SheetLayout.Save(workbook);
    }
}
