using Portal.Domain.Eligibility;
using Portal.Domain.Security;

namespace Portal.Domain.Booklets;

/// <summary>
/// The booklet services of seed 004 §4. <see cref="Renewal"/> (تجدید اعتبار) brings back a booklet whose validity has
/// ended; <see cref="Credit"/> (تأمین اعتبار) extends one still valid; <see cref="NewBooklet"/> is a person's first;
/// <see cref="Duplicate"/> (المثنی) replaces a lost or full one under a new serial.
/// </summary>
public enum BookletServiceType { Renewal = 1, Credit, NewBooklet, Duplicate }

/// <summary>Why the counter could not serve: the eligibility policy's reasons, and the booklet's own.</summary>
public enum BookletRefusal
{
    NotEnoughPremium = 1,
    PensionStopped,
    PrincipalNotCovered,
    SonWithoutCertificate,
    DaughterWithoutBirthCertificate,
    /// <summary>The booklet is already valid to the day the policy would give: nothing to extend.</summary>
    AlreadyValid,
    /// <summary>Renewal, credit or a duplicate asked for a person who holds no booklet (a new booklet is the service).</summary>
    NoBooklet,
    /// <summary>A new booklet asked for a person who already holds one (a duplicate is the service).</summary>
    HasBooklet,
}

/// <summary>Why a duplicate booklet was issued.</summary>
public enum ReplacementReason { Lost = 1, Full }

/// <summary>
/// One booklet service at a branch's counter, done or refused: the record head office's report counts (seed 004 §5). It
/// keeps what was true at the time (the person's name, the serial, the old and new validity), so the report and the
/// validity slip never depend on later changes. A supervisor may mark it corrected (recorded in error), which counts
/// against the branch's correct performance.
/// </summary>
public sealed class BookletService : IScoped, IUnitOwned
{
    public long Id { get; private set; }
    public BookletServiceType Type { get; private set; }
    public BookletRefusal? Refusal { get; private set; }
    public ReplacementReason? ReplacementReason { get; private set; }
    public long PersonId { get; private set; }
    public string NationalId { get; private set; } = "";
    public string PersonName { get; private set; } = "";
    public InsuranceRelation Relation { get; private set; }
    /// <summary>The booklet served (for a duplicate, the new one); none when a person without a booklet was refused.</summary>
    public string? BookletSerial { get; private set; }
    public DateOnly? OldValidUntil { get; private set; }
    public DateOnly? NewValidUntil { get; private set; }
    public int BranchId { get; private set; }
    public int ProvinceId { get; private set; }
    public string UserName { get; private set; } = "";
    /// <summary>When the counter found the person: the report's time from request to service.</summary>
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset At { get; private set; }
    /// <summary>Whole minutes from <see cref="RequestedAt"/> to <see cref="At"/> for a done service (none for a refusal): kept
    /// on the row so the report counts waits from its index alone.</summary>
    public int? WaitMinutes { get; private set; }
    /// <summary><see cref="Common.JalaliMonth.Key"/> of <see cref="At"/> in Tehran: the report's month.</summary>
    public int Month { get; private set; }
    /// <summary>The code the validity slip's QR carries, for <c>/verify</c>; none for a refusal.</summary>
    public string? VerificationCode { get; private set; }
    public DateTimeOffset? CorrectedAt { get; private set; }
    public string? CorrectedBy { get; private set; }
    public string? CorrectionReason { get; private set; }

    public bool Done => Refusal is null;

    int IUnitOwned.OwnerUnitId => BranchId;

    private BookletService() { }

    internal BookletService(BookletServiceType type, BookletRefusal? refusal, ReplacementReason? replacement, InsuredPerson person,
        string? serial, DateOnly? oldValidUntil, DateOnly? newValidUntil, int branchId, int provinceId, string userName,
        DateTimeOffset requestedAt, DateTimeOffset at, int month, string? verificationCode)
    {
        (Type, Refusal, ReplacementReason, PersonId, NationalId, PersonName, Relation) =
            (type, refusal, replacement, person.Id, person.NationalId, $"{person.FirstName} {person.LastName}", person.Relation);
        (BookletSerial, OldValidUntil, NewValidUntil, BranchId, ProvinceId, UserName, RequestedAt, At, Month, VerificationCode) =
            (serial, oldValidUntil, newValidUntil, branchId, provinceId, userName, requestedAt <= at ? requestedAt : at, at, month, verificationCode);
        WaitMinutes = WaitOf(refusal, RequestedAt, at);
    }

    /// <summary>The wait of a done service whose request time was taken before it was served; none where it was not measured.</summary>
    public static int? WaitOf(BookletRefusal? refusal, DateTimeOffset requestedAt, DateTimeOffset at) =>
        refusal is null && requestedAt < at ? (int)Math.Floor((at - requestedAt).TotalMinutes) : null;

    /// <summary>For the bulk generators (demo data, benchmarks), which write the rows the counter would have written.</summary>
    public static BookletService Seeded(BookletServiceType type, BookletRefusal? refusal, long personId, string nationalId, string personName,
        InsuranceRelation relation, string? serial, DateOnly? oldValidUntil, DateOnly? newValidUntil, int branchId, int provinceId,
        string userName, DateTimeOffset requestedAt, DateTimeOffset at, int month) => new()
    {
        Type = type, Refusal = refusal, PersonId = personId, NationalId = nationalId, PersonName = personName, Relation = relation,
        BookletSerial = serial, OldValidUntil = oldValidUntil, NewValidUntil = newValidUntil, BranchId = branchId, ProvinceId = provinceId,
        UserName = userName, RequestedAt = requestedAt, At = at, Month = month, WaitMinutes = WaitOf(refusal, requestedAt, at),
    };

    /// <summary>The service was recorded in error: it stays on record, marked, and counts against correct performance.</summary>
    internal void Correct(string reason, string by, DateTimeOffset at)
    {
        if (!Done) throw Common.DomainException.Of("Booklets.RefusalNotCorrected");
        if (CorrectedAt is not null) throw Common.DomainException.Of("Booklets.AlreadyCorrected");
        (CorrectionReason, CorrectedBy, CorrectedAt) = (reason, by, at);
    }
}
