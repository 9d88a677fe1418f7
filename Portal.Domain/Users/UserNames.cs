using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Domain.Users;

/// <summary>Who did something, as people read it: the account's full name for a stored user name.</summary>
public static class UserNames
{
    /// <summary>
    /// User name → full name, for the names given that belong to an account with a full name (others are left out, and the
    /// caller shows the user name: "system", a removed account). Read past scope filters: only names are read.
    /// </summary>
    public static async Task<Dictionary<string, string>> FullNamesAsync(PortalDbContext db, IEnumerable<string?> userNames, CancellationToken ct)
    {
        var wanted = userNames.OfType<string>().Where(u => u.Length > 0).Distinct().ToList();
        if (wanted.Count == 0) return [];
        return await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => wanted.Contains(u.UserName!) && u.FullName != "")
            .ToDictionaryAsync(u => u.UserName!, u => u.FullName, ct);
    }
}
