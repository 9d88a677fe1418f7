namespace Portal.Documents;

/// <summary>An upload is an Excel workbook only if it is a zip: checked by content before ClosedXML is asked to open it.</summary>
internal static class XlsxFile
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    public static bool LooksLikeXlsx(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        stream.Position = 0;
        var read = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 4 && head.SequenceEqual(ZipMagic);
    }
}
