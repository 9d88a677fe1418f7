using Portal.Domain.Common;

namespace Portal.Domain.Security;

/// <summary>The acting user against the table: <c>Can</c> to show or choose, <c>Require</c> to refuse with the one refusal.</summary>
public static class PermissionChecks
{
    public static bool Can(this Actor actor, Permission permission) => Permissions.Has(actor.Role, permission);

    /// <summary>The actor, or a <see cref="RefusalKind.Forbidden"/> refusal worded by <paramref name="refusal"/> (a message key).</summary>
    public static Actor Require(this Actor actor, Permission permission, string refusal = Permissions.Refused) =>
        actor.Can(permission) ? actor : throw DomainException.Forbidden(refusal);

    public static async ValueTask<bool> CanAsync(this ICurrentUser user, Permission permission) => (await user.GetAsync()).Can(permission);

    public static async ValueTask<Actor> RequireAsync(this ICurrentUser user, Permission permission, string refusal = Permissions.Refused) =>
        (await user.GetAsync()).Require(permission, refusal);
}
