using Portal.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.Users;

/// <summary>A portal account: belongs to one unit and holds one role (kept in Identity's user-role table).</summary>
public sealed class PortalUser : IdentityUser, IAudited, IUnitOwned, ISearchable
{
    public string FullName { get; private set; } = "";
    public int UnitId { get; private set; }
    public OrgUnit Unit { get; private set; } = null!;
    public bool IsDisabled { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Set while the password is one an administrator chose (a first or a reset password): it works only to change it.</summary>
    public bool MustChangePassword { get; private set; }
    /// <summary>When the user last chose their own password; its change is the audit trail of the act.</summary>
    public DateTimeOffset? PasswordChangedAt { get; private set; }
    public string SearchText { get; private set; } = "";
    /// <summary>
    /// The person's national ID, for accounts asked for through an <see cref="AccountRequest"/>: one person has one enabled
    /// account (circular 2044/130662). Null on accounts made before it was recorded (the administrator's, the demo's).
    /// </summary>
    public string? NationalId { get; private set; }

    int IUnitOwned.OwnerUnitId => UnitId;

    private PortalUser() { }

    // Units are referenced by id: Identity saves users through its own context, which must not re-add the unit.
    public PortalUser(string userName, string fullName, int unitId, DateTimeOffset createdAt) : base(userName)
    {
        FullName = fullName;
        UnitId = unitId;
        CreatedAt = createdAt;
    }

    /// <summary>The password was handed over by someone else: the user must replace it before doing anything.</summary>
    public void RequirePasswordChange() => MustChangePassword = true;

    public void PasswordChosen(DateTimeOffset at)
    {
        MustChangePassword = false;
        PasswordChangedAt = at;
    }

    /// <summary>Records whose account this is (a national ID already checked) and the mobile they gave.</summary>
    internal void IdentifyAs(string nationalId, string? mobile) => (NationalId, PhoneNumber) = (nationalId, mobile);

    public IEnumerable<string?> SearchedFields() => [UserName, FullName];

    public void Rename(string fullName) => FullName = fullName;

    public void MoveTo(int unitId) => UnitId = unitId;

    public void Disable() => IsDisabled = IsDisabled ? throw new InvalidOperationException("The account is already disabled.") : true;

    public void Enable() => IsDisabled = IsDisabled ? false : throw new InvalidOperationException("The account is already enabled.");
}
