using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.MonthlyStats;

/// <summary>One value's change on a report: who, when, old → new (from the audit log).</summary>
public sealed record ValueChange(DateTimeOffset At, string UserName, string Field, string? Category, string Old, string New);

/// <summary>A report's per-value change history.</summary>
public sealed class ReportHistoryQuery(PortalDb portalDb)
{
    /// <summary>The values a history shows: the figures and the status, not bookkeeping such as versions.</summary>
    private static readonly HashSet<string> ReportedFields =
    [
        nameof(ReportLine.FilesReceived), nameof(ReportLine.AmountClaimed), nameof(MonthlyReport.FilesForwarded), nameof(MonthlyReport.FilesReturned),
        nameof(MonthlyReport.PendingAtEnd), nameof(MonthlyReport.AverageDaysToForward), nameof(MonthlyReport.Status),
        nameof(MonthlyReport.ReturnReason), nameof(MonthlyReport.ReopenReason),
    ];

    /// <summary>The per-value change history of a report in scope, newest first; null when it is not found.</summary>
    public async Task<(AgencyMonth Report, IReadOnlyList<ValueChange> Changes)?> HistoryAsync(int reportId, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!db.Actor.Can(Permission.MonthlyFollow)) return null;
        var report = await db.MonthlyReports.Where(r => r.Id == reportId).Select(r => new { r.AgencyId, r.Period, Lines = r.Lines.Select(l => new { l.Id, l.Category.NameFa }) })
            .SingleOrDefaultAsync(ct);
        if (report is null) return null;
        var month = JalaliMonth.FromKey(report.Period);
        var row = (await AgencyMonth.ReadAsync(db, ExpectedAgencies.InScope(db, db.Agencies).Where(a => a.Id == report.AgencyId), month, month, ct)).SingleOrDefault();
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

    private static string Shown(string field, string value) =>
        field == nameof(MonthlyReport.Status) && Enum.TryParse<ReportStatus>(value, out var status) ? Messages.Get($"ReportStatus.{status}") : value;
}
