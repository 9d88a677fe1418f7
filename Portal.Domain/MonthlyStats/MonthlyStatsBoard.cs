using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.MonthlyStats;

/// <summary>
/// Where a month's reports stand: the review office's worklist of its agencies, and completeness and timeliness per
/// review office (in a province) or per province (nationally). An agency is expected from its province's go-live month.
/// </summary>
public sealed class MonthlyStatsBoard(PortalDb portalDb, MonthlyStatsOptions options)
{
    /// <summary>Who follows completeness and timeliness: the review offices, the province's units and head office.</summary>
    public static readonly string[] Followers =
        [Roles.SystemAdmin, Roles.HeadOffice, Roles.GeneralOffice, Roles.GeneralOfficeDirector, Roles.TreatmentDirectorate, Roles.ReviewOffice];

    public sealed record WorkRow(int AgencyId, string Code, string Name, int? ReportId, ReportStatus? Status, Guid? Version,
        DateTimeOffset? SubmittedAt, bool SubmittedLate, DateTimeOffset? ForwardedAt, bool? ForwardedOnTime, int ChangesSinceAcceptance);

    public sealed record CompletenessRow(int Id, string Name, int Expected, int Received, int Forwarded, int OnTime)
    {
        public double ReceivedRate => Expected == 0 ? 0 : (double)Received / Expected;
        public double ForwardedRate => Expected == 0 ? 0 : (double)Forwarded / Expected;
        public double OnTimeRate => Expected == 0 ? 0 : (double)OnTime / Expected;

        /// <summary>The rows added up, for a table's totals line.</summary>
        public static CompletenessRow Total(IEnumerable<CompletenessRow> rows, string name) => rows.Aggregate(new CompletenessRow(0, name, 0, 0, 0, 0),
            (t, r) => t with { Expected = t.Expected + r.Expected, Received = t.Received + r.Received, Forwarded = t.Forwarded + r.Forwarded, OnTime = t.OnTime + r.OnTime });
    }

    // Persian alphabetical order (پ، چ، ژ، ک، گ in their places, not after ی as in code-point order).
    private static readonly StringComparer PersianOrder = StringComparer.Create(new System.Globalization.CultureInfo("fa-IR"), ignoreCase: false);

    /// <summary>One agency's month in the province report; no status means no report yet.</summary>
    public sealed record AgencyMonth(string ProvinceCode, string ProvinceFa, string ReviewOffice, string Code, string Name, ReportStatus? Status,
        int FilesReceived, long AmountClaimed, int FilesForwarded, int FilesReturned, int PendingAtEnd, decimal? AverageDays, bool? ForwardedOnTime);

    /// <summary>
    /// The month of every expected agency in the actor's scope (a review office: the agencies it serves), by province,
    /// office and code, optionally of one province only (null when that province is unknown or outside the scope):
    /// the rows of the province report.
    /// </summary>
    public async Task<IReadOnlyList<AgencyMonth>?> AgencyMonthsAsync(JalaliMonth period, string? provinceCode = null, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!Followers.Contains(db.Actor.Role)) return [];
        var agencies = Expected(db, period);
        if (provinceCode is not null)
        {
            // Another province reads exactly like one that does not exist.
            var provinceId = await db.Provinces.Where(p => p.Code == provinceCode).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
            if (provinceId is null || !db.Scope.Covers(provinceId, unitId: 0)) return null;
            agencies = agencies.Where(a => a.ProvinceId == provinceId);
        }
        if (db.Actor.Role == Roles.ReviewOffice)
        {
            var officeId = db.Actor.UnitId;
            agencies = agencies.Where(a => a.ReviewOfficeId == officeId);
        }
        var onTimeCutOff = MonthlyReport.OnTimeCutOff(period);
        return await agencies
            .OrderBy(a => a.Province!.Code).ThenBy(a => a.ReviewOffice.Code).ThenBy(a => a.Code)
            .Select(a => new { a, Report = db.MonthlyReports.SingleOrDefault(r => r.AgencyId == a.Id && r.Period == period.Key) })
            .Select(x => new AgencyMonth(x.a.Province!.Code, x.a.Province.NameFa, x.a.ReviewOffice.Name, x.a.Code, x.a.Name,
                x.Report == null ? null : x.Report.Status,
                x.Report == null ? 0 : x.Report.Lines.Sum(l => l.FilesReceived),
                x.Report == null ? 0 : x.Report.Lines.Sum(l => l.AmountClaimed),
                x.Report == null ? 0 : x.Report.FilesForwarded,
                x.Report == null ? 0 : x.Report.FilesReturned,
                x.Report == null ? 0 : x.Report.PendingAtEnd,
                x.Report == null ? null : x.Report.AverageDaysToForward,
                x.Report == null || x.Report.FirstForwardedAt == null ? null : x.Report.FirstForwardedAt < onTimeCutOff))
            .ToListAsync(ct);
    }

    /// <summary>The acting review office's agencies expected for the month, each with its report (or none yet).</summary>
    public async Task<IReadOnlyList<WorkRow>> WorklistAsync(JalaliMonth period, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!MonthlyStatsDesk.Reviewers.Contains(db.Actor.Role)) return [];
        var officeId = db.Actor.UnitId;
        var submitCutOff = MonthlyReport.SubmitCutOff(period, options.AgencyDeadlineDay);
        var onTimeCutOff = MonthlyReport.OnTimeCutOff(period);
        return await Expected(db, period).Where(a => a.ReviewOfficeId == officeId).OrderBy(a => a.Code)
            .Select(a => new { a.Id, a.Code, a.Name, Report = db.MonthlyReports.SingleOrDefault(r => r.AgencyId == a.Id && r.Period == period.Key) })
            .Select(x => new WorkRow(x.Id, x.Code, x.Name, x.Report == null ? null : x.Report.Id, x.Report == null ? null : x.Report.Status,
                x.Report == null ? null : x.Report.Version, x.Report == null ? null : x.Report.SubmittedAt,
                x.Report != null && x.Report.SubmittedAt != null && x.Report.SubmittedAt >= submitCutOff,
                x.Report == null ? null : x.Report.ForwardedAt,
                x.Report == null || x.Report.FirstForwardedAt == null ? null : x.Report.FirstForwardedAt < onTimeCutOff,
                x.Report == null ? 0 : x.Report.ChangesSinceAcceptance))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Expected, received (submitted at least once), forwarded and forwarded on time: per province for national users,
    /// per review office for provincial ones. Timeliness is the first forwarding against 00:00 on the 11th, Tehran time.
    /// </summary>
    public async Task<IReadOnlyList<CompletenessRow>> CompletenessAsync(JalaliMonth period, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (db.Scope.Level is not (ScopeLevel.National or ScopeLevel.Province)) return [];
        var onTimeCutOff = MonthlyReport.OnTimeCutOff(period);
        var facts = Expected(db, period).Select(a => new
        {
            ProvinceId = a.ProvinceId!.Value,
            a.ReviewOfficeId,
            Report = db.MonthlyReports.SingleOrDefault(r => r.AgencyId == a.Id && r.Period == period.Key),
        }).Select(x => new
        {
            x.ProvinceId,
            x.ReviewOfficeId,
            Received = x.Report != null && x.Report.SubmittedAt != null ? 1 : 0,
            Forwarded = x.Report != null && x.Report.FirstForwardedAt != null ? 1 : 0,
            OnTime = x.Report != null && x.Report.FirstForwardedAt < onTimeCutOff ? 1 : 0,
        });
        if (db.Scope.Level == ScopeLevel.National)
        {
            var byProvince = await facts.GroupBy(f => f.ProvinceId)
                .Select(g => new { Id = g.Key, Expected = g.Count(), Received = g.Sum(f => f.Received), Forwarded = g.Sum(f => f.Forwarded), OnTime = g.Sum(f => f.OnTime) })
                .ToListAsync(ct);
            var names = await db.Provinces.ToDictionaryAsync(p => p.Id, p => p.NameFa, ct);
            return names.OrderBy(n => n.Value, PersianOrder)
                .Select(n => byProvince.SingleOrDefault(r => r.Id == n.Key) is { } r
                    ? new CompletenessRow(n.Key, n.Value, r.Expected, r.Received, r.Forwarded, r.OnTime)
                    : new CompletenessRow(n.Key, n.Value, 0, 0, 0, 0))
                .ToList();
        }
        var byOffice = await facts.GroupBy(f => f.ReviewOfficeId)
            .Select(g => new { Id = g.Key, Expected = g.Count(), Received = g.Sum(f => f.Received), Forwarded = g.Sum(f => f.Forwarded), OnTime = g.Sum(f => f.OnTime) })
            .ToListAsync(ct);
        var offices = await db.OrgUnits.Where(u => byOffice.Select(o => o.Id).Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return byOffice.OrderBy(r => offices[r.Id], PersianOrder)
            .Select(r => new CompletenessRow(r.Id, offices[r.Id], r.Expected, r.Received, r.Forwarded, r.OnTime)).ToList();
    }

    /// <summary>Agencies expected to report for the month: open, in a province that went live by its last day (from the go-live month on).</summary>
    private static IQueryable<Agency> Expected(PortalDbContext db, JalaliMonth period)
    {
        var lastDay = period.Last.ToDateOnly();
        return db.Agencies.Where(a => a.Status != AgencyStatus.Closed && a.Province!.RolloutWave.GoLiveDate <= lastDay);
    }
}
