using Portal.Domain.Common;
using Portal.Domain.Eligibility;

namespace Portal.Tests.Eligibility;

/// <summary>An objection's states without a database: open → under review → decided → closed, and no other way.</summary>
public sealed class ObjectionRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static Inquiry AnInquiry()
    {
        var inquiry = new Inquiry(At, 14050903, InquiryKind.General, InquiryChannel.Web, "kerman.medical", 7, 8, 11, "0084575948",
            CoverageDecision.No(CoverageReason.NotEnoughPremium));
        inquiry.Logged(42);
        return inquiry;
    }

    private static Objection Open() => new(AnInquiry(), "  بیمه‌شده می‌گوید حق بیمه ماه گذشته را پرداخته است  ", "۰۹۱۲ ۱۲۳ ۴۵۶۷", "callcenter", At);

    [Fact]
    public void AnObjection_IsFollowedToClosure_WithWhoAndWhenOfEachStep()
    {
        var objection = Open();
        Assert.Equal(ObjectionStatus.Open, objection.Status);
        Assert.Equal("09121234567", objection.CallerPhone);
        Assert.Equal((8, 7), (objection.ProvinceId, objection.CentreId));

        objection.StartReview("callcenter.b", At.AddHours(1));
        objection.Decide(ObjectionOutcome.Upheld, "حق بیمه آبان دیرتر ثبت شده بود؛ اکنون حمایت درمانی دارد.", "callcenter.c", At.AddHours(2));
        objection.Close("callcenter.d", At.AddHours(3));

        Assert.Equal(ObjectionStatus.Closed, objection.Status);
        Assert.Equal(ObjectionOutcome.Upheld, objection.Outcome);
        Assert.Equal(("callcenter.b", At.AddHours(1)), (objection.ReviewStartedBy, objection.ReviewStartedAt!.Value));
        Assert.Equal(("callcenter.c", At.AddHours(2)), (objection.DecidedBy, objection.DecidedAt!.Value));
        Assert.Equal(("callcenter.d", At.AddHours(3)), (objection.ClosedBy, objection.ClosedAt!.Value));
    }

    [Fact]
    public void SkippingOrRepeatingAStep_IsRefused_NamingTheStatus()
    {
        using var culture = CultureScope.PersianMessages();
        var objection = Open();

        var decideUnreviewed = Assert.Throws<DomainException>(() => objection.Decide(ObjectionOutcome.Rejected, "وارد نیست", "x", At));
        Assert.Equal("Objection.IllegalTransition", decideUnreviewed.Key);
        Assert.Contains("ثبت‌شده", decideUnreviewed.Message);
        Assert.Throws<DomainException>(() => objection.Close("x", At));
        objection.StartReview("x", At);
        Assert.Throws<DomainException>(() => objection.StartReview("x", At));
        Assert.Throws<DomainException>(() => objection.Close("x", At));
        objection.Decide(ObjectionOutcome.Rejected, "سابقه پرداخت کافی نیست.", "x", At);
        Assert.Throws<DomainException>(() => objection.Decide(ObjectionOutcome.Upheld, "دوباره", "x", At));
        objection.Close("x", At);
        Assert.Throws<DomainException>(() => objection.Close("x", At));
        Assert.Equal(ObjectionStatus.Closed, objection.Status);
    }

    [Fact]
    public void ADecision_NeedsItsText_AndAnObjection_ItsDescription()
    {
        var objection = Open();
        objection.StartReview("x", At);
        var version = objection.Version;

        Assert.Equal("Objection.DecisionRequired", Assert.Throws<DomainException>(() => objection.Decide(ObjectionOutcome.Upheld, "  ", "x", At)).Key);
        Assert.Equal(ObjectionStatus.UnderReview, objection.Status);
        Assert.Equal(version, objection.Version);
        Assert.Equal("Objection.DescriptionRequired", Assert.Throws<DomainException>(() => new Objection(AnInquiry(), " ", null, "x", At)).Key);
        Assert.Equal("Objection.PhoneFormat", Assert.Throws<DomainException>(() => new Objection(AnInquiry(), "شرح", "123", "x", At)).Key);
    }

    [Fact]
    public void ATrackingCode_WithOneDigitMistyped_OrTwoNeighboursSwapped_IsCaught()
    {
        using var culture = CultureScope.PersianMessages();
        var code = TrackingCode.FromSequence(123_456);
        Assert.Equal(code, TrackingCode.Check(TextNormalizer.ToPersianDigits(code)).Value);
        for (var i = 0; i < code.Length; i++)
        {
            var typo = code[..i] + (char)('0' + (code[i] - '0' + 1) % 10) + code[(i + 1)..];
            Assert.Contains("احتمالاً", TrackingCode.Check(typo).Error);
        }
        var swapAt = Enumerable.Range(0, code.Length - 1).First(i => code[i] != code[i + 1]);
        var swapped = code[..swapAt] + code[swapAt + 1] + code[swapAt] + code[(swapAt + 2)..];
        Assert.False(TrackingCode.Check(swapped).IsValid);
    }
}
