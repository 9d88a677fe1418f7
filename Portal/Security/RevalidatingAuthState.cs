using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Features.SignIn;
using Portal.Domain.Users;
using Portal.Domain.SignIn;

namespace Portal.Security;

/// <summary>
/// Re-checks an open circuit's user every <c>Auth:RevalidationSeconds</c> (60 by default): a disabled account,
/// a changed role or unit (which renews the security stamp), or a signed-out or expired session signs the tab out within that interval.
/// </summary>
public sealed class RevalidatingAuthState(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> options, IConfiguration config)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(config.GetValue("Auth:RevalidationSeconds", 60));

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        if (state.User.HasClaim(c => c.Type == PortalClaims.External)) return true; // Entra ID re-checks its own accounts
        await using var scope = scopes.CreateAsyncScope();
        // A tab whose session was signed out in another tab, or passed its absolute lifetime, loses access too.
        if (!await SessionCookie.IsLiveAsync(state.User, scope.ServiceProvider.GetRequiredService<SignInGuard>(), ct)) return false;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.GetUserAsync(state.User);
        if (user is null || user.IsDisabled) return false;
        var stamp = state.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
