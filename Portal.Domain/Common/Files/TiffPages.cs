using System.Buffers.Binary;

namespace Portal.Domain.Common.Files;

/// <summary>
/// The pages of a TIFF, read from its structure: the header, then the chain of image file directories (one per page),
/// each with its entries inside the file. SkiaSharp does not decode TIFF, so this is the check by content that a file
/// starting "II*" or "MM*" is a TIFF and not something renamed.
/// </summary>
public static class TiffPages
{
    private const int MaxPages = 10_000;
    private const int MaxEntries = 4_096;

    /// <summary>The number of pages, or 0 when the structure is broken (an offset outside the file, a loop, no image tags).</summary>
    public static int Count(Stream content)
    {
        var length = content.Length;
        if (length < 8) return 0;
        Span<byte> header = stackalloc byte[8];
        content.Position = 0;
        if (content.ReadAtLeast(header, 8, throwOnEndOfStream: false) < 8) return 0;
        var little = header[0] == 0x49;
        if (ReadUInt16(header[2..], little) != 42) return 0;
        long offset = ReadUInt32(header[4..], little);
        var seen = new HashSet<long>();
        var pages = 0;
        Span<byte> two = stackalloc byte[2];
        Span<byte> entry = stackalloc byte[12];
        Span<byte> four = stackalloc byte[4];
        while (offset != 0)
        {
            if (offset < 8 || offset + 2 > length || !seen.Add(offset) || pages >= MaxPages) return 0;
            content.Position = offset;
            if (content.ReadAtLeast(two, 2, throwOnEndOfStream: false) < 2) return 0;
            int entries = ReadUInt16(two, little);
            if (entries is 0 or > MaxEntries || offset + 2 + entries * 12L + 4 > length) return 0;
            var hasWidth = false;
            var hasHeight = false;
            for (var i = 0; i < entries; i++)
            {
                if (content.ReadAtLeast(entry, 12, throwOnEndOfStream: false) < 12) return 0;
                var tag = ReadUInt16(entry, little);
                hasWidth |= tag == 256;
                hasHeight |= tag == 257;
            }
            if (!hasWidth || !hasHeight) return 0;
            if (content.ReadAtLeast(four, 4, throwOnEndOfStream: false) < 4) return 0;
            offset = ReadUInt32(four, little);
            pages++;
        }
        return pages;
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> b, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(b) : BinaryPrimitives.ReadUInt16BigEndian(b);

    private static uint ReadUInt32(ReadOnlySpan<byte> b, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(b) : BinaryPrimitives.ReadUInt32BigEndian(b);
}
