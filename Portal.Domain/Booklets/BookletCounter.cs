using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Eligibility;
using Portal.Domain.Security;

namespace Portal.Domain.Booklets;

/// <summary>
/// The branch counter's booklet services (seed 004 §4): a person found by national ID with their whole family, each
/// member's booklet and eligibility decided by the inquiry's own <see cref="EligibilityPolicy"/>, and a service recorded
/// for one member at a time — done, or refused with the reason. The new validity is the policy's end of cover. The
/// service and the booklet's change are one save, decided again on the facts at that moment; when the central database
/// cannot be reached the counter is told so and nothing is recorded.
/// </summary>
public sealed class BookletCounter(PortalDb portalDb, EligibilityPolicy policy, TimeProvider clock)
{
    /// <summary>What the counter can do for a member now: the service it would record, or why it would refuse.</summary>
    public sealed record Offer(BookletServiceType Type, BookletRefusal? Refusal, DateOnly? NewValidUntil);

    public sealed record Member(long PersonId, string NationalId, string Name, InsuranceRelation Relation, int Age, string? Serial,
        DateOnly? ValidUntil, CoverageDecision Decision, Offer Extend, Offer Issue);

    /// <summary>A main insured or pensioner and every dependant; <see cref="FoundAt"/> starts the time to service.</summary>
    public sealed record Family(Member Principal, IReadOnlyList<Member> Dependants, DateTimeOffset FoundAt)
    {
        public IEnumerable<Member> Members => Dependants.Prepend(Principal);
    }

    /// <summary>What the counter asks: extend (renewal or credit, as the booklet's state makes it), a first booklet, or a duplicate.</summary>
    public enum Ask { Extend = 1, NewBooklet, Duplicate }

    public sealed record Receipt(long ServiceId, BookletServiceType Type, BookletRefusal? Refusal, string? Serial, DateOnly? NewValidUntil);

    public async Task<Checked<Family>> FindAsync(string? nationalId, CancellationToken ct = default)
    {
        var id = EligibilityDesk.CheckId(nationalId);
        if (!id.IsValid) return Checked<Family>.Fail(id.Error!);
        return await CentralAsync(async () =>
        {
            await using var db = await OpenAsync(ct);
            var family = await ReadFamilyAsync(db, id.Value!, ct);
            return family is null ? Checked<Family>.Fail(Messages.Get("Booklets.PersonNotFound")) : Checked<Family>.Ok(family);
        });
    }

    /// <summary>Records the service for one member: done, or refused with its reason (both are records the report counts).</summary>
    public Task<Receipt> ServeAsync(long personId, Ask ask, ReplacementReason? replacement, DateTimeOffset requestedAt, CancellationToken ct = default) =>
        CentralAsync(async () =>
        {
            if (ask == Ask.Duplicate && replacement is null) throw DomainException.Of("Booklets.ReplacementReasonRequired");
            await using var db = await OpenAsync(ct);
            var branch = await db.OrgUnits.Where(u => u.Id == db.Actor.UnitId && u.Kind == Organisation.UnitKind.Branch)
                .Select(u => new { u.Id, u.ProvinceId }).SingleOrDefaultAsync(ct) ?? throw DomainException.Forbidden("Booklets.OnlyBranch");
            var person = await db.InsuredPersons.SingleOrDefaultAsync(p => p.Id == personId, ct) ?? throw DomainException.Of("Booklets.PersonNotFound");
            var now = clock.GetUtcNow();
            var today = JalaliDate.FromInstant(now).ToDateOnly();
            var booklet = await db.Booklets.SingleOrDefaultAsync(b => b.PersonId == personId && b.ReplacedAt == null, ct);
            var decision = await DecideAsync(db, person, today, ct);
            var offer = OfferFor(ask, booklet?.ValidUntil, decision, today);
            var (serial, oldUntil) = (booklet?.Serial, booklet?.ValidUntil);
            if (offer.Refusal is null)
            {
                switch (ask)
                {
                    case Ask.Extend:
                        booklet!.ExtendTo(offer.NewValidUntil!.Value);
                        break;
                    default:
                        booklet?.Replace(now);
                        serial = await FreeSerialAsync(db, ct);
                        db.Booklets.Add(new Booklet(person.Id, serial, today, branch.Id, offer.NewValidUntil!.Value));
                        break;
                }
            }
            var service = new BookletService(offer.Type, offer.Refusal, ask == Ask.Duplicate ? replacement : null, person, serial,
                oldUntil,
                offer.Refusal is null ? offer.NewValidUntil : null, branch.Id, branch.ProvinceId!.Value, db.Actor.UserName,
                requestedAt, now, JalaliMonth.Of(now).Key, offer.Refusal is null ? VerificationCodes.New() : null);
            db.BookletServices.Add(service);
            try { await db.SaveChangesAsync(ct); }
            // Another clerk served the same booklet (its version) or gave the person a booklet (one in use per person) meanwhile.
            catch (DbUpdateConcurrencyException) { throw DomainException.Of("Booklets.ServedMeanwhile"); }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { throw DomainException.Of("Booklets.ServedMeanwhile"); }
            return new Receipt(service.Id, service.Type, service.Refusal, service.BookletSerial, service.NewValidUntil);
        });

    /// <summary>A supervisor marks a service of the branch as recorded in error, with the reason.</summary>
    public Task CorrectAsync(long serviceId, string? reason, CancellationToken ct = default) => CentralAsync(async () =>
    {
        var typed = Input.Text(reason, TextLength.Reason, required: true);
        if (!typed.IsValid) throw new DomainException(typed.Error!) { Key = "Booklets.CorrectionReason" };
        await using var db = await portalDb.OpenForAsync(Permission.BookletCorrect, ct);
        var service = await db.BookletServices.SingleOrDefaultAsync(s => s.Id == serviceId && s.BranchId == db.Actor.UnitId, ct)
            ?? throw DomainException.Of("Booklets.ServiceNotFound");
        service.Correct(typed.Value!, db.Actor.UserName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return true;
    });

    /// <summary>The offer for a member whose booklet is valid until <paramref name="validUntil"/> (none: no booklet), under <paramref name="decision"/>.</summary>
    public static Offer OfferFor(Ask ask, DateOnly? validUntil, CoverageDecision decision, DateOnly today)
    {
        var type = ask switch
        {
            Ask.NewBooklet => BookletServiceType.NewBooklet,
            Ask.Duplicate => BookletServiceType.Duplicate,
            _ => validUntil is { } until && until < today ? BookletServiceType.Renewal : BookletServiceType.Credit,
        };
        if (ask == Ask.NewBooklet && validUntil is not null) return new(type, BookletRefusal.HasBooklet, null);
        if (ask != Ask.NewBooklet && validUntil is null) return new(type, BookletRefusal.NoBooklet, null);
        if (!decision.Covered) return new(type, RefusalFor(decision.Reason), null);
        var ends = decision.EndsOn!.Value;
        if (ask == Ask.Extend && validUntil >= ends) return new(type, BookletRefusal.AlreadyValid, null);
        return new(type, null, ask == Ask.Duplicate && validUntil > ends ? validUntil : ends);
    }

    public static BookletRefusal RefusalFor(CoverageReason reason) => reason switch
    {
        CoverageReason.PensionStopped => BookletRefusal.PensionStopped,
        CoverageReason.PrincipalNotCovered => BookletRefusal.PrincipalNotCovered,
        CoverageReason.SonWithoutCertificate => BookletRefusal.SonWithoutCertificate,
        CoverageReason.DaughterWithoutBirthCertificate => BookletRefusal.DaughterWithoutBirthCertificate,
        _ => BookletRefusal.NotEnoughPremium,
    };

    private async Task<PortalDbContext> OpenAsync(CancellationToken ct) => await portalDb.OpenForAsync(Permission.BookletServe, ct);

    private async Task<Family?> ReadFamilyAsync(PortalDbContext db, string nationalId, CancellationToken ct)
    {
        var found = await db.InsuredPersons.AsNoTracking().Where(p => p.NationalId == nationalId)
            .Select(p => new { p.Id, p.PrincipalId }).SingleOrDefaultAsync(ct);
        if (found is null) return null;
        var principalId = found.PrincipalId ?? found.Id;
        var persons = await db.InsuredPersons.AsNoTracking().Where(p => p.Id == principalId || p.PrincipalId == principalId).ToListAsync(ct);
        var ids = persons.Select(p => p.Id).ToList();
        var booklets = await db.Booklets.AsNoTracking().Where(b => ids.Contains(b.PersonId) && b.ReplacedAt == null).ToDictionaryAsync(b => b.PersonId, ct);
        var now = clock.GetUtcNow();
        var today = JalaliDate.FromInstant(now).ToDateOnly();
        var principal = persons.Single(p => p.Id == principalId);
        var premiums = await PremiumsAsync(db, principal, today, ct);
        Member MemberOf(InsuredPerson p)
        {
            var decision = policy.Decide(Facts(p), p.Id == principalId ? null : Facts(principal), premiums, today);
            var until = booklets.TryGetValue(p.Id, out var b) ? b.ValidUntil : (DateOnly?)null;
            return new Member(p.Id, p.NationalId, $"{p.FirstName} {p.LastName}", p.Relation, EligibilityPolicy.AgeOn(p.BirthDate, today),
                b?.Serial, until, decision, OfferFor(Ask.Extend, until, decision, today), OfferFor(until is null ? Ask.NewBooklet : Ask.Duplicate, until, decision, today));
        }
        var dependants = persons.Where(p => p.Id != principalId).OrderBy(p => p.Relation).ThenBy(p => p.BirthDate).Select(MemberOf).ToList();
        return new Family(MemberOf(principal), dependants, now);
    }

    private async Task<CoverageDecision> DecideAsync(PortalDbContext db, InsuredPerson person, DateOnly today, CancellationToken ct)
    {
        var principal = person.PrincipalId is { } pid ? await db.InsuredPersons.AsNoTracking().SingleAsync(p => p.Id == pid, ct) : null;
        var premiums = await PremiumsAsync(db, principal ?? person, today, ct);
        return policy.Decide(Facts(person), principal is null ? null : Facts(principal), premiums, today);
    }

    private async Task<IReadOnlyList<PaidMonth>> PremiumsAsync(PortalDbContext db, InsuredPerson payer, DateOnly today, CancellationToken ct)
    {
        if (payer.Relation != InsuranceRelation.MainInsured) return [];
        var from = policy.WindowStart(today).Key;
        return await db.PremiumMonths.AsNoTracking().Where(m => m.PersonId == payer.Id && m.Period >= from)
            .Select(m => new PaidMonth(m.Period, m.PaidDays)).ToListAsync(ct);
    }

    private static CoverageFacts Facts(InsuredPerson p) =>
        new(p.Relation, p.Sex, p.BirthDate, p.PensionActive, p.EnrolmentValidUntil, p.BirthCertificateOnFile);

    private static async Task<string> FreeSerialAsync(PortalDbContext db, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var serial = Booklet.NewSerial();
            if (!await db.Booklets.AnyAsync(b => b.Serial == serial, ct) || attempt > 5) return serial;
        }
    }

    /// <summary>The service depends on the central database: when it cannot be reached, the counter says so and nothing is recorded.</summary>
    private static async Task<T> CentralAsync<T>(Func<Task<T>> act)
    {
        try { return await act(); }
        catch (Exception e) when (Unreachable(e)) { throw DomainException.Of("Booklets.CentralSiteUnreachable"); }
    }

    private static bool Unreachable(Exception e) => e switch
    {
        TimeoutException or RetryLimitExceededException => true,
        DbUpdateException u => u.InnerException is DbException && !DbErrors.IsUniqueViolation(u),
        DbException => true,
        InvalidOperationException { InnerException: DbException or TimeoutException } => true,
        _ => false,
    };
}
