using System.Security.Claims;
using Portal.Domain.Security;

namespace Portal.Security;

/// <summary>The signed-in user against the one permission table, for a page that shows or hides what the role may do.</summary>
public static class PermissionClaims
{
    public static bool Can(this ClaimsPrincipal user, Permission permission) => Permissions.RolesFor(permission).Any(user.IsInRole);
}
