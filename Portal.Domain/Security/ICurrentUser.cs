namespace Portal.Domain.Security;

/// <summary>Who is acting: the signed-in user, or the system for commands and seeding.</summary>
public sealed record Actor(string? UserId, string UserName, string Role, int? UnitId, OrgScope Scope)
{
    public static readonly Actor Anonymous = new(null, "anonymous", "", null, OrgScope.None);
    public static readonly Actor System = new(null, "system", Roles.SystemAdmin, null, OrgScope.National);
}

/// <summary>The acting user, read from the authentication state (never from the HTTP context).</summary>
public interface ICurrentUser
{
    ValueTask<Actor> GetAsync();
}

/// <summary>Entities that belong to a unit and are filtered by <see cref="OrgScope"/> in every query.</summary>
public interface IScoped;

/// <summary>Entities whose changes the audit interceptor records.</summary>
public interface IAudited;

/// <summary>Audited records that belong to one unit, so that unit's page can show their whole history.</summary>
public interface IUnitOwned
{
    int OwnerUnitId { get; }
}
