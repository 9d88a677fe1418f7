using Portal.Domain.Common;
using Portal.Domain.Security;

namespace Portal.Domain.ElectronicFiles;

/// <summary>
/// The steps of scanning a technical file (seed 003, part 1), in order. <see cref="Slimmed"/> comes first only for a
/// file not yet slimmed (part 4 §1); the twelve of the seed follow.
/// </summary>
public enum ScanStepKind
{
    Slimmed = 0,
    OutOfArchive = 1,
    PageCount,
    Registered,
    Prepared,
    Scanned,
    QualityChecked,
    Verified,
    Reassembled,
    Recounted,
    BackOnShelf,
    Stored,
    Indexed,
}

/// <summary>What can be done to a technical file; <see cref="TechnicalFile.AllowedActions"/> says which its state allows.</summary>
[Flags]
public enum FileActions
{
    None = 0,
    Slim = 1 << 0,
    TakeOut = 1 << 1,
    CountPages = 1 << 2,
    Register = 1 << 3,
    Prepare = 1 << 4,
    Scan = 1 << 5,
    CheckQuality = 1 << 6,
    Verify = 1 << 7,
    Reassemble = 1 << 8,
    Recount = 1 << 9,
    ResolveDiscrepancy = 1 << 10,
    ReturnToShelf = 1 << 11,
    Store = 1 << 12,
    Index = 1 << 13,
    MarkOutOfTurn = 1 << 14,
}

/// <summary>Why a file is scanned out of turn (seed 003, part 3 §1b).</summary>
public enum OutOfTurnReason { Service = 1, Transfer }

/// <summary>Where a paper file sits in the branch's archive: row, shelf and box.</summary>
public sealed record ShelfLocation(string Row, string Shelf, string Box)
{
    public const int MaxLength = 20;
}

/// <summary>
/// An insured person's technical file (پرونده فنی), held by one branch, and its way through the scanning steps. Each
/// step is recorded with who and when (<see cref="Steps"/>); a step out of order is refused, and a recount that differs
/// from the first count stops the file until a branch supervisor resolves it with a reason.
/// </summary>
public sealed class TechnicalFile : IScoped, IAudited, IUnitOwned
{
    public const int MaxPages = 100_000;
    public const int NoteMaxLength = TextLength.Reason;

    private readonly List<ScanStep> _steps = [];
    private readonly List<FileWorker> _workers = [];

    public int Id { get; private set; }
    /// <summary>Unique in the portal: the branch's code and a sequence within the branch (BR-08-01-000123).</summary>
    public string Number { get; private set; } = "";
    public int Sequence { get; private set; }
    public int BranchId { get; private set; }
    public int ProvinceId { get; private set; }
    /// <summary>The insured person of the eligibility module, when the national ID is one of theirs.</summary>
    public long? PersonId { get; private set; }
    public string NationalId { get; private set; } = "";
    public string PersonName { get; private set; } = "";
    public string ShelfRow { get; private set; } = "";
    public string ShelfNumber { get; private set; } = "";
    public string ShelfBox { get; private set; } = "";
    /// <summary>Slimmed under the organising instruction; a file that is not is slimmed before step 1.</summary>
    public bool Slimmed { get; private set; }
    public bool OutOfTurn { get; private set; }
    public OutOfTurnReason? OutOfTurnReason { get; private set; }
    public string? OutOfTurnNote { get; private set; }
    public DateTimeOffset? OutOfTurnAt { get; private set; }
    public string? OutOfTurnBy { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public string RequestedBy { get; private set; } = "";
    /// <summary>The last step done; null while the file waits in the queue.</summary>
    public ScanStepKind? LastStep { get; private set; }
    public DateTimeOffset? LastStepAt { get; private set; }
    /// <summary>Who did the last step: who holds the file now.</summary>
    public string? LastStepBy { get; private set; }
    /// <summary>Step 2's count of sheets.</summary>
    public int? PageCount { get; private set; }
    /// <summary>Step 9's count; when it differs from <see cref="PageCount"/> the file is in discrepancy.</summary>
    public int? RecountPages { get; private set; }
    public bool InDiscrepancy { get; private set; }
    public string? ScannedBy { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    public IReadOnlyCollection<ScanStep> Steps => _steps;
    public IReadOnlyCollection<FileWorker> Workers => _workers;

    int IUnitOwned.OwnerUnitId => BranchId;

    private TechnicalFile() { }

    public TechnicalFile(int branchId, int provinceId, string number, int sequence, string nationalId, string personName, long? personId,
        ShelfLocation shelf, bool slimmed, string by, DateTimeOffset at)
    {
        (BranchId, ProvinceId, Number, Sequence) = (branchId, provinceId, number, sequence);
        (NationalId, PersonName, PersonId) = (nationalId, personName, personId);
        (ShelfRow, ShelfNumber, ShelfBox) = (shelf.Row, shelf.Shelf, shelf.Box);
        Slimmed = slimmed;
        (RequestedBy, RequestedAt) = (by, at);
    }

    /// <summary>The step that comes next; null when all twelve are done.</summary>
    public ScanStepKind? NextStep => LastStep switch
    {
        null => Slimmed ? ScanStepKind.OutOfArchive : ScanStepKind.Slimmed,
        ScanStepKind.Indexed => null,
        ScanStepKind.Reassembled when InDiscrepancy => ScanStepKind.Recounted,
        var last => last + 1,
    };

    public bool IsDone => LastStep == ScanStepKind.Indexed;

    /// <summary>The act that records each step.</summary>
    public static FileActions ActFor(ScanStepKind step) => step switch
    {
        ScanStepKind.Slimmed => FileActions.Slim,
        ScanStepKind.OutOfArchive => FileActions.TakeOut,
        ScanStepKind.PageCount => FileActions.CountPages,
        ScanStepKind.Registered => FileActions.Register,
        ScanStepKind.Prepared => FileActions.Prepare,
        ScanStepKind.Scanned => FileActions.Scan,
        ScanStepKind.QualityChecked => FileActions.CheckQuality,
        ScanStepKind.Verified => FileActions.Verify,
        ScanStepKind.Reassembled => FileActions.Reassemble,
        ScanStepKind.Recounted => FileActions.Recount,
        ScanStepKind.BackOnShelf => FileActions.ReturnToShelf,
        ScanStepKind.Stored => FileActions.Store,
        ScanStepKind.Indexed => FileActions.Index,
        _ => FileActions.None,
    };

    /// <summary>
    /// The acts the file's state allows: the next step only; in discrepancy, a recount again or the supervisor's
    /// resolution; out of turn while the file is not yet scanned.
    /// </summary>
    public FileActions AllowedActions
    {
        get
        {
            var acts = NextStep is { } next ? ActFor(next) : FileActions.None;
            if (InDiscrepancy) acts |= FileActions.ResolveDiscrepancy;
            if (!OutOfTurn && (LastStep is null || LastStep < ScanStepKind.Scanned)) acts |= FileActions.MarkOutOfTurn;
            return acts;
        }
    }

    public bool Allows(FileActions action) => (AllowedActions & action) == action;

    internal void Require(FileActions action)
    {
        if (!Allows(action)) throw DomainException.Of("ElectronicFiles.StepOutOfOrder");
    }

    /// <summary>Slimmed under the organising instruction (seed 003, part 4 §1): before it is taken out to be scanned.</summary>
    public void Slim(string by, DateTimeOffset at)
    {
        Record(ScanStepKind.Slimmed, by, at);
        Slimmed = true;
    }

    public void TakeOut(string by, DateTimeOffset at) => Record(ScanStepKind.OutOfArchive, by, at);

    /// <summary>Step 2: the sheets counted before anything is taken apart.</summary>
    public void CountPages(int pages, string by, DateTimeOffset at)
    {
        CheckPages(pages);
        Record(ScanStepKind.PageCount, by, at, pages);
        PageCount = pages;
    }

    /// <summary>Step 3: registered in the portal and the printed barcode label stuck on.</summary>
    public void Register(string by, DateTimeOffset at) => Record(ScanStepKind.Registered, by, at);

    public void Prepare(string by, DateTimeOffset at) => Record(ScanStepKind.Prepared, by, at);

    public void Scan(string by, DateTimeOffset at)
    {
        Record(ScanStepKind.Scanned, by, at);
        ScannedBy = by;
    }

    /// <summary>Step 6: the images checked; named pages that had to be scanned again are recorded with the reason.</summary>
    public void CheckQuality(IReadOnlyCollection<int> rescannedPages, string? reason, string by, DateTimeOffset at)
    {
        Require(FileActions.CheckQuality);
        string? note = null;
        if (rescannedPages.Count > 0)
        {
            if (rescannedPages.Any(p => p < 1 || p > (PageCount ?? MaxPages)))
                throw DomainException.Of("ElectronicFiles.RescanPageRange", TextNormalizer.ToPersianDigits((PageCount ?? MaxPages).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var why = Reason(reason, "ElectronicFiles.RescanReasonRequired");
            note = $"{string.Join("، ", rescannedPages.Distinct().Order())}: {why}";
        }
        Record(ScanStepKind.QualityChecked, by, at, rescannedPages.Count > 0 ? rescannedPages.Distinct().Count() : null, note);
    }

    /// <summary>Step 7: checked against the originals by an official who did not scan the file.</summary>
    public void Verify(string by, DateTimeOffset at)
    {
        Require(FileActions.Verify);
        if (string.Equals(by, ScannedBy, StringComparison.OrdinalIgnoreCase)) throw DomainException.Of("ElectronicFiles.VerifierIsScanner");
        Record(ScanStepKind.Verified, by, at);
    }

    public void Reassemble(string by, DateTimeOffset at) => Record(ScanStepKind.Reassembled, by, at);

    /// <summary>
    /// Step 9: the sheets counted again. Equal to step 2's count, the file moves on; otherwise it stops in discrepancy
    /// (the step is not done) until it is recounted equal or a supervisor resolves it.
    /// </summary>
    public void Recount(int pages, string by, DateTimeOffset at)
    {
        Require(FileActions.Recount);
        CheckPages(pages);
        RecountPages = pages;
        if (pages != PageCount)
        {
            InDiscrepancy = true;
            Touch();
            return;
        }
        InDiscrepancy = false;
        Record(ScanStepKind.Recounted, by, at, pages);
    }

    /// <summary>A branch supervisor accepts the recount with the reason the counts differ; the file moves on.</summary>
    public void ResolveDiscrepancy(string reason, string by, DateTimeOffset at)
    {
        Require(FileActions.ResolveDiscrepancy);
        var why = Reason(reason, "ElectronicFiles.ResolutionReasonRequired");
        var note = Messages.Format("ElectronicFiles.DiscrepancyNote",
            TextNormalizer.ToPersianDigits(PageCount.GetValueOrDefault().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            TextNormalizer.ToPersianDigits(RecountPages.GetValueOrDefault().ToString(System.Globalization.CultureInfo.InvariantCulture)), why);
        InDiscrepancy = false;
        Record(ScanStepKind.Recounted, by, at, RecountPages, note);
    }

    /// <summary>Step 10: back on its shelf, at a new location when it moved.</summary>
    public void ReturnToShelf(ShelfLocation? moved, string by, DateTimeOffset at)
    {
        Require(FileActions.ReturnToShelf);
        if (moved is not null) (ShelfRow, ShelfNumber, ShelfBox) = (moved.Row, moved.Shelf, moved.Box);
        Record(ScanStepKind.BackOnShelf, by, at);
    }

    /// <summary>Step 11: the images are in the central store; a file with no document stored is refused.</summary>
    public void Store(int storedDocuments, string by, DateTimeOffset at)
    {
        Require(FileActions.Store);
        if (storedDocuments == 0) throw DomainException.Of("ElectronicFiles.NoImages");
        Record(ScanStepKind.Stored, by, at, storedDocuments);
    }

    /// <summary>Step 12: each document indexed under its type and heading.</summary>
    public void Index(int indexedDocuments, string by, DateTimeOffset at)
    {
        Require(FileActions.Index);
        if (indexedDocuments == 0) throw DomainException.Of("ElectronicFiles.NoImages");
        Record(ScanStepKind.Indexed, by, at, indexedDocuments);
    }

    /// <summary>Needed for a service or a transfer to another branch: the file jumps the queue (seed 003, part 3 §1b).</summary>
    public void MarkOutOfTurn(OutOfTurnReason reason, string note, string by, DateTimeOffset at)
    {
        Require(FileActions.MarkOutOfTurn);
        if (!Enum.IsDefined(reason)) throw DomainException.Of("ElectronicFiles.OutOfTurnReasonRequired");
        OutOfTurnNote = Reason(note, "ElectronicFiles.OutOfTurnReasonRequired");
        (OutOfTurn, OutOfTurnReason, OutOfTurnAt, OutOfTurnBy) = (true, reason, at, by);
        Touch();
    }

    /// <summary>A unit other than the branch (an agency, a centre) has worked on the file: from now on it sees it.</summary>
    internal void AddWorker(int unitId)
    {
        if (unitId != BranchId && _workers.All(w => w.UnitId != unitId)) _workers.Add(new FileWorker(unitId));
    }

    private void Record(ScanStepKind step, string by, DateTimeOffset at, int? pages = null, string? note = null)
    {
        Require(ActFor(step));
        _steps.Add(new ScanStep(step, by, at, pages, note));
        (LastStep, LastStepAt, LastStepBy) = (step, at, by);
        Touch();
    }

    private static void CheckPages(int pages)
    {
        if (pages is < 1 or > MaxPages)
            throw DomainException.Of("ElectronicFiles.PagesRange", TextNormalizer.ToPersianDigits(MaxPages.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string Reason(string? text, string requiredKey)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0) throw DomainException.Of(requiredKey);
        if (normalized.Length > NoteMaxLength)
            throw DomainException.Of("ElectronicFiles.ReasonTooLong", TextNormalizer.ToPersianDigits(NoteMaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return normalized;
    }

    private void Touch() => Version = Guid.NewGuid();
}

/// <summary>One step done on a file: which, who, when, and the count or note it carries.</summary>
public sealed class ScanStep
{
    public long Id { get; private set; }
    public int FileId { get; private set; }
    public ScanStepKind Kind { get; private set; }
    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    /// <summary>Sheets counted (steps 2 and 9), pages rescanned (step 6), documents stored or indexed (11, 12).</summary>
    public int? Count { get; private set; }
    public string? Note { get; private set; }

    private ScanStep() { }

    internal ScanStep(ScanStepKind kind, string by, DateTimeOffset at, int? count, string? note) =>
        (Kind, By, At, Count, Note) = (kind, by, at, count, note);
}

/// <summary>A unit outside the holding branch that works on a file (has added a document to it), and so sees it.</summary>
public sealed class FileWorker
{
    public int FileId { get; private set; }
    public int UnitId { get; private set; }

    private FileWorker() { }

    internal FileWorker(int unitId) => UnitId = unitId;
}
