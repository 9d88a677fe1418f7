namespace Portal.Domain.ElectronicFiles;

/// <summary>
/// The barcode on a cover sheet (برگ جداکننده): <see cref="Prefix"/> and the file's number. The prefix is what tells a
/// cover sheet from a page that merely carries a barcode — the file's own label, stuck on its folder and scanned with
/// it, holds the bare number and must not start a new file.
/// </summary>
public static class CoverSheetCode
{
    public const string Prefix = "PF:";

    public static string For(string fileNumber) => Prefix + fileNumber;

    /// <summary>The file number a barcode names, or null when it is not a cover sheet's.</summary>
    public static string? FileNumberOf(string barcode) =>
        barcode.StartsWith(Prefix, StringComparison.Ordinal) && barcode.Length > Prefix.Length ? barcode[Prefix.Length..].Trim() : null;
}

/// <summary>Pages <see cref="First"/> to <see cref="Last"/> of a batch, counted from 1.</summary>
public readonly record struct PageRange(int First, int Last)
{
    public int Count => Last - First + 1;

    public IEnumerable<int> Pages => Enumerable.Range(First, Count);

    public override string ToString() => First == Last ? $"{First}" : $"{First}–{Last}";
}

/// <summary>One cover sheet of a batch: the file it names, the sheet's own page, and the pages after it up to the next sheet (none when two sheets follow each other).</summary>
public sealed record FileSection(string FileNumber, int CoverPage, PageRange? Pages)
{
    public int PageCount => Pages?.Count ?? 0;
}

/// <summary>
/// A batch upload split at its cover sheets, as Paperless-ngx splits at ASN barcodes: each cover sheet begins a file's
/// pages, the sheets themselves belong to no file, and pages before the first sheet are <see cref="Unassigned"/>.
/// </summary>
public sealed record BatchSplit(ScanFormat Format, int PageCount, PageRange? Unassigned, IReadOnlyList<FileSection> Sections)
{
    public bool HasCoverSheets => Sections.Count > 0;

    /// <summary>
    /// The split of a batch whose pages carry these barcodes (one list per page, in page order). A page with more than
    /// one cover-sheet code is a sheet for the first it names.
    /// </summary>
    public static BatchSplit FromBarcodes(ScanFormat format, IReadOnlyList<IReadOnlyList<string>> barcodesByPage)
    {
        var covers = new List<(int Page, string Number)>();
        for (var i = 0; i < barcodesByPage.Count; i++)
        {
            if (barcodesByPage[i].Select(CoverSheetCode.FileNumberOf).FirstOrDefault(n => !string.IsNullOrEmpty(n)) is { } number)
                covers.Add((i + 1, number));
        }
        var total = barcodesByPage.Count;
        var firstCover = covers.Count > 0 ? covers[0].Page : total + 1;
        var unassigned = firstCover > 1 ? new PageRange(1, firstCover - 1) : (PageRange?)null;
        var sections = covers.Select((c, i) =>
        {
            var end = i + 1 < covers.Count ? covers[i + 1].Page - 1 : total;
            return new FileSection(c.Number, c.Page, end > c.Page ? new PageRange(c.Page + 1, end) : null);
        }).ToList();
        return new BatchSplit(format, total, unassigned, sections);
    }
}
