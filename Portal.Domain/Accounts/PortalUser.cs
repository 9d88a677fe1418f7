using Microsoft.AspNetCore.Identity;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.Accounts;

/// <summary>A portal account: belongs to one unit and holds one role (kept in Identity's user-role table).</summary>
public sealed class PortalUser : IdentityUser, IAudited
{
    public string FullName { get; private set; } = "";
    public int UnitId { get; private set; }
    public OrgUnit Unit { get; private set; } = null!;
    public bool IsDisabled { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private PortalUser() { }

    public PortalUser(string userName, string fullName, OrgUnit unit, DateTimeOffset createdAt) : base(userName)
    {
        FullName = fullName;
        Unit = unit;
        UnitId = unit.Id;
        CreatedAt = createdAt;
    }

    public void Rename(string fullName) => FullName = fullName;

    public void MoveTo(OrgUnit unit)
    {
        Unit = unit;
        UnitId = unit.Id;
    }

    public void Disable() => IsDisabled = IsDisabled ? throw new InvalidOperationException("The account is already disabled.") : true;

    public void Enable() => IsDisabled = IsDisabled ? false : throw new InvalidOperationException("The account is already enabled.");
}
