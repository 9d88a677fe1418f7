namespace Portal.Domain.Security;

public enum ScopeLevel { None, National, Province, Unit }

/// <summary>
/// What a user may see and change. Built once from the signed-in user; the data layer filters every
/// scoped entity by it and commands re-check it. <see cref="None"/> matches nothing, so a context
/// nobody scoped fails closed.
/// </summary>
public sealed record OrgScope(ScopeLevel Level, int? ProvinceId, int? UnitId)
{
    public static readonly OrgScope None = new(ScopeLevel.None, null, null);
    public static readonly OrgScope National = new(ScopeLevel.National, null, null);

    public static OrgScope Province(int provinceId) => new(ScopeLevel.Province, provinceId, null);
    public static OrgScope Unit(int? provinceId, int unitId) => new(ScopeLevel.Unit, provinceId, unitId);

    /// <summary>The scope a role held in a unit gives. A provincial role without a province gets nothing.</summary>
    public static OrgScope For(string role, int unitId, int? unitProvinceId) => Roles.LevelOf(role) switch
    {
        ScopeLevel.National => National,
        ScopeLevel.Province when unitProvinceId is int p => Province(p),
        ScopeLevel.Unit => Unit(unitProvinceId, unitId),
        _ => None,
    };

    /// <summary>The same rule as the query filters, for commands that re-check before they change anything.</summary>
    public bool Covers(int? provinceId, int unitId) => Level switch
    {
        ScopeLevel.National => true,
        ScopeLevel.Province => provinceId == ProvinceId,
        ScopeLevel.Unit => unitId == UnitId,
        _ => false,
    };
}
