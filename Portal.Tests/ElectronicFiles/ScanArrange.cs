using BitMiracle.LibTiff.Classic;
using Portal.Domain.ElectronicFiles;
using SkiaSharp;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using ZXing.OneD;

namespace Portal.Tests.ElectronicFiles;

/// <summary>
/// Scans as a branch's scanner makes them, built in memory: grey A4 pages at 150 dpi (a printed paper rasterised by
/// pdftoppm, or a page of "text" drawn as lines), put together as a PDF of JPEG pages or a multi-page TIFF.
/// </summary>
public static class ScanArrange
{
    public const int Dpi = 150;
    private const int Width = 1240, Height = 1754; // A4 at 150 dpi

    /// <summary>A printed paper's pages as a scanner at <see cref="Dpi"/> would see them.</summary>
    public static async Task<List<ScanImage>> ScannedAsync(byte[] pdf)
    {
        var pages = new List<ScanImage>();
        await foreach (var page in ScanImages.ReadAsync(new MemoryStream(pdf), ScanFormat.Pdf, Dpi)) pages.Add(page);
        return pages;
    }

    /// <summary>A page of a file: rows of grey "words"; with <paramref name="label"/>, the file's label barcode stuck on it.</summary>
    public static ScanImage Page(int seed, string? label = null)
    {
        var random = new Random(seed);
        var pixels = new byte[Width * Height];
        Array.Fill(pixels, (byte)245);
        for (var y = 150; y < Height - 150; y += 40)
        for (var x = 120; x < Width - 120;)
        {
            var word = random.Next(30, 140);
            Fill(pixels, x, y, Math.Min(word, Width - 120 - x), 18, 40);
            x += word + random.Next(15, 30);
        }
        if (label is not null)
        {
            // A 50 mm label at 150 dpi: about 295 pixels for its modules, each drawn whole.
            var modules = new Code128Writer().encode(label);
            var unit = Math.Max(1, 295 / modules.Length);
            Fill(pixels, 100, 40, modules.Length * unit + 40, 90, 255);
            for (var m = 0; m < modules.Length; m++)
                if (modules[m]) Fill(pixels, 120 + m * unit, 50, unit, 70, 0);
        }
        return new ScanImage(0, Width, Height, pixels);
    }

    public static byte[] Pdf(IReadOnlyList<ScanImage> pages)
    {
        var builder = new PdfDocumentBuilder();
        foreach (var image in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddJpeg(Jpeg(image), new PdfRectangle(0, 0, page.PageSize.Width, page.PageSize.Height));
        }
        return builder.Build();
    }

    /// <summary>A multi-page TIFF, grey (LZW) or, as archive scanners keep black-and-white pages, 1 bit a pixel in CCITT Group 4.</summary>
    public static byte[] Tiff(IReadOnlyList<ScanImage> pages, bool bilevel = false)
    {
        using var memory = new MemoryStream();
        using (var tiff = BitMiracle.LibTiff.Classic.Tiff.ClientOpen("batch.tif", "w", memory, new KeepOpen()))
        {
            for (var p = 0; p < pages.Count; p++)
            {
                var image = pages[p];
                tiff.SetField(TiffTag.IMAGEWIDTH, image.Width);
                tiff.SetField(TiffTag.IMAGELENGTH, image.Height);
                tiff.SetField(TiffTag.BITSPERSAMPLE, bilevel ? 1 : 8);
                tiff.SetField(TiffTag.SAMPLESPERPIXEL, 1);
                tiff.SetField(TiffTag.PHOTOMETRIC, bilevel ? Photometric.MINISWHITE : Photometric.MINISBLACK);
                tiff.SetField(TiffTag.COMPRESSION, bilevel ? Compression.CCITTFAX4 : Compression.LZW);
                tiff.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
                tiff.SetField(TiffTag.ROWSPERSTRIP, 64);
                tiff.SetField(TiffTag.XRESOLUTION, (float)Dpi);
                tiff.SetField(TiffTag.YRESOLUTION, (float)Dpi);
                tiff.SetField(TiffTag.RESOLUTIONUNIT, ResUnit.INCH);
                tiff.SetField(TiffTag.SUBFILETYPE, FileType.PAGE);
                tiff.SetField(TiffTag.PAGENUMBER, p, pages.Count);
                for (var row = 0; row < image.Height; row++)
                    tiff.WriteScanline(bilevel ? Bits(image.Gray.AsSpan(row * image.Width, image.Width)) : image.Gray.AsSpan(row * image.Width, image.Width).ToArray(), row);
                tiff.WriteDirectory();
            }
        }
        return memory.ToArray();
    }

    // One bit a pixel, most significant first, 1 for black (MINISWHITE).
    private static byte[] Bits(ReadOnlySpan<byte> gray)
    {
        var bits = new byte[(gray.Length + 7) / 8];
        for (var x = 0; x < gray.Length; x++)
            if (gray[x] < 128) bits[x / 8] |= (byte)(0x80 >> (x % 8));
        return bits;
    }

    public static byte[] Png(ScanImage image) => Encode(image, SKEncodedImageFormat.Png, 100);

    public static byte[] Jpeg(ScanImage image) => Encode(image, SKEncodedImageFormat.Jpeg, 85);

    private static byte[] Encode(ScanImage image, SKEncodedImageFormat format, int quality)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        image.Gray.CopyTo(bitmap.GetPixelSpan());
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    private static void Fill(byte[] pixels, int x, int y, int w, int h, byte value)
    {
        for (var row = y; row < y + h; row++) pixels.AsSpan(row * Width + x, w).Fill(value);
    }

    private sealed class KeepOpen : TiffStream
    {
        public override void Close(object clientData) { }
    }
}
