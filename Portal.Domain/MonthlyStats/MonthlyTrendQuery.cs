using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.MonthlyStats;

/// <summary>Completeness, timeliness and the files and amounts received, month by month.</summary>
public sealed class MonthlyTrendQuery(PortalDb portalDb)
{
    /// <summary>One month of the trend, for the whole scope.</summary>
    public sealed record TrendPoint(JalaliMonth Period, CompletenessRow Completeness, long FilesReceived, long AmountClaimed);

    /// <summary>A trend: each month's totals, and the expected agency-months behind them.</summary>
    public sealed record Trend(IReadOnlyList<TrendPoint> Months, IReadOnlyList<AgencyMonth> Rows);

    /// <summary>
    /// Up to <paramref name="last"/>, with every expected agency-month in the actor's scope behind them (the files and
    /// amounts of submitted reports only).
    /// </summary>
    public async Task<Trend> TrendAsync(JalaliMonth last, int months = 12, CancellationToken ct = default)
    {
        var rows = await RowsAsync(last.AddMonths(-(months - 1)), last, ct);
        var byMonth = rows.ToLookup(r => r.Period);
        var points = Enumerable.Range(0, months).Select(back => last.AddMonths(back - months + 1)).Select(month =>
        {
            var received = byMonth[month.Key].Where(r => r.Received).ToList();
            return new TrendPoint(month, CompletenessRow.Count(0, month.ToPersianString(), month,
                byMonth[month.Key].Select(r => (r.SubmittedAt, r.FirstForwardedAt)).ToList()),
                received.Sum(r => (long)r.FilesReceived), received.Sum(r => r.AmountClaimed));
        }).ToList();
        return new Trend(points, rows);
    }

    private async Task<IReadOnlyList<AgencyMonth>> RowsAsync(JalaliMonth first, JalaliMonth last, CancellationToken ct)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!db.Actor.Can(Permission.MonthlyFollow)) return [];
        return await AgencyMonth.ReadAsync(db, ExpectedAgencies.InScope(db, db.Agencies), first, last, ct);
    }
}
