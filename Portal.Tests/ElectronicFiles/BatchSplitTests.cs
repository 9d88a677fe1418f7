using Portal.Domain.ElectronicFiles;

namespace Portal.Tests.ElectronicFiles;

public sealed class BatchSplitTests
{
    private static BatchSplit Split(params string[][] pages) => BatchSplit.FromBarcodes(ScanFormat.Pdf, pages);

    [Fact]
    public void CoverSheets_EachTakeThePagesUpToTheNext_AndAreNoneOfThem()
    {
        var split = Split([CoverSheetCode.For("A-1")], [], [], [CoverSheetCode.For("B-2")], [], [], []);

        Assert.Null(split.Unassigned);
        Assert.Equal(7, split.PageCount);
        Assert.Collection(split.Sections,
            a => Assert.Equal(("A-1", 1, new PageRange(2, 3)), (a.FileNumber, a.CoverPage, a.Pages!.Value)),
            b => Assert.Equal(("B-2", 4, new PageRange(5, 7)), (b.FileNumber, b.CoverPage, b.Pages!.Value)));
    }

    [Fact]
    public void PagesBeforeTheFirstCoverSheet_AreUnassigned()
    {
        var split = Split([], [], [CoverSheetCode.For("A-1")], []);

        Assert.Equal(new PageRange(1, 2), split.Unassigned);
        Assert.Equal(new PageRange(4, 4), Assert.Single(split.Sections).Pages);
    }

    [Fact]
    public void TwoCoverSheetsInARow_LeaveTheFirstFileEmpty()
    {
        var split = Split([CoverSheetCode.For("A-1")], [CoverSheetCode.For("B-2")], []);

        Assert.Equal(0, split.Sections[0].PageCount);
        Assert.Null(split.Sections[0].Pages);
        Assert.Equal(1, split.Sections[1].PageCount);
    }

    [Fact]
    public void AFilesOwnLabel_ScannedWithIt_DoesNotStartAFile()
    {
        var split = Split([CoverSheetCode.For("A-1")], ["A-1"], ["9990001"], []);

        Assert.Equal(new PageRange(2, 4), Assert.Single(split.Sections).Pages);
    }

    [Fact]
    public void ABatchWithoutCoverSheets_IsAllUnassigned()
    {
        var split = Split([], ["A-1"], []);

        Assert.False(split.HasCoverSheets);
        Assert.Equal(new PageRange(1, 3), split.Unassigned);
    }

    [Theory]
    [InlineData("PF:1405-08-000123", "1405-08-000123")]
    [InlineData("PF: 77 ", "77")]
    [InlineData("PF:", null)]
    [InlineData("1405-08-000123", null)]
    [InlineData("pf:12", null)]
    public void CoverSheetCode_NamesAFile_OnlyAfterItsPrefix(string barcode, string? number) =>
        Assert.Equal(number, CoverSheetCode.FileNumberOf(barcode));
}
