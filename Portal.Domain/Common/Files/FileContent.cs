using System.IO.Compression;
using System.IO.Packaging;
using SkiaSharp;
using UglyToad.PdfPig;

namespace Portal.Domain.Common.Files;

/// <summary>
/// Proves a file is what its first bytes claim by reading it as that kind: a PDF opens and every page parses, an image
/// decodes to its last row, a TIFF's chain of pages (IFDs) lies inside the file, a Word package is a valid Open Packaging package whose main part is XML.
/// </summary>
public static class FileContent
{
    public static bool IsWhole(FileKind kind, Stream content)
    {
        try
        {
            return kind switch
            {
                FileKind.Pdf => IsPdf(content),
                FileKind.Jpeg or FileKind.Png => IsImage(content),
                FileKind.Docx => IsOfficePackage(content, "/word/document.xml"),
                FileKind.Tiff => TiffPages.Count(content) > 0,
                _ => false,
            };
        }
        // Each library says "not mine" in its own way; a file that makes any of them throw is not that kind.
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            return false;
        }
    }

    private static bool IsPdf(Stream content)
    {
        // Strict: a lenient reader finds "objects" in any text that follows a %PDF header.
        using var pdf = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = false });
        if (pdf.NumberOfPages < 1) return false;
        foreach (var _ in pdf.GetPages()) { }
        return true;
    }

    private static bool IsImage(Stream content)
    {
        // The codec owns the stream it is given: a wrapper that leaves the upload open for the store.
        using var codec = SKCodec.Create(new SKManagedStream(content, disposeManagedStream: false));
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0) return false;
        // Decoded at the smallest size the codec offers (a JPEG at 1/8): every byte is still read, a scan's pixels are not all kept.
        var size = codec.GetScaledDimensions(0.125f);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        return codec.GetPixels(info, bitmap.GetPixels()) == SKCodecResult.Success;
    }

    /// <summary>An xlsx or docx: a ZIP with [Content_Types].xml that System.IO.Packaging opens, holding <paramref name="mainPart"/>.</summary>
    public static bool IsOfficePackage(Stream content, string mainPart)
    {
        using (var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true))
            if (zip.GetEntry("[Content_Types].xml") is null) return false;
        content.Position = 0;
        using var package = Package.Open(content, FileMode.Open, FileAccess.Read);
        var uri = new Uri(mainPart, UriKind.Relative);
        if (!package.PartExists(uri)) return false;
        using var part = package.GetPart(uri).GetStream(FileMode.Open, FileAccess.Read);
        using var xml = System.Xml.XmlReader.Create(part, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit });
        while (xml.Read()) { }
        return true;
    }
}
