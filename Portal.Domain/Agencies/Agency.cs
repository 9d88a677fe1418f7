using Portal.Domain.Security;
using Portal.Domain.Common;
using Portal.Domain.Organisation;

namespace Portal.Domain.Agencies;

public enum AgencyStatus { Active = 1, Suspended, Closed }

/// <summary>Who changes something, when, and from which date it takes effect (for change notices).</summary>
public sealed record ChangeStamp(string By, DateTimeOffset At, DateOnly Effective);

/// <summary>An official agency (کارگزاری رسمی): reports to a general office, files its claims with a review office.</summary>
public sealed class Agency : OrgUnit
{
    private readonly List<BoardMember> _board = [];
    private readonly List<Representative> _representatives = [];
    private readonly List<ChangeNotice> _notices = [];

    public AgencyStatus Status { get; private set; } = AgencyStatus.Active;
    public int ReviewOfficeId { get; private set; }
    public OrgUnit ReviewOffice { get; private set; } = null!;
    public string ManagerName { get; private set; } = "";
    public string ManagerNationalId { get; private set; } = "";
    public string ManagerMobile { get; private set; } = "";
    public string? PostalCode { get; private set; }
    public string? Sheba { get; private set; }
    public DateOnly? BankConfirmedOn { get; private set; }
    public string? BankLetterNo { get; private set; }
    /// <summary>The first day the agency was closed (the change's effective date); it still reports for the months it was open.</summary>
    public DateOnly? ClosedOn { get; private set; }
    /// <summary>Renewed on every save, so two people editing the same agency cannot silently overwrite each other.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();
    public IReadOnlyCollection<BoardMember> Board => _board;
    public IReadOnlyCollection<Representative> Representatives => _representatives;
    public IReadOnlyCollection<ChangeNotice> Notices => _notices;

    private Agency() { }

    public override IEnumerable<string?> SearchedFields() => [.. base.SearchedFields(), ManagerName];

    public Agency(string code, string name, Province province, OrgUnit generalOffice, OrgUnit reviewOffice)
        : base(UnitKind.Agency, code, name, province, generalOffice)
    {
        if (generalOffice.Kind != UnitKind.GeneralOffice) throw new ArgumentException("An agency reports to a general office.", nameof(generalOffice));
        if (reviewOffice.Kind != UnitKind.ReviewOffice) throw new ArgumentException("An agency files with a review office.", nameof(reviewOffice));
        ReviewOffice = reviewOffice;
        ReviewOfficeId = reviewOffice.Id;
    }

    public bool IsClosed => Status == AgencyStatus.Closed;

    /// <summary>Open on at least one day of the month: the months it owes a monthly report for (from go-live on).</summary>
    public bool WasOpenIn(JalaliMonth month) => !IsClosed || ClosedOn > month.First.ToDateOnly();

    /// <summary>Seeding only: names the first manager, which is not a change.</summary>
    public void AppointManager(string name, string nationalId, string mobile) =>
        (ManagerName, ManagerNationalId, ManagerMobile) = (name, nationalId, mobile);

    /// <summary>
    /// A copy read for display only (never tracked, never saved) with the personal fields as <paramref name="personal"/>
    /// lets its reader see them: an empty string for a field withheld.
    /// </summary>
    internal void ConcealFor(PersonalData personal)
    {
        (ManagerNationalId, ManagerMobile) = (personal.NationalId(ManagerNationalId) ?? "", personal.Mobile(ManagerMobile) ?? "");
        foreach (var member in _board) member.ConcealFor(personal);
        foreach (var representative in _representatives) representative.ConcealFor(personal);
    }

    /// <summary>Seeding only: the details a general office lists first, which raise no change notice.</summary>
    internal void ListDetails(string postalCode, string? sheba, DateOnly? bankConfirmedOn, string? bankLetterNo) =>
        (PostalCode, Sheba, BankConfirmedOn, BankLetterNo) = (postalCode, sheba, bankConfirmedOn, bankLetterNo);

    /// <summary>
    /// Applies a validated profile. A new manager or a new location (city, address, postal code) raises a change
    /// notice for the treatment directorate; other edits do not. Closed is final.
    /// </summary>
    public void Update(AgencyProfile profile, OrgUnit reviewOffice, ChangeStamp stamp)
    {
        if (IsClosed) throw DomainException.Of("Agency.Closed");
        if (reviewOffice.Kind != UnitKind.ReviewOffice || !reviewOffice.InSameProvinceAs(this)) throw DomainException.Of("Agency.ReviewOfficeOutside");
        var oldManager = (ManagerName, ManagerNationalId, ManagerMobile);
        var oldLocation = (City, Address, PostalCode);
        Rename(profile.Name);
        SetContact(profile.City, profile.Address, profile.Phone);
        PostalCode = profile.PostalCode;
        (ManagerName, ManagerNationalId, ManagerMobile) = (profile.ManagerName, profile.ManagerNationalId, profile.ManagerMobile);
        if (Sheba != profile.Sheba) (BankConfirmedOn, BankLetterNo) = (null, null); // a confirmation is for one account
        Sheba = profile.Sheba;
        if (profile.BankConfirmedOn is not null) (BankConfirmedOn, BankLetterNo) = (profile.BankConfirmedOn, profile.BankLetterNo);
        ReviewOffice = reviewOffice;
        ReviewOfficeId = reviewOffice.Id;
        if (profile.Status == AgencyStatus.Closed) ClosedOn = stamp.Effective;
        Status = profile.Status;
        Raise(ChangeKind.Manager, ManagerFields(oldManager), stamp);
        if (oldLocation.Address is not null) Raise(ChangeKind.Location, LocationFields(oldLocation), stamp); // no address yet: a first listing
        Touch();
    }

    public void ReplaceBoard(IEnumerable<BoardMemberInput> members)
    {
        if (IsClosed) throw DomainException.Of("Agency.Closed");
        _board.Clear();
        _board.AddRange(members.Select(m => new BoardMember(this, m)));
        Touch();
    }

    public Representative NameRepresentative(RepresentativeInput input, DateTimeOffset at)
    {
        if (IsClosed) throw DomainException.Of("Agency.ClosedNoRepresentatives");
        if (_representatives.Any(r => r.IsActive && r.NationalId == input.NationalId)) throw DomainException.Of("Agency.RepresentativeDuplicate");
        var representative = new Representative(this, input, at);
        _representatives.Add(representative);
        Touch();
        return representative;
    }

    public void RemoveRepresentative(int representativeId, DateTimeOffset at)
    {
        var representative = _representatives.SingleOrDefault(r => r.Id == representativeId && r.IsActive) ?? throw DomainException.Of("Agency.RepresentativeNotFound");
        representative.Remove(at);
        Touch();
    }

    /// <summary>Checked before an account is added to the agency; the users change itself is recorded by <see cref="UsersChanged"/>.</summary>
    public void EnsureAcceptsUsers()
    {
        if (IsClosed) throw DomainException.Of("Agency.ClosedNoUsers");
    }

    public void UsersChanged(IEnumerable<string> before, IEnumerable<string> after, ChangeStamp stamp) =>
        Raise(ChangeKind.Users, [new NoticeField("Users", string.Join("، ", before.Order()), string.Join("، ", after.Order()))], stamp);

    private void Raise(ChangeKind kind, IReadOnlyList<NoticeField> fields, ChangeStamp stamp)
    {
        // The first details ever entered are a listing, not a change.
        // Compared as normalised text: the same address typed with Persian or Latin digits is not a move.
        if (fields.All(f => TextNormalizer.Normalize(f.Before) == TextNormalizer.Normalize(f.After))) return;
        if (fields.All(f => string.IsNullOrWhiteSpace(f.Before.Replace("،", "")))) return;
        _notices.Add(new ChangeNotice(this, kind, fields, stamp));
    }

    /// <summary>The manager's fields, old and new, named as the agency's properties (the labels come from them).</summary>
    private List<NoticeField> ManagerFields((string Name, string NationalId, string Mobile) old) =>
    [
        new(nameof(ManagerName), old.Name, ManagerName),
        new(nameof(ManagerNationalId), old.NationalId, ManagerNationalId),
        new(nameof(ManagerMobile), old.Mobile, ManagerMobile),
    ];

    private List<NoticeField> LocationFields((string? City, string? Address, string? PostalCode) old) =>
    [
        new(nameof(City), old.City ?? "", City ?? ""),
        new(nameof(Address), old.Address ?? "", Address ?? ""),
        new(nameof(PostalCode), old.PostalCode ?? "", PostalCode ?? ""),
    ];

    private void Touch() => Version = Guid.NewGuid();
}
