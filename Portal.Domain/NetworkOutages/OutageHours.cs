using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;

namespace Portal.Domain.NetworkOutages;

/// <summary>
/// Hours each branch's link was down within Jalali months (Tehran days), and the outages still open: the outage page's
/// totals and the evaluation's responsiveness read the same figures. An outage that spans months counts in each month
/// for its part; an open one runs to now. Read in the context's scope.
/// </summary>
public static class OutageHours
{
    public sealed record BranchHours(int BranchId, int ProvinceId, double Hours, int Outages, int Open);

    public static async Task<IReadOnlyList<BranchHours>> PerBranchAsync(PortalDbContext db, JalaliMonth from, JalaliMonth to, DateTimeOffset now,
        CancellationToken ct = default)
    {
        var (start, end) = (from.StartInstant, to.EndInstant);
        var rows = await db.NetworkOutages.AsNoTracking()
            .Where(o => o.StartedAt < end && (o.EndedAt == null || o.EndedAt > start))
            .Select(o => new { o.BranchId, o.ProvinceId, o.StartedAt, o.EndedAt })
            .ToListAsync(ct);
        return [.. rows.GroupBy(o => (o.BranchId, o.ProvinceId)).Select(g => new BranchHours(g.Key.BranchId, g.Key.ProvinceId,
            g.Sum(o => NetworkOutage.Overlap(o.StartedAt, o.EndedAt ?? now, start, end < now ? end : now).TotalHours),
            g.Count(), g.Count(o => o.EndedAt == null)))];
    }
}
