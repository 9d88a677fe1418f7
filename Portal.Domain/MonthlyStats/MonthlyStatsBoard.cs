using System.Linq.Expressions;
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

    /// <summary>
    /// One agency's month on the review office's worklist: where it stands, its figures and last month's beside them,
    /// and, for a report sent again after a return, each value changed since the return (old → new).
    /// </summary>
    public sealed record WorkRow(int AgencyId, string Code, string Name, int? ReportId, ReportStatus? Status, Guid? Version,
        DateTimeOffset? SubmittedAt, bool SubmittedLate, DateTimeOffset? ForwardedAt, bool? ForwardedOnTime, int ChangesSinceAcceptance,
        WorkFigures? Figures = null, WorkFigures? LastMonth = null, DateTimeOffset? ReturnedAt = null, IReadOnlyList<ValueChange>? SinceReturn = null)
    {
        /// <summary>Sent again after the review office returned it: the reviewer looks at what changed.</summary>
        public bool Resubmitted => Status == ReportStatus.Submitted && ReturnedAt is not null;
    }

    /// <summary>A report's totals as the reviewer weighs them.</summary>
    public sealed record WorkFigures(int FilesReceived, long AmountClaimed, int FilesForwarded, int FilesReturned, int PendingAtEnd, decimal? AverageDays);

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
    public sealed record AgencyMonth(int Period, string ProvinceCode, string ProvinceFa, string ReviewOffice, string Code, string Name,
        int? ReportId, ReportStatus? Status, int FilesReceived, long AmountClaimed, int FilesForwarded, int FilesReturned, int PendingAtEnd,
        decimal? AverageDays, DateTimeOffset? SubmittedAt, DateTimeOffset? FirstForwardedAt, bool? ForwardedOnTime)
    {
        public JalaliMonth Month => JalaliMonth.FromKey(Period);
        public bool Received => SubmittedAt is not null;
    }

    /// <summary>Why an agency's month is on the overdue list.</summary>
    public enum Overdue { NotSubmitted = 1, NotForwarded }

    /// <summary>
    /// The month of every expected agency in the actor's scope (a review office: the agencies it serves), by province,
    /// office and code, optionally of one province only (null when that province is unknown or outside the scope):
    /// the rows of the province report.
    /// </summary>
    public async Task<IReadOnlyList<AgencyMonth>?> AgencyMonthsAsync(JalaliMonth period, string? provinceCode = null, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!Followers.Contains(db.Actor.Role)) return [];
        int? provinceId = null;
        if (provinceCode is not null)
        {
            // Another province reads exactly like one that does not exist.
            provinceId = await db.Provinces.Where(p => p.Code == provinceCode).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
            if (provinceId is null || !db.Scope.Covers(provinceId, unitId: 0)) return null;
        }
        return await AgencyMonths(db, period, provinceId).ToListAsync(ct);
    }

    /// <summary>One month of the trend, for the whole scope.</summary>
    public sealed record TrendPoint(JalaliMonth Period, CompletenessRow Completeness, long FilesReceived, long AmountClaimed);

    /// <summary>A trend: each month's totals, and the expected agency-months behind them.</summary>
    public sealed record Trend(IReadOnlyList<TrendPoint> Months, IReadOnlyList<AgencyMonth> Rows);

    /// <summary>
    /// Completeness, timeliness and the files and amounts received (submitted reports only), month by month up to
    /// <paramref name="last"/>, with every expected agency-month in the actor's scope behind them.
    /// </summary>
    public async Task<Trend> TrendAsync(JalaliMonth last, int months = 12, CancellationToken ct = default)
    {
        var rows = await TrendRowsAsync(last, months, ct);
        var byMonth = rows.ToLookup(r => r.Period);
        var points = Enumerable.Range(0, months).Select(back => last.AddMonths(back - months + 1)).Select(month =>
        {
            var received = byMonth[month.Key].Where(r => r.Received).ToList();
            var completeness = new CompletenessRow(0, month.ToPersianString(), byMonth[month.Key].Count(), received.Count,
                byMonth[month.Key].Count(r => r.FirstForwardedAt is not null), byMonth[month.Key].Count(r => r.ForwardedOnTime == true));
            return new TrendPoint(month, completeness, received.Sum(r => (long)r.FilesReceived), received.Sum(r => r.AmountClaimed));
        }).ToList();
        return new Trend(points, rows);
    }

    private async Task<IReadOnlyList<AgencyMonth>> TrendRowsAsync(JalaliMonth last, int months = 12, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!Followers.Contains(db.Actor.Role)) return [];
        var first = last.AddMonths(-(months - 1));
        // Two reads rather than one per month: every agency expected in some month of the range, and the range's reports.
        var agencies = await InScope(db, db.Agencies.Where(ExpectedBetween(first.First.ToDateOnly(), last.Last.ToDateOnly()))).AsNoTracking()
            .Include(a => a.Province!).ThenInclude(p => p.RolloutWave).Include(a => a.ReviewOffice)
            .OrderBy(a => a.Province!.Code).ThenBy(a => a.ReviewOffice.Code).ThenBy(a => a.Code).ToListAsync(ct);
        var ids = agencies.Select(a => a.Id).ToList();
        var reports = await db.MonthlyReports.Where(r => r.Period >= first.Key && r.Period <= last.Key && ids.Contains(r.AgencyId))
            .Select(r => new
            {
                r.AgencyId, r.Period, r.Id, r.Status, Files = r.Lines.Sum(l => l.FilesReceived), Amount = r.Lines.Sum(l => l.AmountClaimed),
                r.FilesForwarded, r.FilesReturned, r.PendingAtEnd, r.AverageDaysToForward, r.SubmittedAt, r.FirstForwardedAt,
            })
            .ToDictionaryAsync(r => (r.AgencyId, r.Period), ct);
        var rows = new List<AgencyMonth>(agencies.Count * months);
        for (var month = first; month <= last; month = month.Next())
        {
            var expected = ExpectedBetween(month.First.ToDateOnly(), month.Last.ToDateOnly()).Compile();
            var onTimeCutOff = MonthlyReport.OnTimeCutOff(month);
            foreach (var a in agencies.Where(expected))
                rows.Add(reports.TryGetValue((a.Id, month.Key), out var r)
                    ? new AgencyMonth(month.Key, a.Province!.Code, a.Province.NameFa, a.ReviewOffice.Name, a.Code, a.Name, r.Id, r.Status, r.Files, r.Amount,
                        r.FilesForwarded, r.FilesReturned, r.PendingAtEnd, r.AverageDaysToForward, r.SubmittedAt, r.FirstForwardedAt,
                        r.FirstForwardedAt is { } at ? at < onTimeCutOff : null)
                    : new AgencyMonth(month.Key, a.Province!.Code, a.Province.NameFa, a.ReviewOffice.Name, a.Code, a.Name, null, null, 0, 0, 0, 0, 0, null, null, null, null));
        }
        return rows;
    }

    /// <summary>
    /// Why an agency's month of <paramref name="period"/> is overdue at <paramref name="now"/>, if it is: not submitted
    /// after the agency's deadline, or not forwarded after the 10th (the cut-offs worked out once for all the rows).
    /// </summary>
    public Func<AgencyMonth, Overdue?> OverdueAt(JalaliMonth period, DateTimeOffset now)
    {
        // A month not over yet is owed by no one (its cut-offs lie in the next month anyway; this says so outright).
        if (!MonthlyReport.IsOpen(period, now)) return _ => null;
        var (submitLate, forwardLate) = (now >= MonthlyReport.SubmitCutOff(period, options.AgencyDeadlineDay), now >= MonthlyReport.OnTimeCutOff(period));
        return row => !row.Received && submitLate ? Overdue.NotSubmitted : row.FirstForwardedAt is null && forwardLate ? Overdue.NotForwarded : null;
    }

    /// <summary>One value's change on a report: who, when, old → new (from the audit log).</summary>
    public sealed record ValueChange(DateTimeOffset At, string UserName, string Field, string? Category, string Old, string New);

    /// <summary>The per-value change history of a report in scope, newest first; null when it is not found.</summary>
    public async Task<(AgencyMonth Report, IReadOnlyList<ValueChange> Changes)?> HistoryAsync(int reportId, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!Followers.Contains(db.Actor.Role)) return null;
        var report = await db.MonthlyReports.Where(r => r.Id == reportId).Select(r => new { r.AgencyId, r.Period, Lines = r.Lines.Select(l => new { l.Id, l.Category.NameFa }) })
            .SingleOrDefaultAsync(ct);
        if (report is null) return null;
        var row = await AgencyMonths(db, JalaliMonth.FromKey(report.Period), null, report.AgencyId).SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var lineNames = report.Lines.ToDictionary(l => l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), l => l.NameFa);
        var reportKey = reportId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var lineKeys = lineNames.Keys.ToList();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => (e.Entity == nameof(MonthlyReport) && e.Key == reportKey) || (e.Entity == nameof(ReportLine) && lineKeys.Contains(e.Key)))
            .OrderByDescending(e => e.Id).ToListAsync(ct);
        var changes = entries.SelectMany(e => Audit.AuditChanges.Parse(e.Changes)
                .Where(c => ReportedFields.Contains(c.Field))
                .Select(c => new ValueChange(e.At, e.UserName, c.Field, e.Entity == nameof(ReportLine) ? lineNames[e.Key] : null,
                    Shown(c.Field, c.Values.Old), Shown(c.Field, c.Values.New))))
            .ToList();
        return (row, changes);
    }

    /// <summary>The values a history shows: the figures and the status, not bookkeeping such as versions.</summary>
    private static readonly HashSet<string> ReportedFields =
    [
        nameof(ReportLine.FilesReceived), nameof(ReportLine.AmountClaimed), nameof(MonthlyReport.FilesForwarded), nameof(MonthlyReport.FilesReturned),
        nameof(MonthlyReport.PendingAtEnd), nameof(MonthlyReport.AverageDaysToForward), nameof(MonthlyReport.Status),
        nameof(MonthlyReport.ReturnReason), nameof(MonthlyReport.ReopenReason),
    ];

    private static string Shown(string field, string value) =>
        field == nameof(MonthlyReport.Status) && Enum.TryParse<ReportStatus>(value, out var status) ? Messages.Get($"ReportStatus.{status}") : value;

    private static IQueryable<AgencyMonth> AgencyMonths(PortalDbContext db, JalaliMonth period, int? provinceId, int? agencyId = null)
    {
        var agencies = InScope(db, Expected(db, period));
        if (provinceId is not null) agencies = agencies.Where(a => a.ProvinceId == provinceId);
        if (agencyId is not null) agencies = agencies.Where(a => a.Id == agencyId);
        var key = period.Key;
        var onTimeCutOff = MonthlyReport.OnTimeCutOff(period);
        // One left join: a per-column lookup of the report (what SingleOrDefault in a projection becomes) took 3× as long.
        return agencies
            .LeftJoin(db.MonthlyReports.Where(r => r.Period == key), a => a.Id, r => r.AgencyId, (a, r) => new { a, Report = r })
            .OrderBy(x => x.a.Province!.Code).ThenBy(x => x.a.ReviewOffice.Code).ThenBy(x => x.a.Code)
            .Select(x => new AgencyMonth(period.Key, x.a.Province!.Code, x.a.Province.NameFa, x.a.ReviewOffice.Name, x.a.Code, x.a.Name,
                x.Report == null ? null : x.Report.Id,
                x.Report == null ? null : x.Report.Status,
                x.Report == null ? 0 : x.Report.Lines.Sum(l => l.FilesReceived),
                x.Report == null ? 0 : x.Report.Lines.Sum(l => l.AmountClaimed),
                x.Report == null ? 0 : x.Report.FilesForwarded,
                x.Report == null ? 0 : x.Report.FilesReturned,
                x.Report == null ? 0 : x.Report.PendingAtEnd,
                x.Report == null ? null : x.Report.AverageDaysToForward,
                x.Report == null ? null : x.Report.SubmittedAt,
                x.Report == null ? null : x.Report.FirstForwardedAt,
                x.Report == null || x.Report.FirstForwardedAt == null ? null : x.Report.FirstForwardedAt < onTimeCutOff));
    }

    /// <summary>A review office follows only the agencies it serves; the query filters already keep everyone else in their scope.</summary>
    private static IQueryable<Agency> InScope(PortalDbContext db, IQueryable<Agency> agencies)
    {
        if (db.Actor.Role != Roles.ReviewOffice) return agencies;
        var officeId = db.Actor.UnitId;
        return agencies.Where(a => a.ReviewOfficeId == officeId);
    }

    /// <summary>
    /// The acting review office's agencies expected for the month, each with its report (or none yet), its figures and
    /// last month's: one query for the rows (two left joins), one for the changes of the reports sent again after a return.
    /// </summary>
    public async Task<IReadOnlyList<WorkRow>> WorklistAsync(JalaliMonth period, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!MonthlyStatsDesk.Reviewers.Contains(db.Actor.Role)) return [];
        var officeId = db.Actor.UnitId;
        var submitCutOff = MonthlyReport.SubmitCutOff(period, options.AgencyDeadlineDay);
        var onTimeCutOff = MonthlyReport.OnTimeCutOff(period);
        var (key, lastKey) = (period.Key, period.Previous().Key);
        var rows = await Expected(db, period).Where(a => a.ReviewOfficeId == officeId)
            .LeftJoin(db.MonthlyReports.Where(r => r.Period == key), a => a.Id, r => r.AgencyId, (a, r) => new { a, r })
            .LeftJoin(db.MonthlyReports.Where(r => r.Period == lastKey), x => x.a.Id, l => l.AgencyId, (x, l) => new { x.a, x.r, l })
            .OrderBy(x => x.a.Code)
            .Select(x => new WorkRow(x.a.Id, x.a.Code, x.a.Name, x.r == null ? null : x.r.Id, x.r == null ? null : x.r.Status,
                x.r == null ? null : x.r.Version, x.r == null ? null : x.r.SubmittedAt,
                x.r != null && x.r.SubmittedAt != null && x.r.SubmittedAt >= submitCutOff,
                x.r == null ? null : x.r.ForwardedAt,
                x.r == null || x.r.FirstForwardedAt == null ? null : x.r.FirstForwardedAt < onTimeCutOff,
                x.r == null ? 0 : x.r.ChangesSinceAcceptance,
                x.r == null ? null : new WorkFigures(x.r.Lines.Sum(l => l.FilesReceived), x.r.Lines.Sum(l => l.AmountClaimed), x.r.FilesForwarded,
                    x.r.FilesReturned, x.r.PendingAtEnd, x.r.AverageDaysToForward),
                x.l == null ? null : new WorkFigures(x.l.Lines.Sum(l => l.FilesReceived), x.l.Lines.Sum(l => l.AmountClaimed), x.l.FilesForwarded,
                    x.l.FilesReturned, x.l.PendingAtEnd, x.l.AverageDaysToForward),
                x.r == null ? null : x.r.ReturnedAt, null))
            .ToListAsync(ct);
        var changes = await ChangesSinceReturnAsync(db, rows.Where(r => r.Resubmitted).ToList(), ct);
        return rows.Select(r => changes.TryGetValue(r.ReportId ?? 0, out var c) ? r with { SinceReturn = c } : r).ToList();
    }

    /// <summary>The figures fields a reviewer compares after a return (the audit log's names for them).</summary>
    private static readonly HashSet<string> FigureFields =
    [
        nameof(ReportLine.FilesReceived), nameof(ReportLine.AmountClaimed), nameof(MonthlyReport.FilesForwarded), nameof(MonthlyReport.FilesReturned),
        nameof(MonthlyReport.PendingAtEnd), nameof(MonthlyReport.AverageDaysToForward),
    ];

    /// <summary>
    /// For each report sent again after a return, each figure changed since the return, from the audit log: the value at
    /// the return → the value now (a value changed and changed back is not listed). One read for all the reports.
    /// </summary>
    private static async Task<Dictionary<int, IReadOnlyList<ValueChange>>> ChangesSinceReturnAsync(PortalDbContext db, IReadOnlyList<WorkRow> resubmitted, CancellationToken ct)
    {
        if (resubmitted.Count == 0) return [];
        var returnedAt = resubmitted.ToDictionary(r => r.ReportId!.Value, r => r.ReturnedAt!.Value);
        var ids = returnedAt.Keys.ToList();
        var lines = await db.ReportLines.Where(l => ids.Contains(l.ReportId)).Select(l => new { l.Id, l.ReportId, l.Category.NameFa }).ToListAsync(ct);
        var lineOf = lines.ToDictionary(l => l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var reportKeys = ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var lineKeys = lineOf.Keys.ToList();
        var since = returnedAt.Values.Min();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => (e.Entity == nameof(MonthlyReport) && reportKeys.Contains(e.Key)) || (e.Entity == nameof(ReportLine) && lineKeys.Contains(e.Key)))
            .Where(e => e.At >= since).OrderBy(e => e.Id).ToListAsync(ct);
        var result = new Dictionary<int, IReadOnlyList<ValueChange>>();
        foreach (var group in entries.GroupBy(e => e.Entity == nameof(MonthlyReport) ? int.Parse(e.Key, System.Globalization.CultureInfo.InvariantCulture) : lineOf[e.Key].ReportId))
        {
            var changes = group.Where(e => e.At > returnedAt[group.Key])
                .SelectMany(e => Audit.AuditChanges.Parse(e.Changes).Where(c => FigureFields.Contains(c.Field))
                    .Select(c => (e.At, e.UserName, c.Field, Category: e.Entity == nameof(ReportLine) ? lineOf[e.Key].NameFa : null, c.Values)))
                .GroupBy(c => (c.Field, c.Category))
                .Select(g => new ValueChange(g.Last().At, g.Last().UserName, g.Key.Field, g.Key.Category, g.First().Values.Old, g.Last().Values.New))
                .Where(c => c.Old != c.New)
                .ToList();
            if (changes.Count > 0) result[group.Key] = changes;
        }
        return result;
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

    /// <summary>
    /// Agencies expected to report for the month: in a province that went live by its last day (from the go-live month
    /// on), and open on at least one day of it (see <see cref="Agency.WasOpenIn"/>).
    /// </summary>
    internal static IQueryable<Agency> Expected(PortalDbContext db, JalaliMonth period) =>
        db.Agencies.Where(ExpectedBetween(period.First.ToDateOnly(), period.Last.ToDateOnly()));

    /// <summary>Expected for some day from <paramref name="firstDay"/> to <paramref name="lastDay"/>; one rule, run by the database or in memory.</summary>
    private static Expression<Func<Agency, bool>> ExpectedBetween(DateOnly firstDay, DateOnly lastDay) =>
        a => (a.Status != AgencyStatus.Closed || a.ClosedOn > firstDay) && a.Province!.RolloutWave.GoLiveDate <= lastDay;
}
