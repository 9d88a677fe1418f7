using Portal.Domain.Common;

namespace Portal.Domain.Eligibility;

/// <summary>Who is asking: a user or an API key, the medical centre it belongs to, and that centre's province.</summary>
public sealed record Requester(string Name, int? CentreId, int? ProvinceId);

/// <summary>
/// The general inquiry's answer (seed 002 §a): covered or not, and the tracking code. The end date is for the FHIR form,
/// whose <c>benefitPeriod</c> carries it; the plain answer discloses nothing else.
/// </summary>
public sealed record GeneralAnswer(bool Covered, string TrackingCode, DateOnly? EndsOn);

/// <summary>
/// The eligibility inquiry (seed 002): reads one person's facts by national ID (and their principal's and the paying
/// main insured's premium months), applies <see cref="EligibilityPolicy"/> on today's Tehran date, and logs the inquiry
/// (which gives it its tracking code) before answering. This is the portal's hot path: two or three indexed reads
/// (<see cref="InsuredReaders"/>) and one row in the log.
/// </summary>
public sealed class EligibilityDesk(InsuredReaders readers, EligibilityPolicy policy, InquiryLog log, TimeProvider clock)
{
    /// <summary>The general inquiry; an unknown number is answered exactly like "not covered".</summary>
    public async Task<Checked<GeneralAnswer>> GeneralAsync(string? nationalId, InquiryChannel channel, Requester requester, CancellationToken ct = default)
    {
        var id = CheckId(nationalId);
        if (!id.IsValid) return Checked<GeneralAnswer>.Fail(id.Error!);
        var (inquiry, decision) = await AnswerAsync(id.Value!, InquiryKind.General, channel, requester, ct);
        return Checked<GeneralAnswer>.Ok(new GeneralAnswer(decision.Covered, inquiry.TrackingCode, decision.EndsOn));
    }

    /// <summary>A national ID (10 digits, check digit) or a foreign national's number (12 digits), in ASCII digits.</summary>
    public static Checked<string> CheckId(string? input)
    {
        var digits = TextNormalizer.DigitsOnly(input);
        if (digits.Length == InsuredPerson.ForeignNumberLength && TextNormalizer.IsAsciiDigits(digits)) return Checked<string>.Ok(digits);
        return NationalId.Check(digits);
    }

    /// <summary>Decides for the (already validated) number, logs the inquiry, and returns both.</summary>
    internal async Task<(Inquiry Inquiry, CoverageDecision Decision)> AnswerAsync(string nationalId, InquiryKind kind, InquiryChannel channel,
        Requester requester, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (today, date) = TodayAt(now);
        var (decision, person) = await DecideAsync(nationalId, date, ct);
        var province = kind == InquiryKind.Personal && person is not null ? person.ProvinceId : requester.ProvinceId;
        var inquiry = new Inquiry(now, InquiryReport.DayKey(today), kind, channel, requester.Name,
            requester.CentreId, province, person?.BranchId, nationalId, decision);
        await log.RecordAsync(inquiry, ct);
        return (inquiry, decision);
    }

    // Tehran's date for an instant costs microseconds of astronomy: it is worked out once a day.
    private sealed record Today(DateTimeOffset From, DateTimeOffset Until, JalaliDate Jalali, DateOnly Date);
    private Today? _today;

    private (JalaliDate Jalali, DateOnly Date) TodayAt(DateTimeOffset now)
    {
        if (_today is { } known && now >= known.From && now < known.Until) return (known.Jalali, known.Date);
        var day = JalaliDate.FromInstant(now);
        var date = day.ToDateOnly();
        _today = new Today(Tehran.StartOfDay(date), Tehran.StartOfDay(date.AddDays(1)), day, date);
        return (day, date);
    }

    /// <summary>The decision for a number on a day, and the person when known (the staff pages show the reason too).</summary>
    public async Task<(CoverageDecision Decision, InsuredReaders.PersonRow? Person)> DecideAsync(string nationalId, DateOnly on, CancellationToken ct = default)
    {
        if (await readers.ReadAsync(nationalId, policy.WindowStart(on).Key, ct) is not { } facts) return (CoverageDecision.No(CoverageReason.Unknown), null);
        return (policy.Decide(facts.Person.Facts, facts.Principal?.Facts, facts.Premiums, on), facts.Person);
    }
}
