using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.MonthlyStats;

/// <summary>The review office's worklist: its agencies expected for the month, where each report stands and what it says.</summary>
public sealed class MonthlyWorklistQuery(PortalDb portalDb, MonthlyStatsOptions options)
{
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

        /// <summary>What the review office may do with the report now (nothing before the agency started one).</summary>
        public bool Allows(ReportActions action) => ReportId is not null && MonthlyReport.Allows(Status!.Value, action);
    }

    /// <summary>A report's totals as the reviewer weighs them.</summary>
    public sealed record WorkFigures(int FilesReceived, long AmountClaimed, int FilesForwarded, int FilesReturned, int PendingAtEnd, decimal? AverageDays);

    /// <summary>
    /// The acting review office's agencies expected for the month, each with its report (or none yet), its figures and
    /// last month's: one query for the rows (two left joins), one for the changes of the reports sent again after a return.
    /// </summary>
    public async Task<IReadOnlyList<WorkRow>> WorklistAsync(JalaliMonth period, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!db.Actor.Can(Permission.MonthlyReview)) return [];
        var officeId = db.Actor.UnitId;
        var submitCutOff = MonthlyReport.SubmitCutOff(period, options.AgencyDeadlineDay);
        var (key, lastKey) = (period.Key, period.Previous().Key);
        var rows = await ExpectedAgencies.For(db, period).Where(a => a.ReviewOfficeId == officeId)
            .LeftJoin(db.MonthlyReports.Where(r => r.Period == key), a => a.Id, r => r.AgencyId, (a, r) => new { a, r })
            .LeftJoin(db.MonthlyReports.Where(r => r.Period == lastKey), x => x.a.Id, l => l.AgencyId, (x, l) => new { x.a, x.r, l })
            .OrderBy(x => x.a.Code)
            .Select(x => new
            {
                Row = new WorkRow(x.a.Id, x.a.Code, x.a.Name, x.r == null ? null : x.r.Id, x.r == null ? null : x.r.Status,
                    x.r == null ? null : x.r.Version, x.r == null ? null : x.r.SubmittedAt,
                    x.r != null && x.r.SubmittedAt != null && x.r.SubmittedAt >= submitCutOff,
                    x.r == null ? null : x.r.ForwardedAt,
                    null,
                    x.r == null ? 0 : x.r.ChangesSinceAcceptance,
                    x.r == null ? null : new WorkFigures(x.r.Lines.Sum(l => l.FilesReceived), x.r.Lines.Sum(l => l.AmountClaimed), x.r.FilesForwarded,
                        x.r.FilesReturned, x.r.PendingAtEnd, x.r.AverageDaysToForward),
                    x.l == null ? null : new WorkFigures(x.l.Lines.Sum(l => l.FilesReceived), x.l.Lines.Sum(l => l.AmountClaimed), x.l.FilesForwarded,
                        x.l.FilesReturned, x.l.PendingAtEnd, x.l.AverageDaysToForward),
                    x.r == null ? null : x.r.ReturnedAt, null),
                FirstForwardedAt = x.r == null ? null : x.r.FirstForwardedAt,
            })
            .ToListAsync(ct);
        var timed = rows.Select(x => x.Row with { ForwardedOnTime = MonthlyReport.OnTime(period, x.FirstForwardedAt) }).ToList();
        var changes = await SinceReturn.ChangesAsync(db, timed.Where(r => r.Resubmitted).ToList(), ct);
        return timed.Select(r => changes.TryGetValue(r.ReportId ?? 0, out var c) ? r with { SinceReturn = c } : r).ToList();
    }
}
