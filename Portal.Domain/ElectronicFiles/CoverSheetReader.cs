using ZXing;

namespace Portal.Domain.ElectronicFiles;

/// <summary>
/// Reads a batch upload's cover sheets: every page is rasterised at <see cref="Dpi"/> (<see cref="ScanImages"/>), its
/// Code 128 barcodes read by ZXing, and the batch split at the pages whose barcode is a cover sheet's
/// (<see cref="CoverSheetCode"/>, <see cref="BatchSplit"/>).
/// </summary>
public sealed class CoverSheetReader
{
    /// <summary>
    /// The resolution pages are read at. The cover sheet's barcode is printed with 0.75 mm bars, so even 50 dpi gives
    /// each bar more than one pixel; 75 dpi leaves room for a scanner's blur and a sheet fed slightly askew, and reads an
    /// A4 page in a few tens of milliseconds.
    /// </summary>
    public const int Dpi = 75;

    /// <summary>Whether PDF batches can be read here (poppler-utils installed); TIFF and images always can.</summary>
    public static bool CanReadPdf => ScanImages.PdfToPpm is not null;

    /// <summary>The batch split at its cover sheets; an unreadable file comes back as <see cref="ScanFormat.Unknown"/> with no pages.</summary>
    public async Task<BatchSplit> SplitAsync(Stream batch, CancellationToken ct = default)
    {
        var count = ScanPages.Count(batch);
        if (count.Format == ScanFormat.Unknown) return new BatchSplit(ScanFormat.Unknown, 0, null, []);
        var barcodes = new List<IReadOnlyList<string>>(count.Pages);
        await foreach (var page in ScanImages.ReadAsync(batch, count.Format, Dpi, ct))
            barcodes.Add(Barcodes(page));
        return BatchSplit.FromBarcodes(count.Format, barcodes);
    }

    /// <summary>The Code 128 barcodes on a page (at most one is read: a cover sheet carries one), upright or turned.</summary>
    public static IReadOnlyList<string> Barcodes(ScanImage page)
    {
        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = true,
            Options = { PossibleFormats = [BarcodeFormat.CODE_128], TryHarder = true },
        };
        var source = new RGBLuminanceSource(page.Gray, page.Width, page.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        return reader.Decode(source) is { Text: { Length: > 0 } text } ? [text] : [];
    }
}
