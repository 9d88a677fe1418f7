using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Portal.Domain.Common;

namespace Portal.Domain.Users;

/// <summary>
/// A password someone other than the user sees (an administrator's first or reset password, the first password a general
/// office hands to a branch): generated, shown once, good only to choose the user's own at the next sign-in. The one
/// generator and the one way of setting it, for the administrator's accounts and the requested ones alike.
/// </summary>
internal static class FirstPassword
{
    /// <summary>Sixteen characters with no look-alikes (no l/1, o/0), to be read out or copied by hand.</summary>
    public static string New() => RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz23456789", 16);

    /// <summary>
    /// Replaces the user's password with a new generated one they must change, lifts any lockout and renews the security
    /// stamp (their open sessions end). Returns the password, to be shown once and never kept.
    /// </summary>
    public static async Task<string> IssueAsync(UserManager<PortalUser> users, PortalUser user)
    {
        var password = New();
        user.RequirePasswordChange();
        if (await users.HasPasswordAsync(user)) Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password));
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        return password;
    }

    /// <summary>Identity's stores refused what the portal's own checks let through: a fault, not a user's mistake.</summary>
    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}
