using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Data;

namespace Portal.Domain.Rollout;

/// <summary>
/// Where the rollout stands: per province, how many agencies are at each readiness position, how many are ready,
/// and which are overdue with what they miss. Closed agencies are not expected to go live and are left out.
/// </summary>
public sealed class RolloutDashboard(PortalDb portalDb, TimeProvider clock)
{
    public sealed record ProvinceRow(int ProvinceId, string Code, string NameFa, string NameEn, int WaveNumber, DateOnly GoLive,
        int Agencies, int Ready, int Overdue, IReadOnlyList<int> ByPosition)
    {
        public double ReadyPercent => Agencies == 0 ? 0 : 100.0 * Ready / Agencies;
    }

    public sealed record OverdueRow(int AgencyId, string Code, string Name, IReadOnlyList<ReadinessStep> Missing);

    public sealed record Overview(IReadOnlyList<ProvinceRow> Provinces, IReadOnlyList<OverdueRow> Overdue)
    {
        public int Agencies => Provinces.Sum(p => p.Agencies);
        public int Ready => Provinces.Sum(p => p.Ready);
        public double ReadyPercent => Agencies == 0 ? 0 : 100.0 * Ready / Agencies;
    }

    /// <summary>The provinces in the reader's scope (one for a treatment director), optionally one wave's.</summary>
    public async Task<Overview> OverviewAsync(int? waveId = null, int overdueRows = 200, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        var today = JalaliDate.Today(clock).ToDateOnly();
        var readiness = db.Readiness(today).Where(r => r.Status != AgencyStatus.Closed);
        var provinces = db.Provinces.AsNoTracking().AsQueryable();
        if (waveId is { } wave)
        {
            provinces = provinces.Where(p => p.RolloutWaveId == wave);
            readiness = readiness.Where(r => provinces.Any(p => p.Id == r.ProvinceId));
        }
        var agencies = await readiness.ToListAsync(ct);
        var inScope = agencies.Select(a => a.ProvinceId).ToHashSet();
        var provinceList = await provinces.Include(p => p.RolloutWave).OrderBy(p => p.Code).ToListAsync(ct);
        // Reference data is readable by everyone; show only provinces the reader covers (all of them for head office).
        if (db.Scope.Level != Security.ScopeLevel.National) provinceList = provinceList.Where(p => p.Id == db.Scope.ProvinceId || inScope.Contains(p.Id)).ToList();
        var byProvince = agencies.ToLookup(a => a.ProvinceId);
        var rows = provinceList.Select(p =>
        {
            var list = byProvince[p.Id].ToList();
            var positions = new int[10];
            foreach (var a in list) positions[a.Position]++;
            return new ProvinceRow(p.Id, p.Code, p.NameFa, p.NameEn, p.RolloutWave.Number, p.RolloutWave.GoLiveDate, list.Count,
                list.Count(a => a.IsReady), list.Count(a => a.IsOverdue(today)), positions);
        }).ToList();
        var overdue = agencies.Where(a => a.IsOverdue(today)).OrderBy(a => a.Position).ThenBy(a => a.Code).Take(overdueRows)
            .Select(a => new OverdueRow(a.AgencyId, a.Code, a.Name, a.Missing.ToList())).ToList();
        return new Overview(rows, overdue);
    }
}
