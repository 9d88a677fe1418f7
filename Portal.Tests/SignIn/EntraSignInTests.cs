using System.Security.Claims;
using Portal.Domain.Security;
using Portal.Security;

namespace Portal.Tests.SignIn;

public sealed class EntraSignInTests
{
    private const string UnitClaim = "extn.UnitCode";
    private static readonly EntraSignIn.UnitInfo Kerman = new(42, "مدیریت درمان کرمان", 9);

    private static ClaimsPrincipal Entra(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)).Append(new Claim("oid", "abc")).Append(new Claim("preferred_username", "a@sso.ir")), "oidc"));

    [Fact]
    public void EntraClaims_OneRoleAndKnownUnit_BecomePortalClaimsWithProvinceScope()
    {
        var mapped = EntraSignIn.Map(Entra(("roles", Roles.TreatmentDirectorate), (UnitClaim, "TD-08")), UnitClaim, Kerman);
        Assert.NotNull(mapped);
        var actor = PortalClaims.ToActor(mapped);
        Assert.Equal(Roles.TreatmentDirectorate, actor.Role);
        Assert.Equal(OrgScope.Province(9), actor.Scope);
        Assert.Equal("entra", mapped.FindFirstValue(PortalClaims.External));
    }

    [Fact]
    public void EntraClaims_TwoPortalRoles_AreRefused() =>
        Assert.Null(EntraSignIn.Map(Entra(("roles", Roles.SystemAdmin), ("roles", Roles.AgencyUser), (UnitClaim, "TD-08")), UnitClaim, Kerman));

    [Fact]
    public void EntraClaims_UnknownRole_IsRefused() =>
        Assert.Null(EntraSignIn.Map(Entra(("roles", "Owner"), (UnitClaim, "TD-08")), UnitClaim, Kerman));

    [Fact]
    public void EntraClaims_UnknownUnit_IsRefused() =>
        Assert.Null(EntraSignIn.Map(Entra(("roles", Roles.TreatmentDirectorate), (UnitClaim, "XX")), UnitClaim, null));
}
