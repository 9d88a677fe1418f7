using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.MonthlyStats;
using Portal.Domain.Data;
using Portal.Domain.ElectronicFiles;
using Portal.Domain.Security;

namespace Portal.Domain.Organisation;

/// <summary>Reference data every installation needs: rollout waves, the 31 provinces, the head-office units, the first contract template, the claim categories, the electronic files' document headings and types. Idempotent.</summary>
public sealed class OrganisationSeeder(IDbContextFactory<PortalDbContext> factory, TimeProvider clock)
{
    public const string HeadOfficeCode = "HQ";
    public const string CallCenterCode = "HQ-1420";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = PortalDb.Open(factory, Actor.System);
        var waves = await db.RolloutWaves.ToDictionaryAsync(w => w.Number, ct);
        foreach (var w in ReferenceData.Waves.Where(w => !waves.ContainsKey(w.Number)))
        {
            var goLive = JalaliDate.Create(w.GoLiveYear, w.GoLiveMonth, w.GoLiveDay).ToDateOnly();
            db.Add(waves[w.Number] = new RolloutWave(w.Number, w.NameFa, w.CircularNo, goLive));
        }

        var provinces = await db.Provinces.Select(p => p.Code).ToHashSetAsync(ct);
        foreach (var p in ReferenceData.Provinces.Where(p => !provinces.Contains(p.Code)))
            db.Add(new Province(p.Code, p.NameFa, p.NameEn, waves[p.Wave]));

        var roles = await db.Roles.Select(r => r.Name).ToHashSetAsync(ct);
        foreach (var role in Roles.All.Where(r => !roles.Contains(r)))
            db.Roles.Add(new Microsoft.AspNetCore.Identity.IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });

        var units = await db.OrgUnits.Select(u => u.Code).ToHashSetAsync(ct);
        if (!units.Contains(HeadOfficeCode))
            db.Add(new OrgUnit(UnitKind.HeadOffice, HeadOfficeCode, "ستاد سازمان تأمین اجتماعی", null));
        if (!units.Contains(CallCenterCode))
            db.Add(new OrgUnit(UnitKind.CallCenter, CallCenterCode, "سامانه ارتباط مردمی ۱۴۲۰", null));
        await ContractTemplates.SeedFirstVersionAsync(db, clock.GetUtcNow(), ct);
        if (!await db.ClaimCategories.AnyAsync(ct)) db.ClaimCategories.AddRange(ClaimCategory.Defaults());
        await DocumentTaxonomySeeding.SeedAsync(db, ct);
        await db.SaveChangesAsync(ct);
    }
}
