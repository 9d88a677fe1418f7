using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Data;

namespace Portal.Domain.MonthlyStats;

/// <summary>One agency's month in the province report; no status means no report yet.</summary>
public sealed record AgencyMonth(int Period, string ProvinceCode, string ProvinceFa, string ReviewOffice, string Code, string Name,
    int? ReportId, ReportStatus? Status, int FilesReceived, long AmountClaimed, int FilesForwarded, int FilesReturned, int PendingAtEnd,
    decimal? AverageDays, DateTimeOffset? SubmittedAt, DateTimeOffset? FirstForwardedAt, bool? ForwardedOnTime)
{
    public JalaliMonth Month => JalaliMonth.FromKey(Period);
    public bool Received => SubmittedAt is not null;

    /// <summary>
    /// The one place an agency's month is built: every expected agency-month of <paramref name="agencies"/> from
    /// <paramref name="first"/> to <paramref name="last"/>, by month, province, office and code. Two reads whatever
    /// the number of months: the agencies expected in some month of the range, and the range's reports.
    /// </summary>
    internal static async Task<List<AgencyMonth>> ReadAsync(PortalDbContext db, IQueryable<Agency> agencies, JalaliMonth first, JalaliMonth last, CancellationToken ct)
    {
        var expected = await agencies.Where(ExpectedAgencies.In(first, last)).AsNoTracking()
            .Include(a => a.Province!).ThenInclude(p => p.RolloutWave).Include(a => a.ReviewOffice)
            .OrderBy(a => a.Province!.Code).ThenBy(a => a.ReviewOffice.Code).ThenBy(a => a.Code).ToListAsync(ct);
        var ids = expected.Select(a => a.Id).ToList();
        var reports = await db.MonthlyReports.Where(r => r.Period >= first.Key && r.Period <= last.Key && ids.Contains(r.AgencyId))
            .Select(r => new Report(r.AgencyId, r.Period, r.Id, r.Status, r.Lines.Sum(l => l.FilesReceived), r.Lines.Sum(l => l.AmountClaimed),
                r.FilesForwarded, r.FilesReturned, r.PendingAtEnd, r.AverageDaysToForward, r.SubmittedAt, r.FirstForwardedAt))
            .ToDictionaryAsync(r => (r.AgencyId, r.Period), ct);
        var rows = new List<AgencyMonth>(expected.Count);
        for (var month = first; month <= last; month = month.Next())
        {
            var owes = ExpectedAgencies.In(month, month).Compile();
            foreach (var a in expected.Where(owes))
                rows.Add(Of(month, a, reports.GetValueOrDefault((a.Id, month.Key))));
        }
        return rows;
    }

    private static AgencyMonth Of(JalaliMonth month, Agency a, Report? r) =>
        new(month.Key, a.Province!.Code, a.Province.NameFa, a.ReviewOffice.Name, a.Code, a.Name, r?.Id, r?.Status,
            r?.Files ?? 0, r?.Amount ?? 0, r?.FilesForwarded ?? 0, r?.FilesReturned ?? 0, r?.PendingAtEnd ?? 0, r?.AverageDays,
            r?.SubmittedAt, r?.FirstForwardedAt, MonthlyReport.OnTime(month, r?.FirstForwardedAt));

    /// <summary>A report's side of the row, its lines summed by the database.</summary>
    private sealed record Report(int AgencyId, int Period, int Id, ReportStatus Status, int Files, long Amount, int FilesForwarded,
        int FilesReturned, int PendingAtEnd, decimal? AverageDays, DateTimeOffset? SubmittedAt, DateTimeOffset? FirstForwardedAt);
}
