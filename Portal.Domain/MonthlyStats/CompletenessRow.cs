using Portal.Domain.Common;

namespace Portal.Domain.MonthlyStats;

/// <summary>How many agencies were expected to report, how many did, and how many were forwarded, on time or at all.</summary>
public sealed record CompletenessRow(int Id, string Name, int Expected, int Received, int Forwarded, int OnTime)
{
    public double ReceivedRate => Expected == 0 ? 0 : (double)Received / Expected;
    public double ForwardedRate => Expected == 0 ? 0 : (double)Forwarded / Expected;
    public double OnTimeRate => Expected == 0 ? 0 : (double)OnTime / Expected;

    /// <summary>The counts of the expected agencies' reports of <paramref name="period"/>: when each was submitted and first forwarded (null: not yet).</summary>
    public static CompletenessRow Count(int id, string name, JalaliMonth period, IReadOnlyCollection<(DateTimeOffset? SubmittedAt, DateTimeOffset? FirstForwardedAt)> reports) =>
        new(id, name, reports.Count, reports.Count(r => r.SubmittedAt is not null), reports.Count(r => r.FirstForwardedAt is not null),
            reports.Count(r => MonthlyReport.OnTime(period, r.FirstForwardedAt) == true));

    /// <summary>The rows added up, for a table's totals line.</summary>
    public static CompletenessRow Total(IEnumerable<CompletenessRow> rows, string name) => rows.Aggregate(new CompletenessRow(0, name, 0, 0, 0, 0),
        (t, r) => t with { Expected = t.Expected + r.Expected, Received = t.Received + r.Received, Forwarded = t.Forwarded + r.Forwarded, OnTime = t.OnTime + r.OnTime });
}
