using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.MonthlyStats;

/// <summary>The rows of the province report: each expected agency's month, and which of them are overdue.</summary>
public sealed class AgencyMonthsQuery(PortalDb portalDb, MonthlyStatsOptions options)
{
    /// <summary>Why an agency's month is on the overdue list.</summary>
    public enum Overdue { NotSubmitted = 1, NotForwarded }

    /// <summary>
    /// The month of every expected agency in the actor's scope (a review office: the agencies it serves), by province,
    /// office and code, optionally of one province only (null when that province is unknown or outside the scope).
    /// </summary>
    public async Task<IReadOnlyList<AgencyMonth>?> AgencyMonthsAsync(JalaliMonth period, string? provinceCode = null, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!db.Actor.Can(Permission.MonthlyFollow)) return [];
        var agencies = ExpectedAgencies.InScope(db, db.Agencies);
        if (provinceCode is not null)
        {
            // Another province reads exactly like one that does not exist.
            var provinceId = await db.Provinces.Where(p => p.Code == provinceCode).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
            if (provinceId is null || !db.Scope.Covers(provinceId, unitId: 0)) return null;
            agencies = agencies.Where(a => a.ProvinceId == provinceId);
        }
        return await AgencyMonth.ReadAsync(db, agencies, period, period, ct);
    }

    /// <summary>
    /// Why an agency's month of <paramref name="period"/> is overdue at <paramref name="now"/>, if it is: not submitted
    /// after the agency's deadline, or not forwarded after the 10th (the cut-offs worked out once for all the rows).
    /// </summary>
    public Func<AgencyMonth, Overdue?> OverdueAt(JalaliMonth period, DateTimeOffset now)
    {
        // A month not over yet is owed by no one (its cut-offs lie in the next month anyway; this says so outright).
        if (!MonthlyReport.IsOpen(period, now)) return _ => null;
        var (submitLate, forwardLate) = (now >= MonthlyReport.SubmitCutOff(period, options.AgencyDeadlineDay), MonthlyReport.LateToForward(period, now));
        return row => !row.Received && submitLate ? Overdue.NotSubmitted : row.FirstForwardedAt is null && forwardLate ? Overdue.NotForwarded : null;
    }
}
