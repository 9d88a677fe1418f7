using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Portal.Domain.SignIn;
using Portal.Security;

namespace Portal.Features.SignIn;

/// <summary>
/// Ties the sign-in cookie to its server-side <see cref="SignInSession"/>: every request with the cookie checks that
/// the session it names is still open and within its absolute lifetime (one lookup by primary key), so a cookie kept
/// from before signing out is refused at once. A session per sign-in, rather than renewing the account's security
/// stamp on sign-out, so that signing out of one browser does not sign the user out of all the others.
/// </summary>
public static class SessionCookie
{
    public static Guid? SessionId(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(PortalClaims.Session), out var id) ? id : null;

    /// <summary>The client's address as the audit and the limits see it (the forwarded-headers middleware sets it behind a proxy).</summary>
    public static string ClientAddress(HttpContext? context)
    {
        var address = context?.Connection.RemoteIpAddress;
        if (address is null) return "";
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    /// <summary>Local accounts need an open session; Entra ID accounts have none (Entra ends their sessions).</summary>
    public static async Task<bool> IsLiveAsync(ClaimsPrincipal user, SignInGuard guard, CancellationToken ct = default)
    {
        if (user.HasClaim(c => c.Type == PortalClaims.External)) return true;
        return SessionId(user) is { } id && await guard.IsLiveAsync(id, user.FindFirstValue(ClaimTypes.NameIdentifier), ct);
    }

    /// <summary>Cookie settings: sliding and absolute lifetimes, the session check before Identity's security stamp check.</summary>
    public static void Configure(CookieAuthenticationOptions o, IConfiguration config)
    {
        o.ExpireTimeSpan = TimeSpan.FromHours(config.GetValue("Auth:SlidingExpirationHours", 8.0));
        o.SlidingExpiration = true;
        var checkStamp = o.Events.OnValidatePrincipal;
        o.Events.OnValidatePrincipal = async ctx =>
        {
            var guard = ctx.HttpContext.RequestServices.GetRequiredService<SignInGuard>();
            if (ctx.Principal is null || !await IsLiveAsync(ctx.Principal, guard, ctx.HttpContext.RequestAborted))
            {
                ctx.RejectPrincipal();
                await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            await checkStamp(ctx);
        };
    }

    /// <summary>Identity rebuilds the principal when it re-checks the security stamp: the session claim must survive it.</summary>
    public static void KeepSessionOnRefresh(SecurityStampValidatorOptions o) => o.OnRefreshingPrincipal = ctx =>
    {
        if (ctx.CurrentPrincipal?.FindFirst(PortalClaims.Session) is { } session && ctx.NewPrincipal?.Identity is ClaimsIdentity identity
            && !identity.HasClaim(c => c.Type == PortalClaims.Session))
            identity.AddClaim(new Claim(PortalClaims.Session, session.Value));
        return Task.CompletedTask;
    };
}
