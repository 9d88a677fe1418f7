using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.NetworkOutages;

/// <summary>
/// The outages in the reader's scope (seed 004 §3): a branch's own list, the open ones of a province's branches (how
/// long open, the last follow-up) and a month's hours per branch (<see cref="OutageHours"/>, the evaluation's reading).
/// National readers may narrow to one province. An outage out of scope is "not found".
/// </summary>
public sealed class OutageQuery(PortalDb portalDb, TimeProvider clock)
{
    public sealed record Row(int Id, string Branch, string Province, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, OutageCause Cause,
        string Description, string? SupportReference, int FollowUps, DateTimeOffset? LastFollowUpAt, string? LastNote)
    {
        public bool IsOpen => EndedAt is null;
        /// <summary>How long the link was (or has so far been) down.</summary>
        public double Hours(DateTimeOffset now) => ((EndedAt ?? now) - StartedAt).TotalHours;
    }

    public sealed record Details(NetworkOutage Outage, string Branch, string Province, IReadOnlyDictionary<string, string> Names, bool CanAct);

    /// <summary>A branch's month: <see cref="Hours"/> to a tenth of an hour, as the page and the workbook show it, so the total is the sum of the rows shown.</summary>
    public sealed record BranchMonth(int BranchId, string Branch, string Province, double Hours, int Outages, int Open);

    public sealed record Month(JalaliMonth Period, IReadOnlyList<BranchMonth> Branches)
    {
        public double Hours => Branches.Sum(b => b.Hours);
        public int Outages => Branches.Sum(b => b.Outages);
    }

    public sealed record ProvinceChoice(string Code, string Name);

    /// <summary>The acting branch's outages: open ones first, then the latest.</summary>
    public async Task<IReadOnlyList<Row>> BranchAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.OutagesRead, ct);
        var branch = db.Actor.UnitId;
        return await RowsAsync(db, db.NetworkOutages.Where(o => o.BranchId == branch)
            .OrderBy(o => o.EndedAt == null ? 0 : 1).ThenByDescending(o => o.StartedAt).Take(300), ct);
    }

    /// <summary>The outages open now in the reader's scope (or in the province of <paramref name="provinceCode"/>), the longest open first.</summary>
    public async Task<IReadOnlyList<Row>> OpenAsync(string? provinceCode = null, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.OutagesRead, ct);
        var province = await ProvinceIdAsync(db, provinceCode, ct);
        return await RowsAsync(db, db.NetworkOutages.Where(o => o.EndedAt == null && (province == null || o.ProvinceId == province))
            .OrderBy(o => o.StartedAt), ct);
    }

    /// <summary>
    /// Hours down per branch in <paramref name="period"/>: every branch of the province when one province is looked at
    /// (a branch with no outage reads zero), else the branches that had one; the most hours first.
    /// </summary>
    public async Task<Month> MonthAsync(JalaliMonth period, string? provinceCode = null, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.OutagesRead, ct);
        var province = await ProvinceIdAsync(db, provinceCode, ct) ?? (db.Actor.Scope.Level == ScopeLevel.Province ? db.Actor.Scope.ProvinceId : null);
        var hours = (await OutageHours.PerBranchAsync(db, period, period, clock.GetUtcNow(), ct))
            .Where(h => province == null || h.ProvinceId == province).ToDictionary(h => h.BranchId);
        var branchIds = hours.Keys.ToList();
        var own = db.Actor.Scope.Level == ScopeLevel.Unit ? db.Actor.UnitId : null;
        var units = await db.OrgUnits.AsNoTracking()
            .Where(u => u.Kind == UnitKind.Branch && (branchIds.Contains(u.Id) || u.Id == own || (province != null && u.ProvinceId == province)))
            .Select(u => new { u.Id, u.Name, Province = u.Province!.NameFa }).ToListAsync(ct);
        var rows = units.Select(u => hours.TryGetValue(u.Id, out var h)
                ? new BranchMonth(u.Id, u.Name, u.Province, Math.Round(h.Hours, 1, MidpointRounding.AwayFromZero), h.Outages, h.Open)
                : new BranchMonth(u.Id, u.Name, u.Province, 0, 0, 0))
            .OrderByDescending(b => b.Hours).ThenBy(b => b.Province, StringComparer.Ordinal).ThenBy(b => b.Branch, StringComparer.Ordinal).ToList();
        return new Month(period, rows);
    }

    /// <summary>One outage with its follow-ups in order, or null when not found or out of scope.</summary>
    public async Task<Details?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.OutagesRead, ct);
        var outage = await db.NetworkOutages.AsNoTracking().Include(o => o.FollowUps.OrderBy(f => f.At).ThenBy(f => f.Id)).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (outage is null) return null;
        var people = outage.FollowUps.Select(f => f.By).Append(outage.RecordedBy).Append(outage.ResolvedBy).OfType<string>().Distinct().ToList();
        var names = await db.Users.IgnoreQueryFilters().Where(u => people.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.FullName, ct);
        var place = await db.OrgUnits.IgnoreQueryFilters().Where(u => u.Id == outage.BranchId).Select(u => new { u.Name, Province = u.Province!.NameFa }).SingleAsync(ct);
        return new Details(outage, place.Name, place.Province, names,
            CanAct: outage.IsOpen && db.Actor.UnitId == outage.BranchId && db.Actor.Can(Permission.OutagesRecord));
    }

    /// <summary>The provinces a national reader may narrow to; empty for everyone else (their scope is one province or one branch).</summary>
    public async Task<IReadOnlyList<ProvinceChoice>> ProvincesAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.OutagesRead, ct);
        if (db.Actor.Scope.Level != ScopeLevel.National) return [];
        return await db.Provinces.AsNoTracking().OrderBy(p => p.Code).Select(p => new ProvinceChoice(p.Code, p.NameFa)).ToListAsync(ct);
    }

    /// <summary>The province of the code for a national reader; a province-scoped reader's filter is its scope already.</summary>
    private static async Task<int?> ProvinceIdAsync(PortalDbContext db, string? code, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code) || db.Actor.Scope.Level != ScopeLevel.National ? null
            : await db.Provinces.Where(p => p.Code == code).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct) ?? -1;

    private static async Task<IReadOnlyList<Row>> RowsAsync(PortalDbContext db, IQueryable<NetworkOutage> outages, CancellationToken ct)
    {
        var rows = await outages.AsNoTracking().Select(o => new
        {
            o.Id, o.BranchId, o.StartedAt, o.EndedAt, o.Cause, o.Description, o.SupportReference, FollowUps = o.FollowUps.Count,
            Last = o.FollowUps.OrderByDescending(f => f.At).ThenByDescending(f => f.Id).Select(f => new { f.At, f.Note }).FirstOrDefault(),
        }).ToListAsync(ct);
        var ids = rows.Select(r => r.BranchId).Distinct().ToList();
        // Names in a query of their own: IgnoreQueryFilters would lift the outages' scope in a shared one.
        var places = await db.OrgUnits.IgnoreQueryFilters().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Name, Province = u.Province!.NameFa }).ToDictionaryAsync(u => u.Id, ct);
        return [.. rows.Select(r => new Row(r.Id, places[r.BranchId].Name, places[r.BranchId].Province, r.StartedAt, r.EndedAt, r.Cause, r.Description,
            r.SupportReference, r.FollowUps, r.Last?.At, r.Last?.Note))];
    }
}
