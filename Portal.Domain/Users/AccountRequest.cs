using Portal.Domain.Common;
using Portal.Domain.Security;

namespace Portal.Domain.Users;

/// <summary>New accounts for a branch's staff, or the accounts of staff who left a branch to be disabled.</summary>
public enum AccountRequestKind { Create = 1, Disable }

public enum AccountRequestStatus { Pending = 1, Approved, Refused }

/// <summary>
/// A province's general office asking head office's registration and individual accounts office for its branches' user
/// accounts (seed 004 §1), under the security circular 2044/130662: one person one account, no shared accounts, and the
/// accounts of staff who leave a branch disabled through the same request. Head office approves (the accounts are created,
/// or disabled) or refuses with a reason; a created account's first password is then handed over once, per person, to the
/// requesting office (<see cref="AccountRequestLine.HandOver"/>). Scoped to the requesting office's province.
/// </summary>
public sealed class AccountRequest : IScoped, IAudited, IUnitOwned
{
    /// <summary>One request is one letter: a branch opening or a round of staff changes, not the whole province's staff.</summary>
    public const int MaxLines = 30;

    private readonly List<AccountRequestLine> _lines = [];

    public int Id { get; private set; }
    public int ProvinceId { get; private set; }
    /// <summary>The general office that asked.</summary>
    public int UnitId { get; private set; }
    public AccountRequestKind Kind { get; private set; }
    public AccountRequestStatus Status { get; private set; } = AccountRequestStatus.Pending;
    /// <summary>The requester's note; for a disable request, why (the staff left the branch, moved, retired).</summary>
    public string? Note { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? RefusalReason { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public IReadOnlyList<AccountRequestLine> Lines => _lines;

    int IUnitOwned.OwnerUnitId => UnitId;

    private AccountRequest() { }

    internal AccountRequest(int provinceId, int unitId, AccountRequestKind kind, string? note, IEnumerable<AccountRequestLine> lines, string by, DateTimeOffset at)
    {
        (ProvinceId, UnitId, Kind, Note, RequestedBy, RequestedAt) = (provinceId, unitId, kind, note, by, at);
        _lines.AddRange(lines);
        if (_lines.Count == 0) throw DomainException.Of("AccountRequests.NoLines");
        if (_lines.Count > MaxLines) throw DomainException.Of("AccountRequests.TooManyLines", TextNormalizer.ToPersianDigits(MaxLines.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (_lines.Any(l => (l.UserId is null) != (kind == AccountRequestKind.Create))) throw DomainException.Of("AccountRequests.LineKindMismatch");
        foreach (var line in _lines) line.BelongTo(provinceId, unitId);
    }

    /// <summary>Head office approves: the accounts are created (or disabled) by the caller in the same transaction.</summary>
    internal void Approve(string by, DateTimeOffset at)
    {
        RequirePending();
        (Status, DecidedBy, DecidedAt) = (AccountRequestStatus.Approved, by, at);
        Touch();
    }

    internal void Refuse(string reason, string by, DateTimeOffset at)
    {
        RequirePending();
        var text = Input.Text(reason, TextLength.Reason).OrRefuse("AccountRequests.RefusalReason");
        (Status, DecidedBy, DecidedAt, RefusalReason) = (AccountRequestStatus.Refused, by, at, text);
        Touch();
    }

    /// <summary>The first password of the line's account goes to the requesting office, once (see <see cref="AccountRequestLine.HandOver"/>).</summary>
    internal AccountRequestLine HandOver(int lineId, string by, DateTimeOffset at)
    {
        if (Status != AccountRequestStatus.Approved || Kind != AccountRequestKind.Create) throw DomainException.Of("AccountRequests.NotApproved");
        var line = _lines.SingleOrDefault(l => l.Id == lineId) ?? throw DomainException.Of("AccountRequests.NotFound");
        line.HandOver(by, at);
        Touch();
        return line;
    }

    private void RequirePending()
    {
        if (Status != AccountRequestStatus.Pending) throw DomainException.Of("AccountRequests.AlreadyDecided");
    }

    private void Touch() => Version = Guid.NewGuid();
}

/// <summary>
/// One person of a request: who, in which branch, in which role; for a disable request, the account to disable. On
/// approval <see cref="UserId"/> and <see cref="UserName"/> name the account created (or disabled).
/// </summary>
public sealed class AccountRequestLine : IScoped, IAudited, IUnitOwned
{
    /// <summary>The roles a general office may ask for: its branches' staff and their documents officials, nothing above.</summary>
    public static readonly string[] BranchRoles = [Roles.BranchStaff, Roles.BranchSupervisor];

    public int Id { get; private set; }
    public int RequestId { get; private set; }
    public int ProvinceId { get; private set; }
    public int UnitId { get; private set; }
    public string FullName { get; private set; } = "";
    public string NationalId { get; private set; } = "";
    public int BranchId { get; private set; }
    public string Role { get; private set; } = "";
    public string? Mobile { get; private set; }
    public string? UserId { get; private set; }
    public string? UserName { get; private set; }
    public string? HandedOverBy { get; private set; }
    public DateTimeOffset? HandedOverAt { get; private set; }

    int IUnitOwned.OwnerUnitId => UnitId;

    private AccountRequestLine() { }

    /// <summary>A person to get an account (values already checked by <see cref="AccountRequestForm"/>).</summary>
    internal static AccountRequestLine ToCreate(string fullName, string nationalId, int branchId, string role, string mobile) =>
        new() { FullName = fullName, NationalId = nationalId, BranchId = branchId, Role = role, Mobile = mobile };

    /// <summary>An existing account to disable, as it stands when asked.</summary>
    internal static AccountRequestLine ToDisable(PortalUser user, string role) =>
        new() { FullName = user.FullName, NationalId = user.NationalId ?? "", BranchId = user.UnitId, Role = role, UserId = user.Id, UserName = user.UserName };

    internal void BelongTo(int provinceId, int unitId) => (ProvinceId, UnitId) = (provinceId, unitId);

    internal void Created(PortalUser user) => (UserId, UserName) = (user.Id, user.UserName);

    /// <summary>
    /// Once: the password set now is shown to the requesting office this one time, for the branch; a second handover is
    /// refused (a lost first password is a reset by the administrator, recorded as such).
    /// </summary>
    internal void HandOver(string by, DateTimeOffset at)
    {
        if (UserId is null) throw DomainException.Of("AccountRequests.NotApproved");
        if (HandedOverAt is not null) throw DomainException.Of("AccountRequests.AlreadyHandedOver");
        (HandedOverBy, HandedOverAt) = (by, at);
    }

    /// <summary>
    /// The user name an approved line's account gets: the branch's code and the person's national ID (<c>br-08-01.0012345679</c>),
    /// so a name says where and who; a person who had an account in that branch before (now disabled) gets <c>-2</c>, <c>-3</c>….
    /// </summary>
    public static string UserNameFor(string branchCode, string nationalId, int attempt = 1) =>
        $"{branchCode.ToLowerInvariant()}.{nationalId}" + (attempt > 1 ? $"-{attempt}" : "");
}
