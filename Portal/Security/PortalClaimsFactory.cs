using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Security;

/// <summary>Adds the user's unit, province and name to the cookie, so scope is known on every request without a query.</summary>
public sealed class PortalClaimsFactory(
    UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options,
    IDbContextFactory<PortalDbContext> contexts)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        await using var db = PortalDb.Open(contexts, Actor.System);
        var unit = await db.OrgUnits.Where(u => u.Id == user.UnitId).Select(u => new { u.Id, u.Name, u.ProvinceId }).SingleAsync();
        PortalClaims.AddPersonAndUnit(identity, user.FullName, unit.Id, unit.Name, unit.ProvinceId);
        if (user.MustChangePassword) identity.AddClaim(new Claim(PortalClaims.MustChangePassword, "true"));
        return identity;
    }
}
