using Portal.Domain.Common;
using Portal.Domain.Eligibility;

namespace Portal.Tests.Eligibility;

/// <summary>The default policy, pinned: each relation against each rule's edge (seed 002, README "Eligibility policy").</summary>
public sealed class EligibilityPolicyTests
{
    private static readonly EligibilityPolicy Policy = new(new EligibilityPolicyOptions());

    private static DateOnly D(int y, int m, int d) => new JalaliDate(y, m, d).ToDateOnly();

    private static CoverageFacts Main => new(InsuranceRelation.MainInsured, Sex.Male, D(1360, 1, 1), false, null, false);
    private static CoverageFacts Pensioner(bool active) => new(InsuranceRelation.Pensioner, Sex.Male, D(1335, 1, 1), active, null, false);
    private static CoverageFacts Dependant(InsuranceRelation relation, Sex sex, DateOnly born, DateOnly? enrolledUntil = null, bool birthCertificate = false) =>
        new(relation, sex, born, false, enrolledUntil, birthCertificate);

    private static PaidMonth[] Paid(params (int Year, int Month, int Days)[] months) => [.. months.Select(m => new PaidMonth(m.Year * 100 + m.Month, m.Days))];

    [Theory]
    [InlineData(30, true)]
    [InlineData(29, false)]
    public void AMainInsured_NeedsThirtyPaidDays_InTheTwelveMonthsBeforeTheInquiryMonth(int days, bool covered)
    {
        var decision = Policy.Decide(Main, null, Paid((1405, 8, days)), D(1405, 9, 15));

        Assert.Equal(covered, decision.Covered);
        Assert.Equal(covered ? D(1405, 9, 30) : null, decision.EndsOn);
        Assert.Equal(covered ? CoverageReason.Covered : CoverageReason.NotEnoughPremium, decision.Reason);
    }

    [Fact]
    public void DaysSpreadOverTheWindow_Count_ButNotTheMonthBeforeIt_NorTheInquiryMonth()
    {
        Assert.True(Policy.Decide(Main, null, Paid((1404, 9, 10), (1405, 3, 10), (1405, 8, 10)), D(1405, 9, 15)).Covered);
        // 1404/08 is the thirteenth month back: outside the window.
        Assert.False(Policy.Decide(Main, null, Paid((1404, 8, 20), (1405, 8, 10)), D(1405, 9, 15)).Covered);
        // Days of the inquiry's own month are not in the window.
        Assert.False(Policy.Decide(Main, null, Paid((1405, 9, 31)), D(1405, 9, 15)).Covered);
    }

    [Fact]
    public void ThirtyDaysAtTheStartOfTheWindow_AreNotEnough_WhenTheirGraceHasRunOut()
    {
        // Paid in 1404/09 only: the end date is the last day of 1404/10, long before the inquiry.
        var decision = Policy.Decide(Main, null, Paid((1404, 9, 30)), D(1405, 9, 15));

        Assert.False(decision.Covered);
        Assert.Equal(CoverageReason.NotEnoughPremium, decision.Reason);
    }

    [Fact]
    public void TheEndDate_IsTheLastDayOfTheMonthAfterTheLatestPaidMonth_ToTheDay()
    {
        var premiums = Paid((1405, 7, 30));

        Assert.Equal((true, D(1405, 8, 30)), (Policy.Decide(Main, null, premiums, D(1405, 8, 30)) is var last ? (last.Covered, last.EndsOn!.Value) : default));
        Assert.False(Policy.Decide(Main, null, premiums, D(1405, 9, 1)).Covered);
        // Paid in the inquiry's month as well: the end moves to the month after it.
        Assert.Equal(D(1405, 10, 30), Policy.Decide(Main, null, Paid((1405, 8, 30), (1405, 9, 12)), D(1405, 9, 15)).EndsOn);
    }

    [Fact]
    public void Esfand30OfALeapYear_IsTheEndDate_AndTheNextDayIsOutside()
    {
        Assert.True(JalaliDate.IsLeapYear(1403));
        var premiums = Paid((1403, 11, 30));

        var onEsfand30 = Policy.Decide(Main, null, premiums, D(1403, 12, 30));

        Assert.Equal((true, D(1403, 12, 30)), (onEsfand30.Covered, onEsfand30.EndsOn!.Value));
        Assert.False(Policy.Decide(Main, null, premiums, D(1404, 1, 1)).Covered);
        // A pensioner's end date is the last day of the inquiry's month: Esfand 30 in a leap year.
        Assert.Equal(D(1403, 12, 30), Policy.Decide(Pensioner(true), null, [], D(1403, 12, 5)).EndsOn);
    }

    [Fact]
    public void APensioner_IsCoveredWhileThePensionIsPaid_UntilTheEndOfTheMonth()
    {
        Assert.Equal((true, D(1405, 9, 30)), Policy.Decide(Pensioner(true), null, [], D(1405, 9, 15)) is var d ? (d.Covered, d.EndsOn!.Value) : default);
        Assert.Equal(CoverageReason.PensionStopped, Policy.Decide(Pensioner(false), null, [], D(1405, 9, 15)).Reason);
    }

    [Theory]
    [InlineData(InsuranceRelation.Spouse, Sex.Female)]
    [InlineData(InsuranceRelation.Parent, Sex.Male)]
    [InlineData(InsuranceRelation.Parent, Sex.Female)]
    public void Dependant_SpouseOrParent_FollowsTheMainInsuredOrPensioner(InsuranceRelation relation, Sex sex)
    {
        var person = Dependant(relation, sex, D(1340, 5, 5));
        var on = D(1405, 9, 15);

        Assert.Equal(D(1405, 9, 30), Policy.Decide(person, Main, Paid((1405, 8, 30)), on).EndsOn);
        Assert.Equal(CoverageReason.PrincipalNotCovered, Policy.Decide(person, Main, Paid((1405, 8, 29)), on).Reason);
        Assert.True(Policy.Decide(person, Pensioner(true), [], on).Covered);
        Assert.Equal(CoverageReason.PrincipalNotCovered, Policy.Decide(person, Pensioner(false), [], on).Reason);
    }

    [Fact]
    public void ASon_IsCoveredWithoutACertificate_UntilTheDayBeforeHisNineteenthBirthday()
    {
        var son = Dependant(InsuranceRelation.Son, Sex.Male, D(1386, 9, 15));
        var premiums = Paid((1405, 8, 30));

        Assert.True(Policy.Decide(son, Main, premiums, D(1405, 9, 14)).Covered);
        var onBirthday = Policy.Decide(son, Main, premiums, D(1405, 9, 15));

        Assert.Equal(CoverageReason.SonWithoutCertificate, onBirthday.Reason);
        Assert.False(onBirthday.Covered);
        Assert.True(onBirthday.ServedUnderManualRules);
    }

    [Fact]
    public void ASonOfNineteen_IsCoveredOnlyWhileHisCertificateIsValid_UntilTheEarlierEnd()
    {
        var born = D(1380, 1, 1);
        var on = D(1405, 9, 15);
        var premiums = Paid((1405, 8, 30));

        Assert.Equal(CoverageReason.SonWithoutCertificate, Policy.Decide(Dependant(InsuranceRelation.Son, Sex.Male, born, D(1405, 9, 14)), Main, premiums, on).Reason);
        Assert.Equal(D(1405, 9, 15), Policy.Decide(Dependant(InsuranceRelation.Son, Sex.Male, born, D(1405, 9, 15)), Main, premiums, on).EndsOn);
        Assert.Equal(D(1405, 9, 20), Policy.Decide(Dependant(InsuranceRelation.Son, Sex.Male, born, D(1405, 9, 20)), Main, premiums, on).EndsOn);
        Assert.Equal(D(1405, 9, 30), Policy.Decide(Dependant(InsuranceRelation.Son, Sex.Male, born, D(1406, 6, 31)), Main, premiums, on).EndsOn);
    }

    [Fact]
    public void ADaughter_IsCoveredOnlyWithHerBirthCertificateOnFile_AtAnyAge()
    {
        var on = D(1405, 9, 15);
        var premiums = Paid((1405, 8, 30));

        Assert.True(Policy.Decide(Dependant(InsuranceRelation.Daughter, Sex.Female, D(1380, 1, 1), birthCertificate: true), Main, premiums, on).Covered);
        var without = Policy.Decide(Dependant(InsuranceRelation.Daughter, Sex.Female, D(1395, 1, 1)), Main, premiums, on);
        Assert.Equal(CoverageReason.DaughterWithoutBirthCertificate, without.Reason);
        Assert.True(without.ServedUnderManualRules);
        // Without her certificate she is not covered, even while her father's coverage would carry her.
        Assert.Equal(CoverageReason.PrincipalNotCovered, Policy.Decide(Dependant(InsuranceRelation.Daughter, Sex.Female, D(1395, 1, 1), birthCertificate: true), Main, [], on).Reason);
    }

    [Fact]
    public void Age_CountedFromTheJalaliBirthday_Esfand30InACommonYearIsTheFirstOfFarvardin()
    {
        Assert.True(JalaliDate.IsLeapYear(1387));
        var born = D(1387, 12, 30);

        Assert.Equal(17, EligibilityPolicy.AgeOn(born, D(1405, 12, 29)));
        Assert.Equal(18, EligibilityPolicy.AgeOn(born, D(1406, 1, 1)));
        Assert.Equal(19, EligibilityPolicy.AgeOn(D(1386, 9, 15), D(1405, 9, 15)));
        Assert.Equal(18, EligibilityPolicy.AgeOn(D(1386, 9, 15), D(1405, 9, 14)));
    }

    [Fact]
    public void Policy_StricterSettings_DecidesDifferently()
    {
        var strict = new EligibilityPolicy(new EligibilityPolicyOptions { MinimumPaidDays = 60, GraceMonths = 0 });

        Assert.False(strict.Decide(Main, null, Paid((1405, 8, 30)), D(1405, 9, 15)).Covered);
        // No grace month: covered only to the end of the latest paid month.
        Assert.Equal(D(1405, 9, 30), strict.Decide(Main, null, Paid((1405, 7, 30), (1405, 8, 30), (1405, 9, 10)), D(1405, 9, 15)).EndsOn);
        Assert.False(strict.Decide(Main, null, Paid((1405, 7, 30), (1405, 8, 30)), D(1405, 9, 15)).Covered);
    }
}
