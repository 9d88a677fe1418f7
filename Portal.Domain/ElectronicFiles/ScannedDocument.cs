using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.ElectronicFiles;

/// <summary>How a document came into the file.</summary>
public enum DocumentSource { InitialScanning = 1, ReceivedInService, ReceivedByMail, UploadedByAgency }

/// <summary>What can be done to a document; <see cref="ScannedDocument.AllowedActions"/> says which its state allows.</summary>
[Flags]
public enum DocumentActions
{
    None = 0,
    Verify = 1 << 0,
    Refuse = 1 << 1,
}

/// <summary>
/// A scanned document of a technical file: its type (and so its heading), pages, source, and the stored image checked
/// by content and kept by SHA-256. It counts only once verified: an agency's upload by the agency's manager, a
/// branch's (or a treatment unit's) by a supervisor of the branch that holds the file; the first scans by step 7.
/// The one who may verify an added document may instead refuse it with a reason: a refused document counts neither as
/// verified nor as waiting, is never verified afterwards, and its uploader adds a corrected document in its place.
/// </summary>
public sealed class ScannedDocument : IScoped, IAudited, IUnitOwned
{
    public const int TitleMaxLength = TextLength.Title;
    public const int RefusalMaxLength = TextLength.Reason;

    public int Id { get; private set; }
    public int FileId { get; private set; }
    public TechnicalFile File { get; private set; } = null!;
    public int BranchId { get; private set; }
    public int ProvinceId { get; private set; }
    public int TypeId { get; private set; }
    public DocumentType Type { get; private set; } = null!;
    public string? Title { get; private set; }
    public int Pages { get; private set; }
    public DocumentSource Source { get; private set; }
    public string Sha256 { get; private set; } = "";
    public long Size { get; private set; }
    public FileKind ContentKind { get; private set; }
    public string ScannedBy { get; private set; } = "";
    public DateTimeOffset ScannedAt { get; private set; }
    /// <summary>The unit of the user who added it (the branch, an agency, a centre).</summary>
    public int ScannedByUnitId { get; private set; }
    public UnitKind ScannedByUnitKind { get; private set; }
    public string? VerifiedBy { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public string? RefusedBy { get; private set; }
    public DateTimeOffset? RefusedAt { get; private set; }
    /// <summary>Why it was refused, for the uploader to correct (normalised, at most <see cref="RefusalMaxLength"/>).</summary>
    public string? RefusalReason { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    /// <summary>When the paper was stamped «اسکن شد» (seed 003 part 2 §1–2), for a document received in service or by mail.</summary>
    public string? StampedBy { get; private set; }
    public DateTimeOffset? StampedAt { get; private set; }
    /// <summary>What became of the paper; null while it is with the clerk or, for mail, waiting for the person.</summary>
    public PaperFate? Fate { get; private set; }
    public string? FateBy { get; private set; }
    public DateTimeOffset? FateAt { get; private set; }

    int IUnitOwned.OwnerUnitId => BranchId;

    private ScannedDocument() { }

    internal ScannedDocument(TechnicalFile file, DocumentType type, string? title, int pages, DocumentSource source, string sha256, long size, FileKind kind,
        Actor by, UnitKind unitKind, DateTimeOffset at)
    {
        (File, FileId, BranchId, ProvinceId) = (file, file.Id, file.BranchId, file.ProvinceId);
        (Type, TypeId, Title, Pages, Source) = (type, type.Id, title, pages, source);
        (Sha256, Size, ContentKind) = (sha256, size, kind);
        (ScannedBy, ScannedAt, ScannedByUnitId, ScannedByUnitKind) = (by.UserName, at, by.UnitId ?? 0, unitKind);
    }

    public bool IsVerified => VerifiedAt is not null;

    public bool IsRefused => RefusedAt is not null;

    /// <summary>
    /// The acts the document's state allows: while it is neither verified nor refused, verifying it, and refusing it
    /// when it was added to the file (first scans are checked with the file at step 7 and scanned again at step 6).
    /// </summary>
    public DocumentActions AllowedActions => IsVerified || IsRefused ? DocumentActions.None
        : Source == DocumentSource.InitialScanning ? DocumentActions.Verify
        : DocumentActions.Verify | DocumentActions.Refuse;

    /// <summary>What <paramref name="actor"/> may do to it now: the acts its state allows, for the one who vouches for it.</summary>
    public DocumentActions ActionsFor(Actor actor) => VerifiableBy(actor) ? AllowedActions : DocumentActions.None;
    /// <summary>A paper the branch received and scanned, whose fate the branch records (the first scans stay in the paper file).</summary>
    public bool IsPaper => Source is DocumentSource.ReceivedInService or DocumentSource.ReceivedByMail;

    /// <summary>The type of the commission's rulings: those that lead to no disability are destroyed in the branch after scanning.</summary>
    public const string CommissionRulingTypeCode = "0401";

    /// <summary>
    /// What the holding branch may do with the paper now: stamp it once; then hand it back, or keep its original, or
    /// (a commission ruling) destroy it; each only once. Needs <see cref="Type"/> loaded.
    /// </summary>
    public PaperActions AllowedPaperActions
    {
        get
        {
            if (!IsPaper || Fate is PaperFate.DestroyedInBranch or PaperFate.DestroyedByList or PaperFate.HandedBack) return PaperActions.None;
            var acts = StampedAt is null ? PaperActions.Stamp : PaperActions.None;
            if (Fate is not null) return acts;
            acts |= PaperActions.Keep;
            if (StampedAt is not null) acts |= PaperActions.HandBack;
            if (Type.Code == CommissionRulingTypeCode) acts |= PaperActions.DestroyInBranch;
            return acts;
        }
    }

    internal void Stamp(string by, DateTimeOffset at)
    {
        Require(PaperActions.Stamp, StampedAt is null ? "ElectronicFiles.NotAPaper" : "ElectronicFiles.AlreadyStamped");
        (StampedBy, StampedAt) = (by, at);
    }

    internal void HandBack(string by, DateTimeOffset at)
    {
        Require(PaperActions.HandBack, Fate is null && IsPaper ? "ElectronicFiles.StampFirst" : "ElectronicFiles.PaperSettled");
        Settle(PaperFate.HandedBack, by, at);
    }

    internal KeptOriginal Keep(KeepForm.Valid form, string by, DateTimeOffset at)
    {
        Require(PaperActions.Keep, "ElectronicFiles.PaperSettled");
        Settle(PaperFate.KeptInBinder, by, at);
        return new KeptOriginal(this, form.Category, form.RegisterNumber, form.RegisterDate, by, at);
    }

    internal void DestroyInBranch(string by, DateTimeOffset at)
    {
        Require(PaperActions.DestroyInBranch, Fate is null && IsPaper ? "ElectronicFiles.OnlyRulingsDestroyed" : "ElectronicFiles.PaperSettled");
        Settle(PaperFate.DestroyedInBranch, by, at);
    }

    /// <summary>Mail nobody collected, destroyed with the branch's six-monthly list (<see cref="DestructionList"/>); the images stay.</summary>
    internal void DestroyByList(string by, DateTimeOffset at)
    {
        if (Source != DocumentSource.ReceivedByMail || Fate is not null) throw DomainException.Of("ElectronicFiles.PaperSettled");
        Settle(PaperFate.DestroyedByList, by, at);
    }

    private void Require(PaperActions action, string refusal)
    {
        if (!IsPaper) throw DomainException.Of("ElectronicFiles.NotAPaper");
        if ((AllowedPaperActions & action) != action) throw DomainException.Of(refusal);
    }

    private void Settle(PaperFate fate, string by, DateTimeOffset at) => (Fate, FateBy, FateAt) = (fate, by, at);

    /// <summary>
    /// Whether <paramref name="actor"/> is the one who vouches for this document: the agency's manager for an
    /// agency's upload, a supervisor of the holding branch for any other.
    /// </summary>
    public bool VerifiableBy(Actor actor) => ScannedByUnitKind == UnitKind.Agency
        ? actor.Can(Permission.AgencyUploadsVerify) && actor.UnitId == ScannedByUnitId
        : actor.Can(Permission.ElectronicFilesSupervise) && actor.UnitId == BranchId;

    public void Verify(Actor actor, DateTimeOffset at)
    {
        Require(DocumentActions.Verify, actor);
        (VerifiedBy, VerifiedAt) = (actor.UserName, at);
        Touch();
    }

    /// <summary>Refused by the one who would verify it, with the reason the uploader reads on the file's page.</summary>
    public void Refuse(Actor actor, string? reason, DateTimeOffset at)
    {
        Require(DocumentActions.Refuse, actor);
        var why = TextNormalizer.Normalize(reason);
        if (why.Length == 0) throw DomainException.Of("ElectronicFiles.RefusalReasonRequired");
        if (why.Length > RefusalMaxLength)
            throw DomainException.Of("ElectronicFiles.ReasonTooLong", TextNormalizer.ToPersianDigits(RefusalMaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        (RefusedBy, RefusedAt, RefusalReason) = (actor.UserName, at, why);
        Touch();
    }

    /// <summary>Step 7 of the file: its first scans are verified with it, by the official who checked them against the originals.</summary>
    internal void VerifyWithFile(string by, DateTimeOffset at)
    {
        if (AllowedActions.HasFlag(DocumentActions.Verify))
        {
            (VerifiedBy, VerifiedAt) = (by, at);
            Touch();
        }
    }

    private void Require(DocumentActions action, Actor actor)
    {
        if (IsRefused) throw DomainException.Of("ElectronicFiles.AlreadyRefused");
        if (IsVerified) throw DomainException.Of("ElectronicFiles.AlreadyVerified");
        if (!AllowedActions.HasFlag(action)) throw DomainException.Of("ElectronicFiles.FirstScansNotRefused");
        if (!VerifiableBy(actor))
            throw DomainException.Forbidden(ScannedByUnitKind == UnitKind.Agency ? "ElectronicFiles.AgencyManagerVerifies" : "ElectronicFiles.SupervisorVerifies");
    }

    private void Touch() => Version = Guid.NewGuid();
}
