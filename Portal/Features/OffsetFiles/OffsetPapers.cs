using System.Globalization;
using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.OffsetFiles;
using Portal.Documents;

namespace Portal.Features.OffsetFiles;

/// <summary>
/// An offset file's papers for the governor: the cover letter (<see cref="OffsetCoverLetterDocument"/> printed by
/// <see cref="DocumentPrinter"/>) and the two lists as workbooks. They are official Persian papers, so they are written in
/// Persian whatever language the sender's screen is in.
/// </summary>
public sealed class OffsetPapers(DocumentPrinter printer, PublicLinks links, IStringLocalizer<Strings> L) : IOffsetPapers
{
    private static readonly CultureInfo Persian = CultureInfo.GetCultureInfo("fa-IR");

    public bool IsAvailable => printer.IsAvailable;

    public Task<byte[]> CoverLetterAsync(OffsetCoverLetter letter, CancellationToken ct = default) =>
        printer.PrintAsync<OffsetCoverLetterDocument>(new Dictionary<string, object?>
        {
            [nameof(OffsetCoverLetterDocument.Letter)] = letter,
            [nameof(OffsetCoverLetterDocument.QrCode)] = PublicLinks.QrCode(links.VerifyOffsetLetter(letter.VerificationCode)),
            [nameof(OffsetCoverLetterDocument.FontOrigin)] = PdfRenderer.AssetOrigin,
        }, $"the cover letter of offset file {letter.Number}", ct);

    public byte[] DebtorsSheet(OffsetCoverLetter letter, IReadOnlyList<OffsetBoard.DebtorRow> debtors, IReadOnlyList<OffsetBoard.AssetRow> assets) => InPersian(() =>
    {
        using var workbook = new XLWorkbook();
        var list = SheetLayout.Report(workbook, L["Offset.Debtors"], Title(letter, L["Offset.Debtors"]),
        [
            (L["Row"], 7), (L["Offset.WorkshopCode"], 14), (L["Offset.Employer"], 40), (L["Offset.EmployerId"], 16), (L["Offset.FirstPeriod"], 12),
            (L["Offset.LastPeriod"], 12), (L["Offset.Debt"], 20), (L["Offset.Remaining"], 20), (L["Offset.Assets"], 12), (L["Offset.AssetValue"], 20),
        ]);
        Template(list, "-", "-", "-", "-", "-", "-", 0L, 0L, 0L, 0L);
        SheetLayout.Totals(list, 3 + debtors.Count, L["Total"], (7, debtors.Sum(d => d.InitialDebt)), (8, debtors.Sum(d => d.Remaining)),
            (9, debtors.Sum(d => (long)d.Assets)), (10, debtors.Sum(d => d.AssetsValue)));
        var seized = SheetLayout.Report(workbook, L["Offset.SeizedAssets"], Title(letter, L["Offset.SeizedAssets"]),
        [
            (L["Row"], 7), (L["Offset.WorkshopCode"], 14), (L["Offset.Employer"], 40), (L["Offset.AssetKind"], 16), (L["Offset.AssetDescription"], 40),
            (L["Offset.AssetValue"], 20), (L["Offset.SeizedOn"], 14), (L["Offset.AssetReference"], 16),
        ]);
        Template(seized, "-", "-", "-", "-", "-", 0L, "-", "-");
        SheetLayout.Totals(seized, 3 + assets.Count, L["Total"], (6, assets.Sum(a => a.Value)));
        var bytes = SheetLayout.Save(workbook);
        bytes = StreamedRows.Fill(bytes, list.Name, templateRow: 3, debtors.Select((d, i) => new object?[]
        {
            i + 1, d.WorkshopCode, d.Employer, d.NationalId, Month(d.FirstPeriod), Month(d.LastPeriod), d.InitialDebt, d.Remaining, d.Assets, d.AssetsValue,
        }));
        return StreamedRows.Fill(bytes, seized.Name, templateRow: 3, assets.Select((a, i) => new object?[]
        {
            i + 1, a.WorkshopCode, a.Employer, L[$"AssetKind.{a.Kind}"].Value, a.Description, a.Value, JalaliDate.FromDateOnly(a.SeizedOn).ToString(), a.Reference,
        }));
    });

    public byte[] ClaimsSheet(OffsetCoverLetter letter, IReadOnlyList<OffsetBoard.ClaimRow> claims) => InPersian(() =>
    {
        using var workbook = new XLWorkbook();
        var sheet = SheetLayout.Report(workbook, L["Offset.Claims"], Title(letter, L["Offset.Claims"]),
        [
            (L["Row"], 7), (L["Kind.MedicalCenter"], 40), (L["Offset.Ownership"], 12), (L["Offset.FirstPeriod"], 12), (L["Offset.LastPeriod"], 12),
            (L["Offset.ClaimAmount"], 20), (L["Offset.Remaining"], 20),
        ]);
        Template(sheet, "-", "-", "-", "-", "-", 0L, 0L);
        SheetLayout.Totals(sheet, 3 + claims.Count, L["Total"], (6, claims.Sum(c => c.Amount)), (7, claims.Sum(c => c.Remaining)));
        return StreamedRows.Fill(SheetLayout.Save(workbook), sheet.Name, templateRow: 3, claims.Select((c, i) => new object?[]
        {
            i + 1, c.Centre, L[$"Ownership.{c.Ownership}"].Value, Month(c.FirstPeriod), Month(c.LastPeriod), c.Amount, c.Remaining,
        }));
    });

    private static string Title(OffsetCoverLetter letter, string list) => $"{list} — {letter.Title} — {letter.Number} — {letter.Date}";

    private static string Month(int key) => JalaliMonth.FromKey(key).ToString();

    // Row 3 carries each column's format; StreamedRows puts the data rows in its place (a file may list thousands).
    private static void Template(IXLWorksheet sheet, params object[] values)
    {
        for (var c = 0; c < values.Length; c++) sheet.Cell(3, c + 1).SetValue(values[c]);
    }

    private static T InPersian<T>(Func<T> make)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Persian;
        try { return make(); }
        finally { CultureInfo.CurrentUICulture = culture; }
    }
}
