using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.MonthlyStats;

/// <summary>Completeness and timeliness of a month, per province for national users and per review office for provincial ones.</summary>
public sealed class MonthlyCompletenessQuery(PortalDb portalDb)
{
    // Persian alphabetical order (پ، چ، ژ، ک، گ in their places, not after ی as in code-point order).
    private static readonly StringComparer PersianOrder = StringComparer.Create(new System.Globalization.CultureInfo("fa-IR"), ignoreCase: false);

    /// <summary>
    /// Expected, received (submitted at least once), forwarded and forwarded on time (see <see cref="MonthlyReport.OnTime"/>).
    /// </summary>
    public async Task<IReadOnlyList<CompletenessRow>> CompletenessAsync(JalaliMonth period, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (db.Scope.Level is not (ScopeLevel.National or ScopeLevel.Province)) return [];
        var key = period.Key;
        // One left join for the facts; the counting, on time included, is done here by the one rule.
        var facts = (await ExpectedAgencies.For(db, period)
            .LeftJoin(db.MonthlyReports.Where(r => r.Period == key), a => a.Id, r => r.AgencyId, (a, r) => new
            {
                ProvinceId = a.ProvinceId!.Value, a.ReviewOfficeId,
                SubmittedAt = r == null ? null : r.SubmittedAt, FirstForwardedAt = r == null ? null : r.FirstForwardedAt,
            })
            .ToListAsync(ct))
            .Select(f => (f.ProvinceId, f.ReviewOfficeId, Report: (f.SubmittedAt, f.FirstForwardedAt))).ToList();
        if (db.Scope.Level == ScopeLevel.National)
        {
            var byProvince = facts.ToLookup(f => f.ProvinceId, f => f.Report);
            var names = await db.Provinces.ToDictionaryAsync(p => p.Id, p => p.NameFa, ct);
            return names.OrderBy(n => n.Value, PersianOrder).Select(n => CompletenessRow.Count(n.Key, n.Value, period, byProvince[n.Key].ToList())).ToList();
        }
        var byOffice = facts.ToLookup(f => f.ReviewOfficeId, f => f.Report);
        var officeIds = byOffice.Select(o => o.Key).ToList();
        var offices = await db.OrgUnits.Where(u => officeIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return byOffice.OrderBy(o => offices[o.Key], PersianOrder).Select(o => CompletenessRow.Count(o.Key, offices[o.Key], period, o.ToList())).ToList();
    }
}
