using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.Contracts;

public enum ContractStatus { Draft = 1, Issued, Signed, Active, Expired, Terminated }

/// <summary>What can be done to a contract; <see cref="Contract.AllowedActions"/> says which its state allows.</summary>
[Flags]
public enum ContractActions { None = 0, Revise = 1, Issue = 2, RecordScan = 4, Activate = 8, Terminate = 16, Renew = 32 }

/// <summary>A stored file of a contract: its kind (checked by content), hash and length.</summary>
public sealed record StoredFile(FileKind Kind, string Sha256, long Size);

/// <summary>
/// The contract a review office signs with an agency's manager (seed 000 §2-2). Its lifecycle is
/// draft → issued → signed → active → expired | terminated and nothing else; once issued, its number, text and PDF
/// never change.
/// </summary>
public sealed class Contract : IScoped, IAudited, IUnitOwned
{
    public const int MaxTermMonths = 36;
    public const int ReasonMaxLength = 500;
    /// <summary>The highest fee per file a contract may name: a typo's extra zeros are refused, not printed.</summary>
    public const long MaxFeePerFile = 1_000_000_000;

    public int Id { get; private set; }
    public int AgencyId { get; private set; }
    public Agency Agency { get; private set; } = null!;
    public int ReviewOfficeId { get; private set; }
    public int ProvinceId { get; private set; }
    public ContractStatus Status { get; private set; } = ContractStatus.Draft;
    public DateOnly StartsOn { get; private set; }
    public int TermMonths { get; private set; }
    public DateOnly EndsOn { get; private set; }
    /// <summary>Per-file fee in Rials.</summary>
    public long FeePerFile { get; private set; }
    /// <summary>The contract this one renews, if any.</summary>
    public int? RenewsId { get; private set; }

    /// <summary>Country-wide unique: province code, Jalali year of issue, sequence (e.g. 08-1405-00012).</summary>
    public string? Number { get; private set; }
    public int? NumberYear { get; private set; }
    public int? NumberSequence { get; private set; }
    public int? TemplateId { get; private set; }
    public ContractTemplate? Template { get; private set; }
    /// <summary>The articles as issued, placeholders filled: what the PDF says.</summary>
    public string? Text { get; private set; }
    public string? PdfSha256 { get; private set; }
    public long? PdfSize { get; private set; }
    /// <summary>The code the PDF's QR code carries to the public verification page.</summary>
    public string? VerificationCode { get; private set; }
    /// <summary>Issued together in one batch (downloaded as one ZIP).</summary>
    public Guid? BatchId { get; private set; }
    public DateTimeOffset? IssuedAt { get; private set; }
    public string? IssuedBy { get; private set; }
    /// <summary>
    /// Why the contract was issued although its term had already ended on the day of issue (a late paper for a period
    /// already served). Kept on the record and in the audit log; not printed on the contract.
    /// </summary>
    public string? LateIssueReason { get; private set; }

    public string? ScanSha256 { get; private set; }
    public FileKind? ScanKind { get; private set; }
    public long? ScanSize { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }
    public string? SignedBy { get; private set; }
    public DateTimeOffset? ActivatedAt { get; private set; }
    public string? ActivatedBy { get; private set; }
    public DateOnly? ExpiredOn { get; private set; }
    public DateTimeOffset? TerminatedAt { get; private set; }
    public string? TerminatedBy { get; private set; }
    public string? TerminationReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    /// <summary>Renewed on every change: two people acting on the same contract cannot both succeed.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    int IUnitOwned.OwnerUnitId => AgencyId;

    private Contract() { }

    /// <summary>A draft for an open agency the review office serves; <paramref name="renews"/> makes it a renewal.</summary>
    public Contract(Agency agency, ContractTerms terms, string by, DateTimeOffset at, Contract? renews = null)
    {
        if (agency.IsClosed) throw DomainException.Of("Contract.AgencyClosed");
        if (renews is not null && (renews.AgencyId != agency.Id || !renews.Allows(ContractActions.Renew)))
            throw DomainException.Of("Contract.RenewOnlyActive");
        Agency = agency;
        AgencyId = agency.Id;
        ReviewOfficeId = agency.ReviewOfficeId;
        ProvinceId = agency.ProvinceKey;
        RenewsId = renews?.Id;
        (CreatedBy, CreatedAt) = (by, at);
        SetTerms(terms);
    }

    /// <summary>On its way to being signed.</summary>
    public static readonly ContractStatus[] InProgress = [ContractStatus.Draft, ContractStatus.Issued, ContractStatus.Signed];

    /// <summary>In progress or in force: an agency holds one such contract at a time (a renewal's draft aside).</summary>
    public static readonly ContractStatus[] Live = [.. InProgress, ContractStatus.Active];

    /// <summary>
    /// The acts the contract's state allows; each guarded method below refuses the others. A draft is revised or
    /// issued; a scan is recorded (or replaced) until activation; an active contract is terminated; an active or
    /// expired one is renewed.
    /// </summary>
    public ContractActions AllowedActions => Status switch
    {
        ContractStatus.Draft => ContractActions.Revise | ContractActions.Issue,
        ContractStatus.Issued => ContractActions.RecordScan,
        ContractStatus.Signed => ContractActions.RecordScan | ContractActions.Activate,
        ContractStatus.Active => ContractActions.Terminate | ContractActions.Renew,
        ContractStatus.Expired => ContractActions.Renew,
        _ => ContractActions.None,
    };

    public bool Allows(ContractActions action) => (AllowedActions & action) == action;

    /// <summary>Refuses an act the contract's state does not allow.</summary>
    internal void Require(ContractActions action)
    {
        if (!Allows(action)) throw Illegal();
    }

    /// <summary>Changes a draft's term and fee; issued contracts never change.</summary>
    public void Revise(ContractTerms terms)
    {
        Require(ContractActions.Revise);
        SetTerms(terms);
        Touch();
    }

    /// <summary>True when the term's last day is before <paramref name="today"/> (Tehran): issuing it needs a reason.</summary>
    public bool EndsBefore(DateOnly today) => EndsOn < today;

    /// <summary>
    /// Checks that the draft may be issued on <paramref name="today"/>: a contract whose term has already ended is
    /// issued only with a reason (returned normalised; null when none is needed).
    /// </summary>
    public string? CheckIssue(DateOnly today, string? lateReason)
    {
        Require(ContractActions.Issue);
        if (Agency is { IsClosed: true }) throw DomainException.Of("Contract.AgencyClosed");
        if (!EndsBefore(today)) return null;
        var reason = Input.Text(lateReason, TextLength.Reason);
        if (!reason.IsValid)
            throw TextNormalizer.Normalize(lateReason).Length == 0
                ? DomainException.Of("Contract.EndsInPast", TextNormalizer.ToPersianDigits(JalaliDate.FromDateOnly(EndsOn).ToString()))
                : DomainException.Of("Contract.LateReasonTooLong", TextNormalizer.ToPersianDigits(TextLength.Reason.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return reason.Value;
    }

    /// <summary>Numbers the draft and fixes its text and PDF for good.</summary>
    public void Issue(ContractNumber number, ContractTemplate template, string text, StoredFile pdf, string verificationCode,
        Guid? batchId, string by, DateTimeOffset at, string? lateReason = null)
    {
        LateIssueReason = CheckIssue(JalaliDate.FromInstant(at).ToDateOnly(), lateReason);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(verificationCode);
        (Number, NumberYear, NumberSequence) = (number.Text, number.Year, number.Sequence);
        (Template, TemplateId) = (template, template.Id);
        if (pdf.Kind != FileKind.Pdf) throw new ArgumentException("A contract is issued as a PDF.", nameof(pdf));
        (Text, PdfSha256, PdfSize, VerificationCode, BatchId) = (text, pdf.Sha256, pdf.Size, verificationCode, batchId);
        (Status, IssuedAt, IssuedBy) = (ContractStatus.Issued, at, by);
        Touch();
    }

    /// <summary>Records the signed copy. A wrong scan may be replaced until the contract is activated.</summary>
    public void RecordSignedScan(StoredFile scan, string by, DateTimeOffset at)
    {
        Require(ContractActions.RecordScan);
        (ScanSha256, ScanKind, ScanSize) = (scan.Sha256, scan.Kind, scan.Size);
        (SignedAt, SignedBy, Status) = (at, by, ContractStatus.Signed);
        Touch();
    }

    /// <summary>In force from now on; the agency may hold only one active contract at a time.</summary>
    public void Activate(bool agencyHasActiveContract, string by, DateTimeOffset at)
    {
        Require(ContractActions.Activate);
        if (Agency is { IsClosed: true }) throw DomainException.Of("Contract.AgencyClosed");
        if (agencyHasActiveContract) throw DomainException.Of("Contract.AlreadyActive");
        (Status, ActivatedAt, ActivatedBy) = (ContractStatus.Active, at, by);
        Touch();
    }

    /// <summary>Ends an active contract whose last day has passed.</summary>
    public void Expire(DateOnly today)
    {
        Require(ContractStatus.Active);
        if (today <= EndsOn) throw DomainException.Of("Contract.NotYetEnded");
        (Status, ExpiredOn) = (ContractStatus.Expired, today);
        Touch();
    }

    public void Terminate(string reason, string by, DateTimeOffset at)
    {
        Require(ContractActions.Terminate);
        var normalized = TextNormalizer.Normalize(reason);
        if (normalized.Length == 0) throw DomainException.Of("Contract.ReasonRequired");
        if (normalized.Length > ReasonMaxLength) throw DomainException.Of("Contract.ReasonTooLong");
        (Status, TerminatedAt, TerminatedBy, TerminationReason) = (ContractStatus.Terminated, at, by, normalized);
        Touch();
    }

    private void SetTerms(ContractTerms terms)
    {
        if (terms.FeePerFile is < 1 or > MaxFeePerFile) throw DomainException.Of("Contract.FeeRange", new Rial(MaxFeePerFile).ToPersianString());
        if (terms.TermMonths is < 1 or > MaxTermMonths) throw DomainException.Of("Contract.TermRange", MaxTermMonths);
        var ends = terms.EndsOn;
        if (ends <= terms.StartsOn) throw DomainException.Of("Contract.EndBeforeStart");
        (StartsOn, TermMonths, EndsOn, FeePerFile) = (terms.StartsOn, terms.TermMonths, ends, terms.FeePerFile);
    }

    private void Require(ContractStatus status)
    {
        if (Status != status) throw Illegal();
    }

    private DomainException Illegal() => DomainException.Of("Contract.IllegalTransition", ContractText.StatusName(Status));

    private void Touch() => Version = Guid.NewGuid();
}

/// <summary>A contract's term and fee. The term runs whole Jalali months from the start date.</summary>
public sealed record ContractTerms(DateOnly StartsOn, int TermMonths, long FeePerFile)
{
    /// <summary>The day before the same Jalali day <see cref="TermMonths"/> months later (1405/01/15 for 12 months ends 1406/01/14).</summary>
    public DateOnly EndsOn
    {
        get
        {
            var start = JalaliDate.FromDateOnly(StartsOn);
            var month = new JalaliMonth(start.Year, start.Month).AddMonths(TermMonths);
            var day = Math.Min(start.Day, JalaliDate.DaysInMonth(month.Year, month.Month));
            return JalaliDate.Create(month.Year, month.Month, day).ToDateOnly().AddDays(-1);
        }
    }
}

/// <summary>A contract number: province code, Jalali year and a sequence within both.</summary>
public readonly record struct ContractNumber(string ProvinceCode, int Year, int Sequence)
{
    public string Text => $"{ProvinceCode}-{Year:0000}-{Sequence:00000}";
}
