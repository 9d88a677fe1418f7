using Portal.Domain.Common;
using Portal.Domain.ElectronicFiles;

namespace Portal.Tests.ElectronicFiles;

/// <summary>The twelve steps of seed 003 on the entity alone: in order, slimming first, recount against the count, verifier not the scanner.</summary>
public sealed class ScanStepRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    private static TechnicalFile File(bool slimmed = true) =>
        new(1, 8, "BR-08-01-000001", 1, "0012345679", "علی رضایی", null, new ShelfLocation("1", "2", "3"), slimmed, "clerk", At);

    private static TechnicalFile ScannedBy(string scanner, int pages = 30)
    {
        var f = File();
        f.TakeOut("a", At);
        f.CountPages(pages, "a", At);
        f.Register("a", At);
        f.Prepare("a", At);
        f.Scan(scanner, At);
        f.CheckQuality([], null, "a", At);
        return f;
    }

    [Fact]
    public void NewFile_WaitsForStepOne_AndOnlyThatStepIsAllowed()
    {
        var f = File();
        Assert.Null(f.LastStep);
        Assert.Equal(ScanStepKind.OutOfArchive, f.NextStep);
        Assert.True(f.Allows(FileActions.TakeOut));
        Assert.False(f.Allows(FileActions.CountPages));
        Assert.False(f.Allows(FileActions.Scan));
    }

    [Fact]
    public void Step_OutOfOrder_IsRefusedInPersian_AndNothingIsRecorded()
    {
        using var persian = CultureScope.PersianMessages();
        var f = File();
        var refusal = Assert.Throws<DomainException>(() => f.Scan("a", At));
        Assert.Equal("ElectronicFiles.StepOutOfOrder", refusal.Key);
        Assert.Contains("به ترتیب", refusal.Message);
        Assert.Empty(f.Steps);
        f.TakeOut("a", At);
        Assert.Throws<DomainException>(() => f.TakeOut("a", At));
        Assert.Single(f.Steps);
    }

    [Fact]
    public void NotSlimmedFile_IsSlimmedFirst_ThenStepOne()
    {
        var f = File(slimmed: false);
        Assert.Equal(ScanStepKind.Slimmed, f.NextStep);
        Assert.Throws<DomainException>(() => f.TakeOut("a", At));
        f.Slim("a", At);
        Assert.True(f.Slimmed);
        Assert.Equal(ScanStepKind.OutOfArchive, f.NextStep);
        f.TakeOut("a", At);
        Assert.Equal([ScanStepKind.Slimmed, ScanStepKind.OutOfArchive], f.Steps.Select(s => s.Kind));
    }

    [Fact]
    public void SlimmedFile_CannotBeSlimmedAgain()
    {
        Assert.Throws<DomainException>(() => File().Slim("a", At));
    }

    [Fact]
    public void Verify_ByTheScanner_IsRefused_ByAnotherOfficial_IsRecorded()
    {
        using var persian = CultureScope.PersianMessages();
        var f = ScannedBy("scanner");
        var refusal = Assert.Throws<DomainException>(() => f.Verify("SCANNER", At));
        Assert.Equal("ElectronicFiles.VerifierIsScanner", refusal.Key);
        f.Verify("supervisor", At);
        Assert.Equal(ScanStepKind.Verified, f.LastStep);
        Assert.Equal("supervisor", f.Steps.Last().By);
    }

    [Fact]
    public void Recount_EqualToCount_MovesOn()
    {
        var f = ScannedBy("scanner", pages: 30);
        f.Verify("supervisor", At);
        f.Reassemble("a", At);
        f.Recount(30, "a", At);
        Assert.False(f.InDiscrepancy);
        Assert.Equal(ScanStepKind.Recounted, f.LastStep);
        Assert.Equal(ScanStepKind.BackOnShelf, f.NextStep);
    }

    [Fact]
    public void Recount_Different_StopsInDiscrepancy_ThenSupervisorResolvesWithReason()
    {
        using var persian = CultureScope.PersianMessages();
        var f = ScannedBy("scanner", pages: 30);
        f.Verify("supervisor", At);
        f.Reassemble("a", At);
        f.Recount(29, "a", At);

        Assert.True(f.InDiscrepancy);
        Assert.Equal(ScanStepKind.Reassembled, f.LastStep);
        Assert.True(f.Allows(FileActions.ResolveDiscrepancy));
        Assert.Throws<DomainException>(() => f.ReturnToShelf(null, "a", At));
        Assert.Equal("ElectronicFiles.ResolutionReasonRequired", Assert.Throws<DomainException>(() => f.ResolveDiscrepancy("  ", "supervisor", At)).Key);

        f.ResolveDiscrepancy("یک برگ تکراری در برگ‌شماری دوبار شمرده شده بود", "supervisor", At);

        Assert.False(f.InDiscrepancy);
        Assert.Equal(ScanStepKind.Recounted, f.LastStep);
        var step = f.Steps.Last();
        Assert.Equal(("supervisor", 29), (step.By, step.Count!.Value));
        Assert.Contains("دوبار شمرده", step.Note);
        Assert.Equal(ScanStepKind.BackOnShelf, f.NextStep);
    }

    [Fact]
    public void Recount_InDiscrepancy_CanBeRepeated_AndAnEqualCountClearsIt()
    {
        var f = ScannedBy("scanner", pages: 30);
        f.Verify("supervisor", At);
        f.Reassemble("a", At);
        f.Recount(31, "a", At);
        f.Recount(30, "a", At);
        Assert.False(f.InDiscrepancy);
        Assert.Equal(ScanStepKind.Recounted, f.LastStep);
    }

    [Fact]
    public void QualityCheck_WithRescannedPages_NeedsAReason_AndPagesWithinTheCount()
    {
        var f = File();
        f.TakeOut("a", At);
        f.CountPages(10, "a", At);
        f.Register("a", At);
        f.Prepare("a", At);
        f.Scan("s", At);
        Assert.Equal("ElectronicFiles.RescanReasonRequired", Assert.Throws<DomainException>(() => f.CheckQuality([3], null, "a", At)).Key);
        Assert.Equal("ElectronicFiles.RescanPageRange", Assert.Throws<DomainException>(() => f.CheckQuality([11], "تار", "a", At)).Key);
        f.CheckQuality([7, 3, 3], "تصویر تار بود", "a", At);
        var step = f.Steps.Last();
        Assert.Equal(2, step.Count);
        Assert.StartsWith("3، 7:", step.Note);
    }

    [Fact]
    public void StoreAndIndex_WithoutDocuments_AreRefused()
    {
        var f = ScannedBy("scanner", pages: 5);
        f.Verify("v", At);
        f.Reassemble("a", At);
        f.Recount(5, "a", At);
        f.ReturnToShelf(new ShelfLocation("9", "9", "9"), "a", At);
        Assert.Equal("9", f.ShelfRow);
        Assert.Equal("ElectronicFiles.NoImages", Assert.Throws<DomainException>(() => f.Store(0, "a", At)).Key);
        f.Store(2, "a", At);
        f.Index(2, "a", At);
        Assert.True(f.IsDone);
        Assert.Null(f.NextStep);
        Assert.Equal(FileActions.None, f.AllowedActions);
        Assert.Equal(12, f.Steps.Count);
    }

    [Fact]
    public void OutOfTurn_NeedsAReason_AndIsOfferedOnlyBeforeScanning()
    {
        var f = File();
        Assert.Equal("ElectronicFiles.OutOfTurnReasonRequired", Assert.Throws<DomainException>(() => f.MarkOutOfTurn(OutOfTurnReason.Service, "", "a", At)).Key);
        f.MarkOutOfTurn(OutOfTurnReason.Transfer, "انتقال به شعبه ۲ رفسنجان", "a", At);
        Assert.True(f.OutOfTurn);
        Assert.False(f.Allows(FileActions.MarkOutOfTurn));
        Assert.False(ScannedBy("s").Allows(FileActions.MarkOutOfTurn));
    }

    [Theory]
    [InlineData("۳، ۷، ۹-۱۱", new[] { 3, 7, 9, 10, 11 })]
    [InlineData("", new int[0])]
    [InlineData("5,5 2", new[] { 2, 5 })]
    public void RescanPages_ReadsPersianAndLatinLists(string typed, int[] expected)
    {
        var parsed = RescanPages.Parse(typed);
        Assert.True(parsed.IsValid);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("سه")]
    [InlineData("0")]
    [InlineData("5-2")]
    public void RescanPages_Garbage_IsRefused(string typed) => Assert.False(RescanPages.Parse(typed).IsValid);
}
