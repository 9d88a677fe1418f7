using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Identity.Web;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Security;

/// <summary>
/// Optional Microsoft Entra ID sign-in (when an <c>AzureAd</c> section is configured). The tenant's app roles carry
/// the portal's role names (e.g. <c>TreatmentDirectorate</c>) and a directory extension claim carries the unit code;
/// see appsettings.sample.json. The Entra principal is turned into the portal's own claims before the cookie is written.
/// </summary>
public static class EntraSignIn
{
    public const string Scheme = OpenIdConnectDefaults.AuthenticationScheme;

    public sealed record UnitInfo(int Id, string Name, int? ProvinceId);

    public static bool IsConfigured(IConfiguration config) => !string.IsNullOrWhiteSpace(config["AzureAd:ClientId"]);

    public static void Add(IServiceCollection services, IConfiguration config)
    {
        services.AddAuthentication()
            .AddMicrosoftIdentityWebApp(config.GetSection("AzureAd"), Scheme, cookieScheme: null);
        services.Configure<OpenIdConnectOptions>(Scheme, o =>
        {
            o.SignInScheme = IdentityConstants.ApplicationScheme;
            var unitClaim = config["AzureAd:UnitClaim"] ?? "extn.UnitCode";
            o.Events.OnTokenValidated = async ctx =>
            {
                var contexts = ctx.HttpContext.RequestServices.GetRequiredService<IDbContextFactory<PortalDbContext>>();
                await using var db = PortalDb.Open(contexts, Actor.System);
                var code = ctx.Principal?.FindFirstValue(unitClaim);
                var unit = code is null ? null : await db.OrgUnits.Where(u => u.Code == code)
                    .Select(u => new UnitInfo(u.Id, u.Name, u.ProvinceId)).SingleOrDefaultAsync();
                var mapped = ctx.Principal is null ? null : Map(ctx.Principal, unitClaim, unit);
                if (mapped is null) ctx.Fail("The Entra account has no portal role or no known unit.");
                else ctx.Principal = mapped;
            };
        });
    }

    /// <summary>
    /// The portal principal for an Entra principal: exactly one portal role among its <c>roles</c> claims and a
    /// unit that exists. Anything else is refused (null): an account must never get more than it was given.
    /// </summary>
    public static ClaimsPrincipal? Map(ClaimsPrincipal entra, string unitClaim, UnitInfo? unit)
    {
        var roles = entra.FindAll("roles").Concat(entra.FindAll(ClaimTypes.Role))
            .Select(c => c.Value).Where(Roles.All.Contains).Distinct().ToList();
        if (roles.Count != 1 || unit is null || entra.FindFirstValue(unitClaim) is null) return null;
        var id = entra.FindFirstValue("oid") ?? entra.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = entra.FindFirstValue("preferred_username") ?? entra.Identity?.Name;
        if (id is null || name is null) return null;
        var identity = new ClaimsIdentity(IdentityConstants.ApplicationScheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, id));
        identity.AddClaim(new Claim(ClaimTypes.Name, name));
        identity.AddClaim(new Claim(ClaimTypes.Role, roles[0]));
        PortalClaims.AddPersonAndUnit(identity, entra.FindFirstValue("name") ?? name, unit.Id, unit.Name, unit.ProvinceId);
        identity.AddClaim(new Claim(PortalClaims.External, "entra"));
        return new ClaimsPrincipal(identity);
    }
}
