using BitMiracle.LibTiff.Classic;
using Portal.Domain.Common.Files;
using UglyToad.PdfPig;

namespace Portal.Domain.ElectronicFiles;

/// <summary>What a scan is, by its content: the four kinds a scanner hands over.</summary>
public enum ScanFormat { Unknown, Pdf, Tiff, Jpeg, Png }

/// <summary>A scan's kind and its number of pages; an <see cref="ScanFormat.Unknown"/> scan has none.</summary>
public readonly record struct ScanPageCount(ScanFormat Format, int Pages)
{
    public static readonly ScanPageCount Unreadable = new(ScanFormat.Unknown, 0);

    /// <summary>Whether a scan of this many pages differs from the count made by hand before scanning (step 2).</summary>
    public bool DiffersFrom(int counted) => Pages != counted;
}

/// <summary>
/// Counts a scan's pages by reading it, never by its name: a PDF's pages (PdfPig, every page parsed), a TIFF's frames
/// (each one an image with a width and a height), a JPEG or PNG is one page once it decodes. Anything else is
/// <see cref="ScanFormat.Unknown"/> with no pages, so a renamed file is refused rather than counted.
/// </summary>
public static class ScanPages
{
    public static ScanPageCount Count(Stream content)
    {
        if (!content.CanSeek) throw new ArgumentException("Counting a scan's pages needs a seekable stream.", nameof(content));
        try
        {
            if (IsTiff(content)) return TiffFrames(content) is > 0 and var frames ? new(ScanFormat.Tiff, frames) : ScanPageCount.Unreadable;
            return FileSignature.Detect(content) switch
            {
                FileKind.Pdf => new(ScanFormat.Pdf, PdfPages(content)),
                FileKind.Jpeg => new(ScanFormat.Jpeg, 1),
                FileKind.Png => new(ScanFormat.Png, 1),
                _ => ScanPageCount.Unreadable,
            };
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>TIFF's byte order mark and 42: «II*\0» or «MM\0*».</summary>
    internal static bool IsTiff(Stream content)
    {
        content.Position = 0;
        Span<byte> head = stackalloc byte[4];
        var n = content.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        content.Position = 0;
        return n == 4 && (head.SequenceEqual("II*\0"u8) || head.SequenceEqual("MM\0*"u8));
    }

    private static int PdfPages(Stream content)
    {
        content.Position = 0;
        using var pdf = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = false });
        return pdf.NumberOfPages;
    }

    private static int TiffFrames(Stream content)
    {
        using var tiff = TiffReading.Open(content);
        if (tiff is null) return 0;
        var frames = 0;
        var buffer = Array.Empty<byte>();
        while (true)
        {
            var width = tiff.GetField(TiffTag.IMAGEWIDTH);
            var height = tiff.GetField(TiffTag.IMAGELENGTH);
            if (width is null || height is null || width[0].ToInt() <= 0 || height[0].ToInt() <= 0) return 0;
            // Every strip (or tile) of the frame is in the file: a scan cut short in transfer is not counted as whole.
            var tiled = tiff.IsTiled();
            var parts = tiled ? tiff.NumberOfTiles() : tiff.NumberOfStrips();
            for (var i = 0; i < parts; i++)
            {
                var raw = tiled ? tiff.RawTileSize(i) : tiff.RawStripSize(i);
                if (raw <= 0 || raw > content.Length) return 0;
                var size = (int)raw;
                if (buffer.Length < size) buffer = new byte[size];
                if ((tiled ? tiff.ReadRawTile(i, buffer, 0, size) : tiff.ReadRawStrip(i, buffer, 0, size)) != size) return 0;
            }
            frames++;
            if (tiff.LastDirectory()) return frames;
            if (!tiff.ReadDirectory()) return 0; // the next frame is named but does not read
        }
    }
}

/// <summary>LibTiff.NET over a stream the caller keeps, with its messages kept out of the console.</summary>
internal static class TiffReading
{
    static TiffReading() => Tiff.SetErrorHandler(new Quiet());

    /// <summary>The TIFF, or null when its header or first directory does not read.</summary>
    public static Tiff? Open(Stream content)
    {
        content.Position = 0;
        return Tiff.ClientOpen("scan", "r", content, new KeptOpen());
    }

    private sealed class KeptOpen : TiffStream
    {
        public override void Close(object clientData) { } // the caller's stream
    }

    // A damaged file is reported by Open returning null or a read failing; LibTiff's own text would go to stderr.
    private sealed class Quiet : TiffErrorHandler
    {
        public override void ErrorHandler(Tiff tif, string method, string format, params object[] args) { }
        public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args) { }
        public override void WarningHandler(Tiff tif, string method, string format, params object[] args) { }
        public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args) { }
    }
}
