using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.Rollout;

/// <summary>Rollout waves (admins) and the information tools put up at agencies (treatment directorates).</summary>
public sealed class RolloutPlanning(PortalDb portalDb, TimeProvider clock)
{
    public sealed record WaveRow(int Id, int Number, string Name, string CircularNo, DateOnly GoLive, IReadOnlyList<string> ProvincesFa);

    public async Task<IReadOnlyList<WaveRow>> WavesAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        var waves = await db.RolloutWaves.AsNoTracking().OrderBy(w => w.Number).ToListAsync(ct);
        var provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct);
        return waves.Select(w => new WaveRow(w.Id, w.Number, w.Name, w.CircularNo, w.GoLiveDate,
            provinces.Where(p => p.RolloutWaveId == w.Id).Select(p => p.NameFa).ToList())).ToList();
    }

    /// <summary>Opens a new wave; the chosen provinces move into it and take its go-live date.</summary>
    public async Task<int> OpenWaveAsync(string name, string? circularNo, JalaliDate goLive, IReadOnlyCollection<int> provinceIds, CancellationToken ct = default)
    {
        return await DbErrors.RetryNumberingAsync(async () =>
        {
            await using var db = await portalDb.OpenAsync(ct);
            db.Actor.Require(Permission.WavesOpen);
            var title = TextNormalizer.Normalize(name);
            if (title.Length == 0) throw DomainException.Of("Wave.NameRequired");
            title = Input.Text(title, TextLength.Name).OrRefuse("Wave.NameField");
            Input.Text(circularNo, RolloutWave.MaxCircularNoLength, required: false).OrRefuse("Wave.CircularNoField");
            if (provinceIds.Count == 0) throw DomainException.Of("Wave.ProvincesRequired");
            var number = (await db.RolloutWaves.MaxAsync(w => (int?)w.Number, ct) ?? 0) + 1;
            var wave = new RolloutWave(number, title, TextNormalizer.Normalize(circularNo), goLive.ToDateOnly());
            db.Add(wave);
            foreach (var province in await db.Provinces.Where(p => provinceIds.Contains(p.Id)).ToListAsync(ct)) province.JoinWave(wave);
            await db.SaveChangesAsync(ct);
            return wave.Id;
        });
    }

    /// <summary>Records tools put up at an agency, as typed: a whole quantity in range and a date not after today, each refusal naming its field.</summary>
    public async Task RecordToolsAsync(int agencyId, InformationTool tool, string? quantityText, string? deployedOnText, CancellationToken ct = default)
    {
        var quantity = Input.WholeNumber(quantityText, 1, ToolDeployment.MaxQuantity).OrRefuse("Tools.QuantityField");
        var deployedOn = Input.PastDate(deployedOnText, JalaliDate.Today(clock).ToDateOnly()).OrRefuse("Tools.DeployedOnField");
        await using var db = await portalDb.OpenAsync(ct);
        db.Actor.Require(Permission.InformationToolsRecord);
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId, ct) ?? throw DomainException.Of("Agency.NotFound");
        db.Add(new ToolDeployment(agency, tool, quantity, deployedOn, db.Actor.UserName, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }
}
