using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agencies;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.Organisation;

/// <summary>The home page's figures, counted inside the acting user's scope, for the offices that use them.</summary>
public sealed class OrganisationOverview(PortalDb portalDb)
{
    public sealed record ProvinceRow(int ProvinceId, string NameFa, string NameEn, int Wave, int Agencies, int ActiveAgencies, int Branches, int MedicalCenters);

    public sealed record Summary(IReadOnlyDictionary<UnitKind, int> UnitsByKind, int ActiveAgencies, int Users, IReadOnlyList<ProvinceRow> Provinces);

    /// <summary>The counts in the reader's scope; a role that does not read them is refused.</summary>
    public async Task<Summary> GetAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        db.Actor.Require(Permission.OrganisationCountsRead);
        var byKind = await db.OrgUnits.GroupBy(u => u.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var activeAgencies = await db.Agencies.CountAsync(a => a.Status == AgencyStatus.Active, ct);
        var users = await db.Users.CountAsync(u => !u.IsDisabled && db.OrgUnits.Any(o => o.Id == u.UnitId), ct);
        var perProvince = await db.OrgUnits.Where(u => u.ProvinceId != null)
            .GroupBy(u => u.ProvinceId!.Value)
            .Select(g => new
            {
                ProvinceId = g.Key,
                Agencies = g.Count(u => u.Kind == UnitKind.Agency),
                Branches = g.Count(u => u.Kind == UnitKind.Branch),
                MedicalCenters = g.Count(u => u.Kind == UnitKind.MedicalCenter),
            })
            .ToListAsync(ct);
        var active = await db.Agencies.Where(a => a.Status == AgencyStatus.Active)
            .GroupBy(a => a.ProvinceId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var provinces = await db.Provinces.Select(p => new { p.Id, p.NameFa, p.NameEn, p.Code, Wave = p.RolloutWave.Number }).ToDictionaryAsync(p => p.Id, ct);
        var rows = perProvince
            .Select(r => new ProvinceRow(r.ProvinceId, provinces[r.ProvinceId].NameFa, provinces[r.ProvinceId].NameEn, provinces[r.ProvinceId].Wave,
                r.Agencies, active.GetValueOrDefault(r.ProvinceId), r.Branches, r.MedicalCenters))
            .OrderBy(r => provinces[r.ProvinceId].Code)
            .ToList();
        return new Summary(byKind, activeAgencies, users, rows);
    }
}
