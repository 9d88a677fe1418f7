using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Domain.OffsetFiles;
using Portal.Documents;

namespace Portal.Features.OffsetFiles;

/// <summary>
/// The collection report the general office sends the insurance deputy (seed 001 §5): a sheet of totals by province and
/// a sheet with one row per workshop of the sent files (debt before, agreed, collected, remaining, dates, file numbers).
/// </summary>
public sealed class OffsetCollectionSheets(IStringLocalizer<Strings> L)
{
    public byte[] Workbook(IReadOnlyList<OffsetBoard.CollectionRow> rows, JalaliDate asOf)
    {
        using var workbook = new XLWorkbook();
        var provinces = OffsetBoard.ProvinceCollection.Of(rows);
        var summary = SheetLayout.Report(workbook, L["Offset.Collection.Provinces"], $"{L["Offset.Collection"]} — {asOf.ToPersianString()}",
        [
            (L["Province"], 18), (L["Offset.Collection.Workshops"], 12), (L["Offset.Collection.DebtBefore"], 22), (L["Offset.Collection.Agreed"], 22),
            (L["Offset.Collection.Collected"], 22), (L["Offset.Remaining"], 22),
        ]);
        var r = 3;
        foreach (var p in provinces)
        {
            summary.Cell(r, 1).SetValue(p.ProvinceFa);
            summary.Cell(r, 2).SetValue(p.Workshops);
            summary.Cell(r, 3).SetValue(p.DebtBefore);
            summary.Cell(r, 4).SetValue(p.Agreed);
            summary.Cell(r, 5).SetValue(p.Collected);
            summary.Cell(r, 6).SetValue(p.Remaining);
            r++;
        }
        SheetLayout.Totals(summary, r, L["Total"], (2, provinces.Sum(p => (long)p.Workshops)), (3, provinces.Sum(p => p.DebtBefore)), (4, provinces.Sum(p => p.Agreed)),
            (5, provinces.Sum(p => p.Collected)), (6, provinces.Sum(p => p.Remaining)));

        var detail = SheetLayout.Report(workbook, L["Offset.Collection.ByWorkshop"], $"{L["Offset.Collection.ByWorkshop"]} — {asOf.ToPersianString()}",
        [
            (L["Province"], 14), (L["Offset.WorkshopCode"], 14), (L["Offset.Employer"], 40), (L["Offset.EmployerId"], 16), (L["Offset.Collection.DebtBefore"], 20),
            (L["Offset.Collection.Agreed"], 20), (L["Offset.Collection.Collected"], 20), (L["Offset.Remaining"], 20), (L["Offset.Collection.AgreedOn"], 14),
            (L["Offset.Collection.CollectedOn"], 14), (L["Offset.Collection.Files"], 24),
        ]);
        r = 3;
        foreach (var row in rows)
        {
            detail.Cell(r, 1).SetValue(row.ProvinceFa);
            detail.Cell(r, 2).SetValue(row.WorkshopCode);
            detail.Cell(r, 3).SetValue(row.Employer);
            detail.Cell(r, 4).SetValue(row.NationalId);
            detail.Cell(r, 5).SetValue(row.DebtBefore);
            detail.Cell(r, 6).SetValue(row.Agreed);
            detail.Cell(r, 7).SetValue(row.Collected);
            detail.Cell(r, 8).SetValue(row.Remaining);
            if (row.AgreedAt is { } agreed) detail.Cell(r, 9).SetValue(JalaliDate.FromInstant(agreed).ToString());
            if (row.CollectedAt is { } collected) detail.Cell(r, 10).SetValue(JalaliDate.FromInstant(collected).ToString());
            detail.Cell(r, 11).SetValue(row.Files);
            r++;
        }
        SheetLayout.Totals(detail, r, L["Total"], (5, rows.Sum(x => x.DebtBefore)), (6, rows.Sum(x => x.Agreed)), (7, rows.Sum(x => x.Collected)),
            (8, rows.Sum(x => x.Remaining)));
        return SheetLayout.Save(workbook);
    }
}
