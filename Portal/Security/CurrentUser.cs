using Microsoft.AspNetCore.Components.Authorization;
using Portal.Domain.Security;

namespace Portal.Security;

/// <summary>The acting user, from Blazor's authentication state (which the HTTP pipeline also feeds, see <see cref="Hosting.PortalApp"/>).</summary>
public sealed class CurrentUser(AuthenticationStateProvider authState) : ICurrentUser
{
    public async ValueTask<Actor> GetAsync() => PortalClaims.ToActor((await authState.GetAuthenticationStateAsync()).User);
}
