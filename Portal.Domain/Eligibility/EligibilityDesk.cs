using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

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
/// main insured's premium months), applies <see cref="EligibilityPolicy"/> on today's Tehran date, takes a tracking
/// code and logs the inquiry before answering. This is the portal's hot path: a few indexed reads by compiled queries,
/// no tracking, no per-request allocations beyond the answer.
/// </summary>
public sealed class EligibilityDesk(IDbContextFactory<PortalDbContext> factory, EligibilityPolicy policy, TrackingCodes codes, InquiryLog log, TimeProvider clock)
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
        var inquiry = new Inquiry(await codes.NextAsync(ct), now, today.Year * 10_000 + today.Month * 100 + today.Day, kind, channel, requester.Name,
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

    public sealed record PersonRow(long Id, CoverageFacts Facts, long? PrincipalId, int BranchId, int? ProvinceId);

    /// <summary>The decision for a number on a day, and the person when known (the staff pages show the reason too).</summary>
    public async Task<(CoverageDecision Decision, PersonRow? Person)> DecideAsync(string nationalId, DateOnly on, CancellationToken ct = default)
    {
        await using var db = PortalDb.Open(factory, Actor.System);
        var person = await PersonByNationalId(db, nationalId, ct);
        if (person is null) return (CoverageDecision.No(CoverageReason.Unknown), null);
        var principal = person.PrincipalId is { } principalId ? await PrincipalById(db, principalId, ct) : null;
        var payer = principal ?? person;
        var premiums = new List<PaidMonth>(16);
        if (payer.Facts.Relation == InsuranceRelation.MainInsured)
            await foreach (var month in PremiumsFrom(db, payer.Id, policy.WindowStart(on).Key).WithCancellation(ct)) premiums.Add(month);
        return (policy.Decide(person.Facts, principal?.Facts, premiums, on), person);
    }

    // Compiled once: the hot path skips LINQ translation. (Compiled queries cannot call a shared projection method,
    // so the two lookups spell theirs out.)
    private static readonly Func<PortalDbContext, string, CancellationToken, Task<PersonRow?>> PersonByNationalId = EF.CompileAsyncQuery(
        (PortalDbContext db, string nationalId, CancellationToken _) => db.InsuredPersons.Where(p => p.NationalId == nationalId)
            .Select(p => new PersonRow(p.Id, new CoverageFacts(p.Relation, p.Sex, p.BirthDate, p.PensionActive, p.EnrolmentValidUntil, p.BirthCertificateOnFile),
                p.PrincipalId, p.BranchId, db.OrgUnits.IgnoreQueryFilters().Where(u => u.Id == p.BranchId).Select(u => u.ProvinceId).FirstOrDefault()))
            .FirstOrDefault());

    private static readonly Func<PortalDbContext, long, CancellationToken, Task<PersonRow?>> PrincipalById = EF.CompileAsyncQuery(
        (PortalDbContext db, long id, CancellationToken _) => db.InsuredPersons.Where(p => p.Id == id)
            .Select(p => new PersonRow(p.Id, new CoverageFacts(p.Relation, p.Sex, p.BirthDate, p.PensionActive, p.EnrolmentValidUntil, p.BirthCertificateOnFile),
                p.PrincipalId, p.BranchId, null))
            .FirstOrDefault());

    private static readonly Func<PortalDbContext, long, int, IAsyncEnumerable<PaidMonth>> PremiumsFrom = EF.CompileAsyncQuery(
        (PortalDbContext db, long personId, int from) =>
            db.PremiumMonths.Where(m => m.PersonId == personId && m.Period >= from).Select(m => new PaidMonth(m.Period, m.PaidDays)));
}
