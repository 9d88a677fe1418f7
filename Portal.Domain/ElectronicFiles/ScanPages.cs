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
/// (<see cref="TiffPages"/>: each one an image with a width, a height and all its strips), a JPEG or PNG is one page once it decodes. Anything else is
/// <see cref="ScanFormat.Unknown"/> with no pages, so a renamed file is refused rather than counted.
/// </summary>
public static class ScanPages
{
    public static ScanPageCount Count(Stream content)
    {
        if (!content.CanSeek) throw new ArgumentException("Counting a scan's pages needs a seekable stream.", nameof(content));
        try
        {
            if (IsTiff(content)) return TiffPages.Count(content) is > 0 and var frames ? new(ScanFormat.Tiff, frames) : ScanPageCount.Unreadable;
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
}
