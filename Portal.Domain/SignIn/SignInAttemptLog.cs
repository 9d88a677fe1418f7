using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.SignIn;

/// <summary>Searching the sign-in attempts: system administrators only, newest first.</summary>
public sealed class SignInAttemptLog(PortalDb portalDb)
{
    public async Task<(IReadOnlyList<SignInAttempt> Rows, int Total)> SearchAsync(string? userName, string? address, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.Administer, ct);
        var query = db.SignInAttempts.AsNoTracking();
        if (SignInAttempt.NormaliseName(userName) is { Length: > 0 } name) query = query.Where(a => a.UserName.Contains(name));
        if (Common.TextNormalizer.Normalize(address) is { Length: > 0 } from) query = query.Where(a => a.Address.StartsWith(from));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.Id).Skip(skip).Take(take).ToListAsync(ct);
        return (rows, total);
    }
}
