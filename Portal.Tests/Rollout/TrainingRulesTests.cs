using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Rollout;
using Portal.Tests.Agencies;

namespace Portal.Tests.Rollout;

/// <summary>Seed 000 §2-1: three stages, in order; the third at the agency's own address, for its own representatives.</summary>
public class TrainingRulesTests
{
    private static readonly DateOnly Day = new(2018, 7, 1);
    /// <summary>A day after every session of these tests: each has been held.</summary>
    private static readonly DateOnly Later = Day.AddYears(1);

    [Fact]
    public void SupplementaryStage_Planned_IsHeldAtTheAgencysAddress()
    {
        var (agency, review) = AgencyRulesTests.NewAgency();
        var session = TrainingSession.AtAgency(review, agency, Day, "کارشناس دفتر");
        Assert.Contains(agency.Address!, session.Place);
        Assert.Throws<DomainException>(() => TrainingSession.AtReviewOffice(review, TrainingStage.Supplementary, Day, "سالن", "مدرس"));
    }

    [Fact]
    public void StageTwo_WithoutStageOneOnOrBeforeItsDate_IsRefused()
    {
        var (agency, review) = AgencyRulesTests.NewAgency();
        var rep = agency.NameRepresentative(new("زهرا احمدی", "1234567891", "09121234567"), DateTimeOffset.UnixEpoch);
        var practical = TrainingSession.AtReviewOffice(review, TrainingStage.Practical, Day, "دفتر رسیدگی", "مدرس");
        practical.Enrol(rep);

        var ex = Assert.Throws<DomainException>(() => practical.Record(rep.Id, true, TrainingResult.Passed, [], Later));
        Assert.Contains("۱", TextNormalizer.ToPersianDigits(ex.Message));
        Assert.Throws<DomainException>(() => practical.Record(rep.Id, true, TrainingResult.Passed, [(TrainingStage.Theory, Day.AddDays(1))], Later));

        practical.Record(rep.Id, true, TrainingResult.Passed, [(TrainingStage.Theory, Day.AddDays(-7))], Later);
        Assert.True(Assert.Single(practical.Attendees).Attended);
    }

    [Fact]
    public void WithdrawAttendance_LaterStageAttended_IsRefused()
    {
        var (agency, review) = AgencyRulesTests.NewAgency();
        var rep = agency.NameRepresentative(new("زهرا احمدی", "1234567891", "09121234567"), DateTimeOffset.UnixEpoch);
        var theory = TrainingSession.AtReviewOffice(review, TrainingStage.Theory, Day, "سالن", "مدرس");
        theory.Enrol(rep);
        theory.Record(rep.Id, true, TrainingResult.Passed, [], Later);
        Assert.Throws<DomainException>(() => theory.Record(rep.Id, false, null, [(TrainingStage.Practical, Day.AddDays(7))], Later));
        theory.Record(rep.Id, false, null, [], Later);
        Assert.False(theory.Attendees.Single().Attended);
    }

    [Fact]
    public void Enrolment_RefusesReplacedRepresentatives_Duplicates_AndOtherAgenciesAtAnAgencySession()
    {
        var (agency, review) = AgencyRulesTests.NewAgency();
        var (other, _) = AgencyRulesTests.NewAgency();
        var rep = agency.NameRepresentative(new("زهرا احمدی", "1234567891", "09121234567"), DateTimeOffset.UnixEpoch);
        var stranger = other.NameRepresentative(new("رضا کریمی", "0499370899", "09121234567"), DateTimeOffset.UnixEpoch);
        var atAgency = TrainingSession.AtAgency(review, agency, Day, "مدرس");
        atAgency.Enrol(rep);
        Assert.Throws<DomainException>(() => atAgency.Enrol(rep));
        Assert.Throws<DomainException>(() => atAgency.Enrol(stranger));
    }

    [Fact]
    public void Attendance_OfASessionNotYetHeld_IsRefused_ButTheSessionMayBePlanned()
    {
        var (agency, review) = AgencyRulesTests.NewAgency();
        var rep = agency.NameRepresentative(new RepresentativeInput("زهرا کاظمی", "0499370899", "09131234567"), DateTimeOffset.UtcNow);
        var planned = TrainingSession.AtReviewOffice(review, TrainingStage.Theory, Day.AddDays(10), "سالن", "مدرس");
        planned.Enrol(rep);

        Assert.Equal("Training.NotYetHeld", Assert.Throws<DomainException>(() => planned.Record(rep.Id, true, TrainingResult.Passed, [], Day)).Key);
        planned.Record(rep.Id, true, TrainingResult.Passed, [], Day.AddDays(10));
        Assert.True(planned.Attendees.Single().Attended);
    }
}
