using System.Security.Claims;
using Portal.Domain.Security;
using Portal.Features.SignIn;

namespace Portal.Security;

/// <summary>The claims the portal puts in its sign-in cookie, and how an <see cref="Actor"/> is read back from them.</summary>
public static class PortalClaims
{
    public const string UnitId = "portal:unit";
    public const string UnitName = "portal:unit_name";
    public const string ProvinceId = "portal:province";
    public const string FullName = "portal:full_name";
    /// <summary>Set for accounts signed in through Entra ID, which have no local password or security stamp.</summary>
    public const string External = "portal:external";
    /// <summary>The id of the server-side session this cookie belongs to (see <see cref="SessionCookie"/>).</summary>
    public const string Session = "portal:session";
    /// <summary>"true" while the account's password was chosen by an administrator (see <see cref="AccountGate"/>).</summary>
    public const string MustChangePassword = "portal:must_change_password";

    /// <summary>The person and unit claims, the same for local and Entra ID accounts.</summary>
    public static void AddPersonAndUnit(ClaimsIdentity identity, string fullName, int unitId, string unitName, int? provinceId)
    {
        identity.AddClaim(new Claim(FullName, fullName));
        identity.AddClaim(new Claim(UnitId, unitId.ToString()));
        identity.AddClaim(new Claim(UnitName, unitName));
        if (provinceId is int p) identity.AddClaim(new Claim(ProvinceId, p.ToString()));
    }

    public static Actor ToActor(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return Actor.Anonymous;
        var role = user.FindFirstValue(ClaimTypes.Role) ?? "";
        var unitId = int.TryParse(user.FindFirstValue(UnitId), out var u) ? u : (int?)null;
        var provinceId = int.TryParse(user.FindFirstValue(ProvinceId), out var p) ? p : (int?)null;
        var scope = unitId is int unit ? OrgScope.For(role, unit, provinceId) : OrgScope.None;
        return new Actor(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name ?? "", role, unitId, scope);
    }
}
