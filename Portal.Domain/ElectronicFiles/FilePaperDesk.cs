using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.ElectronicFiles;

/// <summary>
/// The papers a branch's scanning staff print for the files they hold: a file's label for the label printer, a batch's
/// labels on A4 sheets, and the cover sheets that go before each file's pages in a batch scan (<see cref="IElectronicFilePapers"/>).
/// A file the reader does not hold is not printed: out of scope, or another branch's, it reads as not found.
/// </summary>
public sealed class FilePaperDesk(PortalDb portalDb, IElectronicFilePapers papers)
{
    /// <summary>Ten A4 sheets of labels, or 240 cover sheets: about what a branch scans in a week.</summary>
    public const int MaxFiles = 240;

    public const string PdfType = "application/pdf";

    /// <summary>The file's 50 × 25 mm label, or null when the reader does not hold it.</summary>
    public async Task<FileDownload?> LabelAsync(int fileId, CancellationToken ct = default)
    {
        var held = await HeldAsync([fileId], ct);
        if (held.Count == 0) return null;
        var label = held[0];
        return Pdf(await papers.LabelAsync(label, ct), $"label-{label.Barcode}.pdf");
    }

    /// <summary>The labels of the files the reader holds among <paramref name="fileIds"/>, in that order, 24 to an A4 sheet; null when none is held.</summary>
    public async Task<FileDownload?> LabelSheetAsync(IReadOnlyList<int> fileIds, CancellationToken ct = default)
    {
        var held = await HeldAsync(fileIds, ct);
        return held.Count == 0 ? null : Pdf(await papers.LabelSheetAsync(held, ct), $"labels-{held.Count}.pdf");
    }

    /// <summary>One cover sheet for each file the reader holds among <paramref name="fileIds"/>, in that order; null when none is held.</summary>
    public async Task<FileDownload?> CoverSheetsAsync(IReadOnlyList<int> fileIds, CancellationToken ct = default)
    {
        var held = await HeldAsync(fileIds, ct);
        return held.Count == 0 ? null
            : Pdf(await papers.CoverSheetsAsync([.. held.Select(l => new CoverSheet(l.FileNumber, l.FullName, l.NationalId))], ct), $"cover-sheets-{held.Count}.pdf");
    }

    /// <summary>The labels of the files among <paramref name="fileIds"/> the reader's branch holds, in the order asked, each once.</summary>
    private async Task<List<FileLabel>> HeldAsync(IReadOnlyList<int> fileIds, CancellationToken ct)
    {
        var ids = fileIds.Distinct().ToList();
        if (ids.Count > MaxFiles)
            throw DomainException.Of("ElectronicFiles.PapersTooMany", TextNormalizer.ToPersianDigits(MaxFiles.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await using var db = await portalDb.OpenForAsync(Permission.ElectronicFilesScan, ct);
        var branch = db.Actor.UnitId;
        if (ids.Count == 0 || branch is null) return [];
        var files = await db.TechnicalFiles.AsNoTracking().Where(f => ids.Contains(f.Id) && f.BranchId == branch)
            .Select(f => new { f.Id, f.Number, f.PersonName, f.NationalId }).ToDictionaryAsync(f => f.Id, ct);
        return [.. ids.Where(files.ContainsKey).Select(id => new FileLabel(files[id].Number, files[id].PersonName, files[id].NationalId))];
    }

    private static FileDownload Pdf(byte[] pdf, string name) => new(name, PdfType, pdf.Length, new MemoryStream(pdf, writable: false));
}
