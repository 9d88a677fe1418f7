using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Rollout;

namespace Portal.Domain.Agencies;

public enum AgencySort { Code, Name, Province, ReviewOffice, Status, Readiness }

/// <summary>Filters of the agency list; <see cref="Position"/> is a readiness position (see <see cref="AgencyReadiness.Position"/>).</summary>
public sealed record AgencyFilter(string? Text = null, int? ProvinceId = null, int? ReviewOfficeId = null, AgencyStatus? Status = null,
    int? Position = null, bool OverdueOnly = false, int? WaveId = null);

/// <summary>The agency list: paged, sorted and filtered in SQL, within the reader's scope.</summary>
public sealed class AgencySearch(PortalDb portalDb, TimeProvider clock)
{
    public sealed record Row(int Id, string Code, string Name, string ProvinceFa, string ReviewOffice, string? City, string ManagerName,
        AgencyStatus Status, int Position, bool Overdue);

    public async Task<(IReadOnlyList<Row> Rows, int Total)> SearchAsync(AgencyFilter filter, AgencySort sort, bool descending, int skip, int take,
        CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        var query = Query(db, filter);
        var total = await query.CountAsync(ct);
        var rows = await Sorted(query, sort, descending).Skip(skip).Take(take).ToListAsync(ct);
        return (rows, total);
    }

    /// <summary>Every matching row, for the Excel export.</summary>
    public async Task<IReadOnlyList<Row>> AllAsync(AgencyFilter filter, AgencySort sort, bool descending, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        return await Sorted(Query(db, filter), sort, descending).ToListAsync(ct);
    }

    private IQueryable<Row> Query(PortalDbContext db, AgencyFilter filter)
    {
        var today = JalaliDate.Today(clock).ToDateOnly();
        var readiness = db.Readiness(today);
        if (filter.Position is { } position) readiness = readiness.Where(r => r.Position == position);
        if (filter.OverdueOnly) readiness = readiness.Where(r => r.GoLive <= today && r.Position < (int)ReadinessStep.ToolsDeployed && r.Status != AgencyStatus.Closed);
        var agencies = db.Agencies.AsQueryable();
        var text = TextNormalizer.Normalize(filter.Text);
        if (text.Length > 0) agencies = agencies.Where(a => a.Code.Contains(text) || a.Name.Contains(text) || a.ManagerName.Contains(text));
        if (filter.ProvinceId is { } province) agencies = agencies.Where(a => a.ProvinceId == province);
        if (filter.ReviewOfficeId is { } office) agencies = agencies.Where(a => a.ReviewOfficeId == office);
        if (filter.Status is { } status) agencies = agencies.Where(a => a.Status == status);
        if (filter.WaveId is { } wave) agencies = agencies.Where(a => a.Province!.RolloutWaveId == wave);
        return from a in agencies
               join r in readiness on a.Id equals r.AgencyId
               select new Row(a.Id, a.Code, a.Name, a.Province!.NameFa, a.ReviewOffice.Name, a.City, a.ManagerName, a.Status, r.Position,
                   r.GoLive <= today && r.Position < (int)ReadinessStep.ToolsDeployed && a.Status != AgencyStatus.Closed);
    }

    private static IQueryable<Row> Sorted(IQueryable<Row> rows, AgencySort sort, bool descending) => (sort, descending) switch
    {
        (AgencySort.Name, false) => rows.OrderBy(r => r.Name).ThenBy(r => r.Code),
        (AgencySort.Name, true) => rows.OrderByDescending(r => r.Name).ThenBy(r => r.Code),
        (AgencySort.Province, false) => rows.OrderBy(r => r.ProvinceFa).ThenBy(r => r.Code),
        (AgencySort.Province, true) => rows.OrderByDescending(r => r.ProvinceFa).ThenBy(r => r.Code),
        (AgencySort.ReviewOffice, false) => rows.OrderBy(r => r.ReviewOffice).ThenBy(r => r.Code),
        (AgencySort.ReviewOffice, true) => rows.OrderByDescending(r => r.ReviewOffice).ThenBy(r => r.Code),
        (AgencySort.Status, false) => rows.OrderBy(r => r.Status).ThenBy(r => r.Code),
        (AgencySort.Status, true) => rows.OrderByDescending(r => r.Status).ThenBy(r => r.Code),
        (AgencySort.Readiness, false) => rows.OrderBy(r => r.Position).ThenBy(r => r.Code),
        (AgencySort.Readiness, true) => rows.OrderByDescending(r => r.Position).ThenBy(r => r.Code),
        (_, true) => rows.OrderByDescending(r => r.Code),
        _ => rows.OrderBy(r => r.Code),
    };
}
