using Portal.Domain.Common;

namespace Portal.Domain.Eligibility;

/// <summary>
/// The default eligibility policy's settings (section <c>Eligibility:Policy</c>). A main insured is covered with at
/// least <see cref="MinimumPaidDays"/> paid days in the <see cref="WindowMonths"/> Jalali months before the inquiry's
/// month, until the last day of the month <see cref="GraceMonths"/> after the latest month with paid days; a son from
/// <see cref="SonAgeLimit"/> needs a valid university certificate.
/// </summary>
public sealed class EligibilityPolicyOptions
{
    public int MinimumPaidDays { get; set; } = 30;
    public int WindowMonths { get; set; } = 12;
    public int GraceMonths { get; set; } = 1;
    public int SonAgeLimit { get; set; } = 19;
}

/// <summary>Why the answer is what it is; the inquiry services say only covered or not, staff pages say why.</summary>
public enum CoverageReason
{
    Covered = 1,
    /// <summary>Fewer paid days than the minimum in the window, or the latest paid month's grace has run out.</summary>
    NotEnoughPremium,
    PensionStopped,
    /// <summary>The main insured or pensioner the dependant follows is not covered.</summary>
    PrincipalNotCovered,
    /// <summary>A son of 19 or more without a certificate valid on the day (seed 002 note 5: served under the manual rules).</summary>
    SonWithoutCertificate,
    /// <summary>A daughter whose birth certificate is not on file (seed 002 note 5).</summary>
    DaughterWithoutBirthCertificate,
    /// <summary>No such person: answered exactly like "not covered".</summary>
    Unknown,
}

/// <summary>What the policy decided for one person on one day: covered or not, until when, and why.</summary>
public readonly record struct CoverageDecision(bool Covered, DateOnly? EndsOn, CoverageReason Reason)
{
    public static CoverageDecision No(CoverageReason reason) => new(false, null, reason);

    /// <summary>The children the seed's note 5 sends to the current manual rules until the electronic links exist.</summary>
    public bool ServedUnderManualRules => Reason is CoverageReason.SonWithoutCertificate or CoverageReason.DaughterWithoutBirthCertificate;
}

/// <summary>The facts of one person that decide coverage; a dependant's premiums are their principal's.</summary>
public sealed record CoverageFacts(InsuranceRelation Relation, Sex Sex, DateOnly BirthDate, bool PensionActive, DateOnly? EnrolmentValidUntil,
    bool BirthCertificateOnFile);

/// <summary>A month's paid days, by <see cref="JalaliMonth.Key"/>.</summary>
public readonly record struct PaidMonth(int Period, int PaidDays);

/// <summary>The default eligibility policy (seed 002, note 2: on the inquiry date, by the premium record and the relation).</summary>
public sealed class EligibilityPolicy(EligibilityPolicyOptions options)
{
    // .NET's Persian calendar works each date out astronomically (microseconds a call). Every inquiry of a day shares
    // that day's months and ends, so they are worked out once a day, and each grace end once per paid month.
    private sealed record Day(DateOnly On, JalaliDate Jalali, int Month, int WindowFrom, int WindowTo, DateOnly MonthEnd);
    private Day? _day;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, DateOnly> _graceEnds = new();

    public EligibilityPolicyOptions Options => options;

    /// <summary>The first month whose premiums can matter on <paramref name="on"/>: the start of the window.</summary>
    public JalaliMonth WindowStart(DateOnly on) => JalaliMonth.FromKey(DayOf(on).WindowFrom);

    /// <summary>
    /// Decides for <paramref name="person"/> on <paramref name="on"/>. For a dependant, <paramref name="principal"/> is the
    /// main insured or pensioner followed; <paramref name="premiums"/> are the paying main insured's months from
    /// <see cref="WindowStart"/> on (others may be passed and are ignored).
    /// </summary>
    public CoverageDecision Decide(CoverageFacts person, CoverageFacts? principal, IReadOnlyList<PaidMonth> premiums, DateOnly on)
    {
        if (!InsuredPerson.IsDependant(person.Relation)) return DecideOwn(person, premiums, on);
        if (principal is null) return CoverageDecision.No(CoverageReason.PrincipalNotCovered);
        var followed = DecideOwn(principal, premiums, on);
        if (!followed.Covered) return CoverageDecision.No(CoverageReason.PrincipalNotCovered);
        return person.Relation switch
        {
            InsuranceRelation.Son when AgeOn(person.BirthDate, DayOf(on).Jalali) >= options.SonAgeLimit =>
                person.EnrolmentValidUntil is { } until && until >= on
                    ? followed with { EndsOn = Earlier(followed.EndsOn!.Value, until) }
                    : CoverageDecision.No(CoverageReason.SonWithoutCertificate),
            InsuranceRelation.Daughter when !person.BirthCertificateOnFile => CoverageDecision.No(CoverageReason.DaughterWithoutBirthCertificate),
            _ => followed,
        };
    }

    private CoverageDecision DecideOwn(CoverageFacts person, IReadOnlyList<PaidMonth> premiums, DateOnly on)
    {
        var day = DayOf(on);
        if (person.Relation == InsuranceRelation.Pensioner)
            return person.PensionActive ? new(true, day.MonthEnd, CoverageReason.Covered) : CoverageDecision.No(CoverageReason.PensionStopped);
        var (month, from, to) = (day.Month, day.WindowFrom, day.WindowTo);
        var paidInWindow = 0;
        var latest = 0;
        foreach (var p in premiums)
        {
            if (p.PaidDays <= 0 || p.Period < from) continue;
            if (p.Period <= to) paidInWindow += p.PaidDays;
            if (p.Period <= month && p.Period > latest) latest = p.Period;
        }
        if (paidInWindow < options.MinimumPaidDays || latest == 0) return CoverageDecision.No(CoverageReason.NotEnoughPremium);
        var endsOn = _graceEnds.GetOrAdd(latest, key => JalaliMonth.FromKey(key).AddMonths(options.GraceMonths).Last.ToDateOnly());
        return on <= endsOn ? new(true, endsOn, CoverageReason.Covered) : CoverageDecision.No(CoverageReason.NotEnoughPremium);
    }

    /// <summary>Whole Jalali years: a birthday counts from its Jalali day (30 Esfand's, in a common year, from 1 Farvardin).</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly on) => AgeOn(birthDate, JalaliDate.FromDateOnly(on));

    private static int AgeOn(DateOnly birthDate, JalaliDate day)
    {
        var born = JalaliDate.FromDateOnly(birthDate);
        var age = day.Year - born.Year;
        return (day.Month, day.Day).CompareTo((born.Month, born.Day)) < 0 ? age - 1 : age;
    }

    private Day DayOf(DateOnly on)
    {
        if (_day is { } known && known.On == on) return known;
        var jalali = JalaliDate.FromDateOnly(on);
        var month = jalali.YearMonth;
        return _day = new Day(on, jalali, month.Key, month.AddMonths(-options.WindowMonths).Key, month.Previous().Key, month.Last.ToDateOnly());
    }

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;
}
