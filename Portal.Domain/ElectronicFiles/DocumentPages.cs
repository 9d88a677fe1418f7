using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using Portal.Domain.Security;
using SkiaSharp;

namespace Portal.Domain.ElectronicFiles;

/// <summary>
/// A scanned document's pages as PNG images for the viewer, each carrying the viewer's name and the time across it
/// (seed 003 part 3 §2: no unit gets paper copies; what is shown is marked with who looked). The mark is drawn into the
/// image on the server, so no copy of a page leaves the portal without it. A page out of the viewer's scope is not found.
/// </summary>
public sealed class DocumentPages(PortalDb portalDb, IFileStore files, TimeProvider clock)
{
    /// <summary>Full pages: an A4 page about 1,300 pixels tall, readable on a screen; thumbnails are cut down from it.</summary>
    public const int Dpi = 110;

    public async Task<byte[]?> PageAsync(int documentId, int page, int? width = null, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.ElectronicFilesRead, ct);
        var document = await db.ScannedDocuments.AsNoTracking().Where(d => d.Id == documentId)
            .Select(d => new { d.Sha256, d.ContentKind, d.Pages }).SingleOrDefaultAsync(ct);
        if (document is null || page < 1 || page > Math.Max(1, document.Pages)) return null;
        // Seekable: a PDF page is drawn from the file, a TIFF frame is found by jumping through the file.
        await using var content = await files.OpenSeekableAsync(document.Sha256, ct);
        if (content is null) return null;
        var format = document.ContentKind switch
        {
            FileKind.Pdf => ScanFormat.Pdf, FileKind.Tiff => ScanFormat.Tiff, FileKind.Jpeg => ScanFormat.Jpeg, FileKind.Png => ScanFormat.Png,
            _ => ScanFormat.Unknown,
        };
        ScanImage image;
        try
        {
            image = await ScanImages.PageAsync(content, format, page, Dpi, ct);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidDataException)
        {
            return null; // the stored scan has fewer pages than recorded (pdftoppm refuses the range): that page is not there
        }
        var at = JalaliDate.FromInstant(clock.GetUtcNow());
        var local = Tehran.ToLocal(clock.GetUtcNow());
        return Marked(image, $"{db.Actor.UserName}  {at.Year:0000}/{at.Month:00}/{at.Day:00} {local:HH:mm}", width);
    }

    /// <summary>The page, scaled to <paramref name="width"/> if asked, with the mark repeated diagonally across it.</summary>
    public static byte[] Marked(ScanImage image, string mark, int? width)
    {
        var scale = width is int w && w > 0 && w < image.Width ? (float)w / image.Width : 1f;
        var (outWidth, outHeight) = ((int)Math.Round(image.Width * scale), (int)Math.Round(image.Height * scale));
        using var gray = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        System.Runtime.InteropServices.Marshal.Copy(image.Gray, 0, gray.GetPixels(), image.Gray.Length);
        using var surface = SKSurface.Create(new SKImageInfo(outWidth, outHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using (var source = SKImage.FromBitmap(gray))
            canvas.DrawImage(source, new SKRect(0, 0, outWidth, outHeight), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var font = new SKFont(SKTypeface.Default, Math.Max(10, outWidth / 28f));
        using var ink = new SKPaint { Color = new SKColor(200, 30, 30, 70), IsAntialias = true };
        var step = font.Size * 7;
        canvas.Save();
        canvas.RotateDegrees(-30, outWidth / 2f, outHeight / 2f);
        for (var y = -outHeight; y < outHeight * 2; y += (int)step)
            for (var x = -outWidth; x < outWidth * 2; x += (int)(font.MeasureText(mark) + font.Size * 3))
                canvas.DrawText(mark, x, y, SKTextAlign.Left, font, ink);
        canvas.Restore();
        using var snapshot = surface.Snapshot();
        // A scanned page is noisy: zlib's default effort with every row filter tried took ~0.7 s for one 900-pixel page of a
        // 200-dpi scan (bench/electronic-files.sh), more than the viewer's whole budget for its first page; the Sub filter
        // at level 1 takes ~45 ms, for a file a fifth larger.
        using var pixels = snapshot.PeekPixels();
        using var png = pixels?.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 1)) ?? snapshot.Encode(SKEncodedImageFormat.Png, 90);
        return png.ToArray();
    }
}
