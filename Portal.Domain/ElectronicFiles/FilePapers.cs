using Portal.Domain.Common;

namespace Portal.Domain.ElectronicFiles;

/// <summary>
/// The electronic files' printed papers (Portal/Features/ElectronicFiles prints them with the portal's PDF engine): the
/// file's barcode label (seed 003 part 1 step 3), the «اسکن شد» stamp's imprint (part 2, «مهر نمونه») and the cover
/// sheets that separate files in a batch scan. All take plain values, so any service can print them.
/// </summary>
public interface IElectronicFilePapers
{
    /// <summary>False on a machine without the PDF engine: a page offering a paper says so instead.</summary>
    bool IsAvailable { get; }

    /// <summary>One label for a label printer, 50 × 25 mm.</summary>
    Task<byte[]> LabelAsync(FileLabel label, CancellationToken ct = default);

    /// <summary>A batch's labels on A4 sheets of 3 × 8 labels (70 × 37 mm), in order, as many sheets as they fill.</summary>
    Task<byte[]> LabelSheetAsync(IReadOnlyList<FileLabel> labels, CancellationToken ct = default);

    /// <summary>The stamp's imprint, 60 × 36 mm.</summary>
    Task<byte[]> ScanStampAsync(ScanStamp stamp, CancellationToken ct = default);

    /// <summary>One A4 cover sheet per file, in order, to put before each file's pages in a batch scan.</summary>
    Task<byte[]> CoverSheetsAsync(IReadOnlyList<CoverSheet> sheets, CancellationToken ct = default);
}

/// <summary>What a file's label shows: its number as Code 128 and in words, the insured person's name and national ID.</summary>
public sealed record FileLabel(string FileNumber, string FullName, string NationalId)
{
    /// <summary>The number as the barcode holds it: digits typed in Persian or Arabic become Latin, spaces go.</summary>
    public string Barcode => BarcodeText(FileNumber);

    /// <summary>A file number as barcodes and their captions hold it.</summary>
    public static string BarcodeText(string number) => TextNormalizer.Normalize(number).Replace(" ", "", StringComparison.Ordinal);
}

/// <summary>
/// The «اسکن شد» stamp as the seed draws it: the branch, the user's name and code, and the date of the act.
/// </summary>
public sealed record ScanStamp(string BranchName, string UserName, string UserCode, JalaliDate Date);

/// <summary>A cover sheet: the file's number (its barcode carries <see cref="CoverSheetCode.Prefix"/>), the person's name and national ID.</summary>
public sealed record CoverSheet(string FileNumber, string FullName, string NationalId)
{
    /// <summary>What the sheet's barcode holds, and what <see cref="CoverSheetReader"/> reads back.</summary>
    public string Barcode => CoverSheetCode.For(FileLabel.BarcodeText(FileNumber));
}
