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
    /// The resolution pages are read at: the lowest that reads a cover sheet of a 20-character file number (bars of about
    /// 0.6 mm on the 174 mm barcode, 1.7 pixels each) from a 150 dpi scan; 60 dpi reads 16 characters but not 20. A page
    /// costs about 28 ms to rasterise (pdftoppm) and 11 ms to search for a barcode on this 2-core machine.
    /// </summary>
    public const int Dpi = 75;

    /// <summary>Whether PDF batches can be read here (poppler-utils installed); TIFF and images always can.</summary>
    public static bool CanReadPdf => ScanImages.PdfToPpm is not null;

    /// <summary>
    /// The batch split at its cover sheets. A file that is not a scan, or one of whose pages does not decode, comes back
    /// as <see cref="ScanFormat.Unknown"/> with no pages. A PDF needs poppler-utils (<see cref="CanReadPdf"/>).
    /// </summary>
    public async Task<BatchSplit> SplitAsync(Stream batch, CancellationToken ct = default)
    {
        var unreadable = new BatchSplit(ScanFormat.Unknown, 0, null, []);
        var count = ScanPages.Count(batch);
        if (count.Format == ScanFormat.Unknown) return unreadable;
        var barcodes = new List<IReadOnlyList<string>>(count.Pages);
        try
        {
            await foreach (var page in ScanImages.ReadAsync(batch, count.Format, Dpi, ct))
                barcodes.Add(Barcodes(page));
        }
        catch (InvalidDataException)
        {
            return unreadable;
        }
        finally
        {
            batch.Position = 0;
        }
        return barcodes.Count == count.Pages ? BatchSplit.FromBarcodes(count.Format, barcodes) : unreadable;
    }

    /// <summary>
    /// The Code 128 barcodes on a page (at most one is read: a cover sheet carries one), upright or upside down. Pages
    /// turned a quarter are not tried: that would cost six times as long on every page without a barcode.
    /// </summary>
    public static IReadOnlyList<string> Barcodes(ScanImage page)
    {
        var reader = new BarcodeReaderGeneric
        {
            Options = { PossibleFormats = [BarcodeFormat.CODE_128], TryHarder = true },
        };
        var source = new RGBLuminanceSource(page.Gray, page.Width, page.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        return reader.Decode(source) is { Text: { Length: > 0 } text } ? [text] : [];
    }
}
