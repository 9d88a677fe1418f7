using System.Security.Claims;
using Portal.Domain.Security;
using Portal.Security;

namespace Portal.Features.SignIn;

/// <summary>
/// What a signed-in user must do before any other page: replace a password someone else chose, then, in a national
/// role where <c>Auth:RequireTwoFactorForNationalRoles</c> is on (the default in Production), sign in with a second
/// factor, enrolling first. Read from the cookie's claims, so it costs no query per request.
/// </summary>
public sealed class AccountGate(bool requireTwoFactorForNationalRoles)
{
    public const string PasswordPage = "/account/password";
    public const string TwoFactorPage = "/account/two-factor";

    public bool RequiresTwoFactorForNationalRoles => requireTwoFactorForNationalRoles;

    /// <summary>On unless the setting says otherwise in Production; off unless it says otherwise elsewhere (the demo, the tests).</summary>
    public static AccountGate From(IConfiguration config, IHostEnvironment environment) =>
        new(config.GetValue<bool?>("Auth:RequireTwoFactorForNationalRoles") ?? environment.IsProduction());

    /// <summary>The page the user must go to first, or null when they may go anywhere their role allows.</summary>
    public string? PageFor(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || user.HasClaim(c => c.Type == PortalClaims.External)) return null;
        if (user.HasClaim(PortalClaims.MustChangePassword, "true")) return PasswordPage;
        if (requireTwoFactorForNationalRoles && Roles.LevelOf(user.FindFirstValue(ClaimTypes.Role) ?? "") == ScopeLevel.National
            && !user.HasClaim("amr", "mfa"))
            return TwoFactorPage;
        return null;
    }
}

/// <summary>Sends every page request of a user the <see cref="AccountGate"/> holds back to the page they must use first.</summary>
public sealed class AccountGateMiddleware(RequestDelegate next, AccountGate gate)
{
    // The account pages themselves (and sign-out), static files, the circuit, and the APIs, which answer their own callers.
    private static readonly string[] Open =
        ["/account", "/_framework", "/_blazor", "/_content", "/lib", "/culture", "/health", "/error", "/not-found", "/api", "/fhir"];

    public Task InvokeAsync(HttpContext ctx)
    {
        if (gate.PageFor(ctx.User) is { } page && !Open.Any(p => ctx.Request.Path.StartsWithSegments(p)))
        {
            ctx.Response.Redirect(page);
            return Task.CompletedTask;
        }
        return next(ctx);
    }
}
