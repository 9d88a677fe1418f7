using BitMiracle.LibTiff.Classic;

namespace Portal.Domain.Common.Files;

/// <summary>
/// The pages of a TIFF, read by LibTiff.NET: each frame (image file directory) must have a width and a height and every
/// one of its strips (or tiles) must be in the file, so a scan cut short in transfer, or a file that only starts "II*"
/// or "MM*", counts no pages. SkiaSharp does not decode TIFF, so this is also the check by content that a TIFF is one.
/// </summary>
public static class TiffPages
{
    /// <summary>The number of pages, or 0 when the TIFF does not open, a frame has no size, or any strip or tile is missing.</summary>
    public static int Count(Stream content)
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
