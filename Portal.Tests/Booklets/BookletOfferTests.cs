using Portal.Domain.Booklets;
using Portal.Domain.Common;
using Portal.Domain.Eligibility;
using Ask = Portal.Domain.Booklets.BookletCounter.Ask;

namespace Portal.Tests.Booklets;

/// <summary>What the counter offers a member, from the booklet's state and the eligibility policy's decision.</summary>
public sealed class BookletOfferTests
{
    private static readonly DateOnly Today = new JalaliDate(1405, 9, 13).ToDateOnly();
    private static readonly DateOnly EndOfCover = new JalaliDate(1405, 10, 30).ToDateOnly();
    private static readonly CoverageDecision Covered = new(true, EndOfCover, CoverageReason.Covered);

    [Fact]
    public void Extend_AnExpiredBooklet_IsARenewal_AValidOne_ACredit_BothToTheEndOfCover()
    {
        Assert.Equal(new BookletCounter.Offer(BookletServiceType.Renewal, null, EndOfCover), BookletCounter.OfferFor(Ask.Extend, Today.AddDays(-1), Covered, Today));
        Assert.Equal(new BookletCounter.Offer(BookletServiceType.Credit, null, EndOfCover), BookletCounter.OfferFor(Ask.Extend, Today, Covered, Today));
    }

    [Fact]
    public void Extend_ABookletAlreadyValidToTheEndOfCover_IsRefused_AndOneWithoutBooklet_AsksForANewOne()
    {
        Assert.Equal(BookletRefusal.AlreadyValid, BookletCounter.OfferFor(Ask.Extend, EndOfCover, Covered, Today).Refusal);
        Assert.Null(BookletCounter.OfferFor(Ask.Extend, EndOfCover.AddDays(-1), Covered, Today).Refusal);
        Assert.Equal(BookletRefusal.NoBooklet, BookletCounter.OfferFor(Ask.Extend, null, Covered, Today).Refusal);
        Assert.Equal(BookletRefusal.NoBooklet, BookletCounter.OfferFor(Ask.Duplicate, null, Covered, Today).Refusal);
        Assert.Equal(BookletRefusal.HasBooklet, BookletCounter.OfferFor(Ask.NewBooklet, Today, Covered, Today).Refusal);
    }

    [Fact]
    public void ADuplicate_KeepsALaterValidityThanTheCover_ANewBooklet_IsValidToTheEndOfCover()
    {
        var later = EndOfCover.AddMonths(2);
        Assert.Equal(later, BookletCounter.OfferFor(Ask.Duplicate, later, Covered, Today).NewValidUntil);
        Assert.Equal(EndOfCover, BookletCounter.OfferFor(Ask.Duplicate, Today.AddDays(-30), Covered, Today).NewValidUntil);
        Assert.Equal(new BookletCounter.Offer(BookletServiceType.NewBooklet, null, EndOfCover), BookletCounter.OfferFor(Ask.NewBooklet, null, Covered, Today));
    }

    [Theory]
    [InlineData(CoverageReason.NotEnoughPremium, BookletRefusal.NotEnoughPremium)]
    [InlineData(CoverageReason.PensionStopped, BookletRefusal.PensionStopped)]
    [InlineData(CoverageReason.PrincipalNotCovered, BookletRefusal.PrincipalNotCovered)]
    [InlineData(CoverageReason.SonWithoutCertificate, BookletRefusal.SonWithoutCertificate)]
    [InlineData(CoverageReason.DaughterWithoutBirthCertificate, BookletRefusal.DaughterWithoutBirthCertificate)]
    public void EveryServiceForAPersonNotCovered_IsRefused_WithThePolicysReason(CoverageReason reason, BookletRefusal refusal)
    {
        var decision = CoverageDecision.No(reason);
        Assert.All(new[] { (Ask.Extend, (DateOnly?)Today), (Ask.Duplicate, Today), (Ask.NewBooklet, null) },
            ask => Assert.Equal(refusal, BookletCounter.OfferFor(ask.Item1, ask.Item2, decision, Today).Refusal));
    }
}
