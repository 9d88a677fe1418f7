using Portal.Domain.Common;
using Portal.Domain.Security;

namespace Portal.Domain.OffsetFiles;

public enum OffsetFileStatus { Draft = 1, Sent, UnderReview, Closed }

/// <summary>What can be done to an offset file; <see cref="OffsetFile.ActionsIn"/> says which its status allows.</summary>
[Flags]
public enum OffsetFileActions { None = 0, Compile = 1, Send = 2, RecordReview = 4, Close = 8 }

/// <summary>
/// A general office's offset file (seed 001 §3): chosen debtor workshops and medical centres' claims, sent by the
/// director-general to the province's governor, who records meetings and, per employer–centre pair, whether they
/// agreed and on how much. Draft → sent → under review → closed, and no other way; a sent file's lists never change.
/// </summary>
public sealed class OffsetFile : IScoped, IAudited
{
    private readonly List<OffsetFileDebtor> _debtors = [];
    private readonly List<OffsetFileClaim> _claims = [];
    private readonly List<OffsetMeeting> _meetings = [];
    private readonly List<OffsetAgreement> _agreements = [];

    public int Id { get; private set; }
    public int ProvinceId { get; private set; }
    public string Title { get; private set; } = "";
    public OffsetFileStatus Status { get; private set; } = OffsetFileStatus.Draft;
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    /// <summary>Given when the file is sent (<see cref="OffsetCoverLetter.NumberFor"/>); the letter and the reports cite it.</summary>
    public string? Number { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? SentBy { get; private set; }
    public string? CoverLetterSha256 { get; private set; }
    /// <summary>The code the cover letter's QR carries to its public verification page; given when the file is sent.</summary>
    public string? VerificationCode { get; private set; }
    public string? DebtorsSheetSha256 { get; private set; }
    public string? ClaimsSheetSha256 { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public IReadOnlyCollection<OffsetFileDebtor> Debtors => _debtors;
    public IReadOnlyCollection<OffsetFileClaim> Claims => _claims;
    public IReadOnlyCollection<OffsetMeeting> Meetings => _meetings;
    public IReadOnlyCollection<OffsetAgreement> Agreements => _agreements;
    public Guid Version { get; private set; } = Guid.NewGuid();

    private OffsetFile() { }

    public OffsetFile(int provinceId, string title, string by, DateTimeOffset at)
    {
        var checkedTitle = Input.Text(title, TextLength.Title);
        if (TextNormalizer.Normalize(title).Length == 0) throw DomainException.Of("Offset.TitleRequired");
        if (!checkedTitle.IsValid) throw DomainException.Of("Offset.TitleInvalid", checkedTitle.Error!);
        (ProvinceId, Title, CreatedBy, CreatedAt) = (provinceId, checkedTitle.Value!, by, at);
    }

    /// <summary>
    /// The acts each status allows, and the guarded methods below refuse the others: a draft's lists are compiled and
    /// it is sent; a sent file's meetings and outcomes are recorded (review); a file under review is also closed.
    /// </summary>
    public static OffsetFileActions ActionsIn(OffsetFileStatus status) => status switch
    {
        OffsetFileStatus.Draft => OffsetFileActions.Compile | OffsetFileActions.Send,
        OffsetFileStatus.Sent => OffsetFileActions.RecordReview,
        OffsetFileStatus.UnderReview => OffsetFileActions.RecordReview | OffsetFileActions.Close,
        _ => OffsetFileActions.None,
    };

    public static bool Allows(OffsetFileStatus status, OffsetFileActions action) => (ActionsIn(status) & action) == action;

    public OffsetFileActions AllowedActions => ActionsIn(Status);

    /// <summary>
    /// Sets the file's lists (draft only); every workshop and claim must be of the file's province, and none may be
    /// in another file still open (<see cref="Holding"/>: the caller reads them from the database).
    /// </summary>
    public void Compile(IReadOnlyCollection<DebtorWorkshop> debtors, IReadOnlyCollection<CenterClaim> claims, IReadOnlyCollection<Holding>? heldElsewhere = null)
    {
        Require(OffsetFileActions.Compile);
        if (debtors.Any(d => d.ProvinceId != ProvinceId) || claims.Any(c => c.ProvinceId != ProvinceId)) throw DomainException.Of("Offset.OtherProvince");
        RefuseHeld(heldElsewhere);
        _debtors.RemoveAll(d => debtors.All(x => x.Id != d.WorkshopId));
        _debtors.AddRange(debtors.Where(x => _debtors.All(d => d.WorkshopId != x.Id)).Select(x => new OffsetFileDebtor(x)));
        _claims.RemoveAll(c => claims.All(x => x.Id != c.ClaimId));
        _claims.AddRange(claims.Where(x => _claims.All(c => c.ClaimId != x.Id)).Select(x => new OffsetFileClaim(x)));
        Touch();
    }

    /// <summary>Throws unless the file could be sent now: a draft with at least one debtor and one claim.</summary>
    public void CheckSendable()
    {
        Require(OffsetFileActions.Send);
        if (_debtors.Count == 0 || _claims.Count == 0) throw DomainException.Of("Offset.EmptyFile");
    }

    /// <summary>The director-general sends the file to the governor with its letter and lists, which are kept as sent.</summary>
    public void Send(string number, string verificationCode, OffsetFilePapers papers, string by, DateTimeOffset at)
    {
        CheckSendable();
        (Status, Number, VerificationCode, SentAt, SentBy) = (OffsetFileStatus.Sent, number, verificationCode, at, by);
        (CoverLetterSha256, DebtorsSheetSha256, ClaimsSheetSha256) = (papers.CoverLetterSha256, papers.DebtorsSheetSha256, papers.ClaimsSheetSha256);
        Touch();
    }

    /// <summary>The governor's office records a meeting; the first one puts the file under review.</summary>
    public OffsetMeeting RecordMeeting(DateOnly heldOn, string attendees, string minutes)
    {
        Require(OffsetFileActions.RecordReview);
        var meeting = new OffsetMeeting(this, heldOn, TextNormalizer.Normalize(attendees), TextNormalizer.Normalize(minutes));
        _meetings.Add(meeting);
        Status = OffsetFileStatus.UnderReview;
        Touch();
        return meeting;
    }

    /// <summary>
    /// The outcome for one employer–centre pair of the file: agreed on an amount, or not agreed. Recorded once per
    /// pair. The caller checks the amount against what is left of the debt and the claim less what other open
    /// agreements hold (<see cref="OffsetDesk"/>); the posting checks again in the statement that takes it.
    /// </summary>
    public OffsetAgreement RecordOutcome(int workshopId, int claimId, long? agreedAmount, string by, DateTimeOffset at)
    {
        Require(OffsetFileActions.RecordReview);
        if (_debtors.All(d => d.WorkshopId != workshopId) || _claims.All(c => c.ClaimId != claimId)) throw DomainException.Of("Offset.PairNotInFile");
        if (_agreements.Any(a => a.WorkshopId == workshopId && a.ClaimId == claimId)) throw DomainException.Of("Offset.PairRecorded");
        if (agreedAmount is <= 0) throw DomainException.Of("Offset.AmountPositive");
        var agreement = new OffsetAgreement(this, workshopId, claimId, agreedAmount, by, at);
        _agreements.Add(agreement);
        Status = OffsetFileStatus.UnderReview;
        Touch();
        return agreement;
    }

    /// <summary>
    /// The governor's office ends its review. The file keeps its lists, meetings and outcomes as they are; its debtors
    /// and claims not settled are free again for another file, with what is left of them (an open agreement of this
    /// file still holds its amount until it is confirmed, amended or withdrawn).
    /// </summary>
    public void Close(DateTimeOffset at)
    {
        Require(OffsetFileActions.Close);
        (Status, ClosedAt) = (OffsetFileStatus.Closed, at);
        Touch();
    }

    /// <summary>A debtor or a claim in a file not closed: what it is (workshop code and employer, or centre) and that file.</summary>
    public sealed record Holding(int FileId, string FileLabel, bool IsDebtor, int ItemId, string ItemLabel);

    /// <summary>Refuses while any of the file's debtors or claims is in another file still open.</summary>
    public void RefuseHeld(IReadOnlyCollection<Holding>? heldElsewhere)
    {
        if (heldElsewhere?.FirstOrDefault(h => h.FileId != Id) is { } held)
            throw DomainException.Of(held.IsDebtor ? "Offset.DebtorInOpenFile" : "Offset.ClaimInOpenFile", held.ItemLabel, held.FileLabel);
    }

    private void Require(OffsetFileActions action)
    {
        if (!Allows(Status, action)) throw DomainException.Of("Offset.IllegalTransition", Messages.Get($"OffsetFileStatus.{Status}"));
    }

    private void Touch() => Version = Guid.NewGuid();
}

public sealed class OffsetFileDebtor : IAudited
{
    public int FileId { get; private set; }
    public int WorkshopId { get; private set; }
    public DebtorWorkshop Workshop { get; private set; } = null!;

    private OffsetFileDebtor() { }

    internal OffsetFileDebtor(DebtorWorkshop workshop) => (Workshop, WorkshopId) = (workshop, workshop.Id);
}

public sealed class OffsetFileClaim : IAudited
{
    public int FileId { get; private set; }
    public int ClaimId { get; private set; }
    public CenterClaim Claim { get; private set; } = null!;

    private OffsetFileClaim() { }

    internal OffsetFileClaim(CenterClaim claim) => (Claim, ClaimId) = (claim, claim.Id);
}

/// <summary>A meeting at the governor's office about a file: when, who attended, what was said.</summary>
public sealed class OffsetMeeting : IAudited
{
    public int Id { get; private set; }
    public int FileId { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public string Attendees { get; private set; } = "";
    public string Minutes { get; private set; } = "";

    private OffsetMeeting() { }

    internal OffsetMeeting(OffsetFile file, DateOnly heldOn, string attendees, string minutes)
    {
        if (attendees.Length == 0) throw DomainException.Of("Offset.AttendeesRequired");
        (FileId, HeldOn, Attendees, Minutes) = (file.Id, heldOn, attendees, minutes);
    }
}
