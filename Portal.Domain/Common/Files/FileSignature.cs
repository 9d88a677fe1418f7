using System.IO.Compression;

namespace Portal.Domain.Common.Files;

public enum FileKind { Unknown, Pdf, Docx, Jpeg, Png, Tiff }

/// <summary>
/// What a file really is. Its first bytes say what it claims to be; the claim is then proved by reading the file as
/// that kind (<see cref="FileContent"/>): a file that starts like a PDF but is HTML after the header is Unknown. The
/// name's extension and the browser's declared type are whatever the uploader's machine says, so neither is trusted.
/// </summary>
public static class FileSignature
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] TiffIntel = [0x49, 0x49, 0x2A, 0x00];
    private static readonly byte[] TiffMotorola = [0x4D, 0x4D, 0x00, 0x2A];

    /// <summary>Reads a seekable stream's kind and puts the position back at the start.</summary>
    public static FileKind Detect(Stream content)
    {
        if (!content.CanSeek) throw new ArgumentException("Detecting a file's kind needs a seekable stream.", nameof(content));
        try
        {
            var claimed = Claimed(content);
            content.Position = 0;
            return claimed != FileKind.Unknown && FileContent.IsWhole(claimed, content) ? claimed : FileKind.Unknown;
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static FileKind Claimed(Stream content)
    {
        content.Position = 0;
        Span<byte> head = stackalloc byte[8];
        var n = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..n];
        if (head.StartsWith(Pdf)) return FileKind.Pdf;
        if (head.StartsWith(Png)) return FileKind.Png;
        if (head.StartsWith(Jpeg)) return FileKind.Jpeg;
        if (head.StartsWith(TiffIntel) || head.StartsWith(TiffMotorola)) return FileKind.Tiff;
        return head.StartsWith(Zip) && IsWordDocument(content) ? FileKind.Docx : FileKind.Unknown;
    }

    public static string ContentType(FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        FileKind.Tiff => "image/tiff",
        _ => "application/octet-stream",
    };

    public static string Extension(FileKind kind) => kind switch
    {
        FileKind.Pdf => ".pdf",
        FileKind.Docx => ".docx",
        FileKind.Jpeg => ".jpg",
        FileKind.Png => ".png",
        FileKind.Tiff => ".tif",
        _ => "",
    };

    // Any ZIP starts with PK: only a Word package has its main part. Reading the directory decompresses nothing.
    private static bool IsWordDocument(Stream content)
    {
        try
        {
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return zip.Entries.Any(e => e.FullName == "word/document.xml");
        }
        catch (InvalidDataException)
        {
            return false; // a damaged or fake ZIP
        }
    }
}
