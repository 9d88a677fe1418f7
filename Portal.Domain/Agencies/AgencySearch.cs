using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Rollout;

namespace Portal.Domain.Agencies;

public enum AgencySort { Code, Name, Province, ReviewOffice, Status, Readiness }

/// <summary>Filters of the agency list; <see cref="Position"/> is a readiness position (see <see cref="AgencyReadiness.Position"/>).</summary>
public sealed record AgencyFilter(string? Text = null, int? ProvinceId = null, int? ReviewOfficeId = null, AgencyStatus? Status = null,
    int? Position = null, bool OverdueOnly = false, int? WaveId = null, bool ReadyOnly = false);

/// <summary>The agency list: paged, sorted and filtered in SQL, within the reader's scope.</summary>
public sealed class AgencySearch(PortalDb portalDb, TimeProvider clock)
{
    public sealed record Row(int Id, string Code, string Name, string ProvinceFa, int ReviewOfficeId, string ReviewOffice, string? City, string ManagerName,
        AgencyStatus Status, int Position, bool Overdue);

    public async Task<(IReadOnlyList<Row> Rows, int Total)> SearchAsync(AgencyFilter filter, AgencySort sort, bool descending, int skip, int take,
        CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        var query = Query(db, filter);
        var total = await query.CountAsync(ct);
        var rows = ToRows(await Sorted(query, sort, descending).Skip(skip).Take(take).ToListAsync(ct));
        return (await NamedAsync(db, rows, ct), total);
    }

    /// <summary>Every matching row, for the Excel export.</summary>
    public async Task<IReadOnlyList<Row>> AllAsync(AgencyFilter filter, AgencySort sort, bool descending, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        return await NamedAsync(db, ToRows(await Sorted(Query(db, filter), sort, descending).ToListAsync(ct)), ct);
    }

    private IQueryable<AgencyReadiness> Query(PortalDbContext db, AgencyFilter filter)
    {
        var today = JalaliDate.Today(clock).ToDateOnly();
        var agencies = db.Agencies.AsQueryable();
        var key = SearchKey.Of(filter.Text);
        if (key.Length > 0) agencies = agencies.Where(a => a.SearchText.Contains(key));
        if (filter.ProvinceId is { } province) agencies = agencies.Where(a => a.ProvinceId == province);
        if (filter.ReviewOfficeId is { } office) agencies = agencies.Where(a => a.ReviewOfficeId == office);
        if (filter.Status is { } status) agencies = agencies.Where(a => a.Status == status);
        if (filter.WaveId is { } wave) agencies = agencies.Where(a => a.Province!.RolloutWaveId == wave);
        var readiness = db.Readiness(today, agencies);
        if (filter.Position is { } position) readiness = readiness.Where(r => r.Position == position);
        if (filter.OverdueOnly) readiness = readiness.Overdue(today);
        if (filter.ReadyOnly) readiness = readiness.Where(r => r.Position >= AgencyReadiness.ReadyPosition);
        return readiness;
    }

    private List<Row> ToRows(List<AgencyReadiness> readiness)
    {
        var today = JalaliDate.Today(clock).ToDateOnly();
        return readiness.Select(r => new Row(r.AgencyId, r.Code, r.Name, r.ProvinceFa, r.ReviewOfficeId, "", r.City, r.ManagerName, r.Status, r.Position,
            r.IsOverdue(today))).ToList();
    }

    /// <summary>
    /// Review offices are named in a query of their own: an agency's own users cannot see the office through the scope
    /// filter, and ignoring filters inside the list query would ignore them for the whole query.
    /// </summary>
    private static async Task<List<Row>> NamedAsync(PortalDbContext db, List<Row> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.ReviewOfficeId).Distinct().ToList();
        var names = await db.OrgUnits.IgnoreQueryFilters().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return rows.Select(r => r with { ReviewOffice = names.GetValueOrDefault(r.ReviewOfficeId, "") }).ToList();
    }

    private static IQueryable<AgencyReadiness> Sorted(IQueryable<AgencyReadiness> rows, AgencySort sort, bool descending) => (sort, descending) switch
    {
        (AgencySort.Name, false) => rows.OrderBy(r => r.Name).ThenBy(r => r.Code),
        (AgencySort.Name, true) => rows.OrderByDescending(r => r.Name).ThenBy(r => r.Code),
        (AgencySort.Province, false) => rows.OrderBy(r => r.ProvinceFa).ThenBy(r => r.Code),
        (AgencySort.Province, true) => rows.OrderByDescending(r => r.ProvinceFa).ThenBy(r => r.Code),
        (AgencySort.ReviewOffice, false) => rows.OrderBy(r => r.ReviewOfficeId).ThenBy(r => r.Code),
        (AgencySort.ReviewOffice, true) => rows.OrderByDescending(r => r.ReviewOfficeId).ThenBy(r => r.Code),
        (AgencySort.Status, false) => rows.OrderBy(r => r.Status).ThenBy(r => r.Code),
        (AgencySort.Status, true) => rows.OrderByDescending(r => r.Status).ThenBy(r => r.Code),
        (AgencySort.Readiness, false) => rows.OrderBy(r => r.Position).ThenBy(r => r.Code),
        (AgencySort.Readiness, true) => rows.OrderByDescending(r => r.Position).ThenBy(r => r.Code),
        (_, true) => rows.OrderByDescending(r => r.Code),
        _ => rows.OrderBy(r => r.Code),
    };
}
