using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Domain.MonthlyStats;

/// <summary>What an agency changed in a report the review office had returned to it.</summary>
internal static class SinceReturn
{
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
    public static async Task<Dictionary<int, IReadOnlyList<ValueChange>>> ChangesAsync(PortalDbContext db,
        IReadOnlyList<MonthlyWorklistQuery.WorkRow> resubmitted, CancellationToken ct)
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
}
