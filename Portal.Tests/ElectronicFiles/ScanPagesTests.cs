using System.Text;
using Portal.Domain.ElectronicFiles;

namespace Portal.Tests.ElectronicFiles;

public sealed class ScanPagesTests
{
    private static ScanPageCount Count(byte[] content) => ScanPages.Count(new MemoryStream(content));

    private static readonly ScanImage[] FivePages = [.. Enumerable.Range(1, 5).Select(i => ScanArrange.Page(i))];

    [Fact]
    public void APdf_CountsItsPages()
    {
        Assert.Equal(new ScanPageCount(ScanFormat.Pdf, 5), Count(ScanArrange.Pdf(FivePages)));
    }

    [Fact]
    public void ATiff_CountsItsFrames()
    {
        Assert.Equal(new ScanPageCount(ScanFormat.Tiff, 5), Count(ScanArrange.Tiff(FivePages)));
    }

    [Fact]
    public void AnImage_IsOnePage()
    {
        Assert.Equal(new ScanPageCount(ScanFormat.Png, 1), Count(ScanArrange.Png(FivePages[0])));
        Assert.Equal(new ScanPageCount(ScanFormat.Jpeg, 1), Count(ScanArrange.Jpeg(FivePages[0])));
    }

    [Fact]
    public void AViewedPage_IsAPngOfTheAskedWidth_WithTheViewersMarkAcrossIt()
    {
        var page = ScanArrange.Page(3);

        var png = DocumentPages.Marked(page, "kerman.branch.staff  1405/09/12 10:30", 300);

        using var image = SkiaSharp.SKBitmap.Decode(png);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]); // \x89 P N G
        Assert.Equal((300, (int)Math.Round(page.Height * 300.0 / page.Width)), (image.Width, image.Height));
        // The mark is drawn in translucent red over the grey page: some pixels are redder than they are green.
        Assert.Contains(image.Pixels, p => p.Red > p.Green + 20);
    }

    [Fact]
    public void ACountThatDiffersFromTheHandCount_IsFlagged()
    {
        var count = Count(ScanArrange.Tiff(FivePages));

        Assert.True(count.DiffersFrom(6));
        Assert.False(count.DiffersFrom(5));
    }

    [Fact]
    public void RenamedOrDamagedFiles_AreUnknown_WithNoPages()
    {
        var tiff = ScanArrange.Tiff(FivePages);

        Assert.Equal(ScanPageCount.Unreadable, Count(Encoding.UTF8.GetBytes("<html><body>scan.pdf</body></html>")));
        Assert.Equal(ScanPageCount.Unreadable, Count([.. "II*\0"u8, .. new byte[64]])); // a TIFF header and nothing after
        Assert.Equal(ScanPageCount.Unreadable, Count([.. "%PDF-1.4\n"u8, .. "<script>alert(1)</script>"u8]));
        Assert.Equal(ScanPageCount.Unreadable, Count(tiff[..(tiff.Length / 2)]));
        Assert.Equal(ScanPageCount.Unreadable, Count([0x4D, 0x5A, 0x90, 0x00])); // an executable
    }
}
