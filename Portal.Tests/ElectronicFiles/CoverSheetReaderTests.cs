using Microsoft.Extensions.DependencyInjection;
using Portal.Documents;
using Portal.Domain.ElectronicFiles;
using Portal.Features.ElectronicFiles;

namespace Portal.Tests.ElectronicFiles;

/// <summary>
/// A batch as a branch scans it: a cover sheet printed by the portal, two pages of the file (one with the file's own
/// label on it), a second cover sheet, three pages — scanned at 150 dpi into a PDF of JPEG pages and into a multi-page
/// TIFF, then split by <see cref="CoverSheetReader"/>.
/// </summary>
public sealed class CoverSheetReaderTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string First = "1405-0801-000123", Second = "1405-0801-000124";

    private async Task<List<ScanImage>> BatchAsync(bool leadingPage = false)
    {
        var papers = new ElectronicFilePapers(portal.Services.GetRequiredService<DocumentPrinter>());
        var covers = await ScanArrange.ScannedAsync(await papers.CoverSheetsAsync(
            [new CoverSheet(First, "زهرا احمدی‌نژاد", "0012345679"), new CoverSheet(Second, "علی کرمانی", "2980012345")]));
        List<ScanImage> pages = [covers[0], ScanArrange.Page(1, label: First), ScanArrange.Page(2), covers[1], ScanArrange.Page(3), ScanArrange.Page(4), ScanArrange.Page(5)];
        if (leadingPage) pages.Insert(0, ScanArrange.Page(6));
        return pages;
    }

    private static void AssertSplit(BatchSplit split, ScanFormat format, int offset = 0)
    {
        Assert.Equal(format, split.Format);
        Assert.Equal(7 + offset, split.PageCount);
        Assert.Collection(split.Sections,
            a => Assert.Equal((First, 1 + offset, new PageRange(2 + offset, 3 + offset)), (a.FileNumber, a.CoverPage, a.Pages!.Value)),
            b => Assert.Equal((Second, 4 + offset, new PageRange(5 + offset, 7 + offset)), (b.FileNumber, b.CoverPage, b.Pages!.Value)));
    }

    [Fact]
    public async Task APdfBatch_IsSplitAtItsCoverSheets()
    {
        var split = await new CoverSheetReader().SplitAsync(new MemoryStream(ScanArrange.Pdf(await BatchAsync())));

        AssertSplit(split, ScanFormat.Pdf);
        Assert.Null(split.Unassigned);
    }

    [Fact]
    public async Task ATiffBatch_IsSplitAtItsCoverSheets()
    {
        var split = await new CoverSheetReader().SplitAsync(new MemoryStream(ScanArrange.Tiff(await BatchAsync())));

        AssertSplit(split, ScanFormat.Tiff);
    }

    [Fact]
    public async Task ABlackAndWhiteTiffBatch_InGroup4_IsSplitAtItsCoverSheets()
    {
        var tiff = ScanArrange.Tiff(await BatchAsync(), bilevel: true);

        Assert.Equal(new ScanPageCount(ScanFormat.Tiff, 7), ScanPages.Count(new MemoryStream(tiff)));
        AssertSplit(await new CoverSheetReader().SplitAsync(new MemoryStream(tiff)), ScanFormat.Tiff);
    }

    [Fact]
    public async Task PagesBeforeTheFirstCoverSheet_AreReportedUnassigned()
    {
        var split = await new CoverSheetReader().SplitAsync(new MemoryStream(ScanArrange.Pdf(await BatchAsync(leadingPage: true))));

        AssertSplit(split, ScanFormat.Pdf, offset: 1);
        Assert.Equal(new PageRange(1, 1), split.Unassigned);
    }

    [Fact]
    public async Task ASingleImage_IsOnePage_ACoverSheetOrNot()
    {
        var covers = (await BatchAsync())[0];

        var cover = await new CoverSheetReader().SplitAsync(new MemoryStream(ScanArrange.Png(covers)));
        var page = await new CoverSheetReader().SplitAsync(new MemoryStream(ScanArrange.Jpeg(ScanArrange.Page(7))));

        Assert.Equal((ScanFormat.Png, 1, First), (cover.Format, cover.PageCount, Assert.Single(cover.Sections).FileNumber));
        Assert.Equal((ScanFormat.Jpeg, 1, new PageRange(1, 1)), (page.Format, page.PageCount, page.Unassigned!.Value));
    }

    [Fact]
    public async Task ACoverSheetScannedUpsideDown_IsStillRead()
    {
        var cover = (await BatchAsync())[0];
        var turned = cover with { Gray = [.. cover.Gray.Reverse()] }; // rotated 180°

        Assert.Equal(First, CoverSheetCode.FileNumberOf(Assert.Single(CoverSheetReader.Barcodes(turned))));
    }

    [Fact]
    public async Task AFileThatIsNoScan_IsUnknown_WithNoPages()
    {
        var split = await new CoverSheetReader().SplitAsync(new MemoryStream("<html>scan</html>"u8.ToArray()));

        Assert.Equal((ScanFormat.Unknown, 0, false), (split.Format, split.PageCount, split.HasCoverSheets));
    }

    [Fact]
    public async Task ALongFileNumber_IsStillRead_AtTheReadersResolution()
    {
        // Twenty characters: the cover sheet's bars are then about 0.6 mm, under two pixels at 75 dpi (60 dpi misses it).
        var papers = new ElectronicFilePapers(portal.Services.GetRequiredService<DocumentPrinter>());
        var cover = Assert.Single(await ScanArrange.ScannedAsync(await papers.CoverSheetsAsync([new CoverSheet("1405-0801-0001234567", "زهرا احمدی‌نژاد", "0012345679")])));

        var split = await new CoverSheetReader().SplitAsync(new MemoryStream(ScanArrange.Pdf([cover, ScanArrange.Page(8)])));

        Assert.Equal(("1405-0801-0001234567", new PageRange(2, 2)), (Assert.Single(split.Sections).FileNumber, split.Sections[0].Pages!.Value));
    }
}
