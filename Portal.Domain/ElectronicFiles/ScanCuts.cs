using BitMiracle.LibTiff.Classic;
using Portal.Domain.Common.Files;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Writer;

namespace Portal.Domain.ElectronicFiles;

/// <summary>
/// Some pages of a batch scan as a scan of their own, in the batch's format and without decoding a page: a PDF's pages
/// copied by PdfPig, a TIFF's frames copied with their compressed strips as they are (as libtiff's tiffsplit copies them).
/// </summary>
public static class ScanCuts
{
    // What a scanned frame's image needs; the strips' offsets and counts are written anew.
    private static readonly TiffTag[] FrameTags =
    [
        TiffTag.IMAGEWIDTH, TiffTag.IMAGELENGTH, TiffTag.BITSPERSAMPLE, TiffTag.SAMPLESPERPIXEL, TiffTag.COMPRESSION,
        TiffTag.PHOTOMETRIC, TiffTag.FILLORDER, TiffTag.ORIENTATION, TiffTag.PLANARCONFIG, TiffTag.ROWSPERSTRIP,
        TiffTag.TILEWIDTH, TiffTag.TILELENGTH, TiffTag.XRESOLUTION, TiffTag.YRESOLUTION, TiffTag.RESOLUTIONUNIT,
        TiffTag.T4OPTIONS, TiffTag.T6OPTIONS, TiffTag.PREDICTOR, TiffTag.COLORMAP, TiffTag.EXTRASAMPLES, TiffTag.SAMPLEFORMAT,
        TiffTag.JPEGTABLES, TiffTag.YCBCRSUBSAMPLING, TiffTag.YCBCRPOSITIONING, TiffTag.REFERENCEBLACKWHITE,
    ];

    /// <summary>Pages <paramref name="pages"/> of <paramref name="scan"/> (a PDF or a TIFF); the stream is left at its start.</summary>
    public static byte[] Cut(Stream scan, ScanFormat format, PageRange pages)
    {
        scan.Position = 0;
        try
        {
            return format switch
            {
                ScanFormat.Pdf => Pdf(scan, pages),
                ScanFormat.Tiff => Tiff(scan, pages),
                _ => throw new ArgumentException("Only a PDF or a TIFF batch is cut into files.", nameof(format)),
            };
        }
        finally
        {
            scan.Position = 0;
        }
    }

    private static byte[] Pdf(Stream scan, PageRange pages)
    {
        using var source = PdfDocument.Open(scan, new ParsingOptions { UseLenientParsing = false });
        using var builder = new PdfDocumentBuilder();
        foreach (var page in pages.Pages) builder.AddPage(source, page);
        return builder.Build();
    }

    private static byte[] Tiff(Stream scan, PageRange pages)
    {
        using var source = TiffReading.Open(scan) ?? throw new InvalidDataException("The TIFF does not open.");
        var output = new MemoryStream();
        using (var target = BitMiracle.LibTiff.Classic.Tiff.ClientOpen("cut", "w", output, new KeptOpen())
            ?? throw new InvalidDataException("The TIFF cannot be written."))
        {
            var number = 0;
            foreach (var page in pages.Pages)
            {
                if (!source.SetDirectory((short)(page - 1))) throw new InvalidDataException($"The TIFF has no page {page}.");
                foreach (var tag in FrameTags)
                {
                    if (source.GetField(tag) is { } values) target.SetField(tag, [.. values.Select(v => v.Value)]);
                }
                target.SetField(TiffTag.SUBFILETYPE, FileType.PAGE);
                target.SetField(TiffTag.PAGENUMBER, number++, pages.Count);
                CopyRaw(source, target);
                if (!target.WriteDirectory()) throw new InvalidDataException($"Page {page} of the TIFF cannot be copied.");
            }
        }
        return output.ToArray();
    }

    private static void CopyRaw(Tiff source, Tiff target)
    {
        var tiled = source.IsTiled();
        var counts = source.GetField(tiled ? TiffTag.TILEBYTECOUNTS : TiffTag.STRIPBYTECOUNTS)?[0].TolongArray()
            ?? throw new InvalidDataException("A TIFF page without its byte counts.");
        for (var i = 0; i < counts.Length; i++)
        {
            var size = checked((int)counts[i]);
            var buffer = new byte[size];
            var read = tiled ? source.ReadRawTile(i, buffer, 0, size) : source.ReadRawStrip(i, buffer, 0, size);
            if (read < 0) throw new InvalidDataException("A TIFF page's data does not read.");
            var written = tiled ? target.WriteRawTile(i, buffer, read) : target.WriteRawStrip(i, buffer, read);
            if (written < 0) throw new InvalidDataException("A TIFF page's data cannot be written.");
        }
    }

    private sealed class KeptOpen : TiffStream
    {
        public override void Close(object clientData) { } // the MemoryStream is read after
    }
}
