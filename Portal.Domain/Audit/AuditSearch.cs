using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.Audit;

/// <summary>Searching the audit log: administrators only, newest first.</summary>
public sealed class AuditSearch(PortalDb portalDb)
{
    public sealed record Filter(string? Entity, string? Key, string? UserName, JalaliDate? From, JalaliDate? To);

    public async Task<(IReadOnlyList<AuditEntry> Rows, int Total)> SearchAsync(Filter filter, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        return await SearchAsync(db, filter, skip, take, ct);
    }

    /// <summary>The same search, each entry as a person reads it (see <see cref="AuditView"/>).</summary>
    public async Task<(IReadOnlyList<AuditLine> Rows, int Total)> LinesAsync(Filter filter, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        var (rows, total) = await SearchAsync(db, filter, skip, take, ct);
        return (await AuditView.LinesAsync(db, rows, ct), total);
    }

    private static async Task<(IReadOnlyList<AuditEntry> Rows, int Total)> SearchAsync(PortalDbContext db, Filter filter, int skip, int take, CancellationToken ct)
    {
        db.Actor.Require(Permission.Administer);
        var query = db.AuditEntries.AsNoTracking();
        if (TextNormalizer.Normalize(filter.Entity) is { Length: > 0 } entity) query = query.Where(a => a.Entity == entity);
        if (TextNormalizer.Normalize(filter.Key) is { Length: > 0 } key) query = query.Where(a => a.Key == key);
        // User names are Latin sign-in names, so SQL's lower() folds them as SearchKey does; the log is the longest list
        // and gets no search column of its own.
        if (SearchKey.Of(filter.UserName) is { Length: > 0 } user) query = query.Where(a => a.UserName.ToLower().Contains(user));
        if (filter.From is { } from) query = query.Where(a => a.At >= from.StartInstant);
        if (filter.To is { } to) query = query.Where(a => a.At < to.AddDays(1).StartInstant);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.Id).Skip(skip).Take(take).ToListAsync(ct);
        return (rows, total);
    }

    public async Task<IReadOnlyList<string>> EntitiesAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        return await db.AuditEntries.Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync(ct);
    }
}
