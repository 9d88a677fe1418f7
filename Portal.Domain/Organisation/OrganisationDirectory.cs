using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.Organisation;

/// <summary>Finding units inside the acting user's scope. A unit outside it is "not found", and the attempt is logged.</summary>
public sealed class OrganisationDirectory(PortalDb portalDb, ILogger<OrganisationDirectory> logger)
{
    private Task<PortalDbContext> OpenAsync(CancellationToken ct) =>
        portalDb.OpenForAsync(Permission.OrganisationRead, "Organisation.NotYours", ct);

    public sealed record UnitRow(int Id, UnitKind Kind, string Code, string Name, string? ProvinceFa, string? ProvinceEn, string? City);

    public sealed record UnitDetails(OrgUnit Unit, Province? Province, OrgUnit? Parent, AgencyFacts? Agency, OrgUnit? ReviewOffice, MedicalCenter? MedicalCenter,
        bool CanSetHead = false);

    /// <summary>An agency's status and manager, the manager's national ID and mobile as the reader's role may read them (<see cref="PersonalData"/>).</summary>
    public sealed record AgencyFacts(AgencyStatus Status, string ManagerName, string? ManagerNationalId, string? ManagerMobile);

    public sealed record Page(IReadOnlyList<UnitRow> Rows, int Total);

    public async Task<Page> SearchAsync(string? text, UnitKind? kind, int? provinceId, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var query = db.OrgUnits.AsQueryable();
        var key = Common.SearchKey.Of(text);
        if (key.Length > 0) query = query.Where(u => u.SearchText.Contains(key));
        if (kind is not null) query = query.Where(u => u.Kind == kind);
        if (provinceId is not null) query = query.Where(u => u.ProvinceId == provinceId);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(u => u.Code).Skip(skip).Take(take)
            .Select(u => new UnitRow(u.Id, u.Kind, u.Code, u.Name, u.Province!.NameFa, u.Province.NameEn, u.City))
            .ToListAsync(ct);
        return new Page(rows, total);
    }

    /// <summary>The provinces that have units in the actor's scope (one for provincial users), for the list's filter.</summary>
    public async Task<IReadOnlyList<Province>> ProvincesAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var inScope = db.OrgUnits.Where(u => u.ProvinceId != null).Select(u => u.ProvinceId!.Value).Distinct();
        return await db.Provinces.AsNoTracking().Where(p => inScope.Contains(p.Id)).OrderBy(p => p.Code).ToListAsync(ct);
    }

    public async Task<UnitDetails?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var unit = await db.OrgUnits.AsNoTracking().Include(u => u.Province).Include(u => u.Parent).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            if (await db.OrgUnits.IgnoreQueryFilters().AnyAsync(u => u.Id == id, ct))
                logger.LogWarning("Denied access: {User} ({Scope}) asked for OrgUnit {Id} outside their scope", db.Actor.UserName, db.Scope, id);
            return null;
        }
        var agency = unit as Agency;
        var review = agency is null ? null : await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == agency.ReviewOfficeId, ct);
        var personal = PersonalData.For(db.Actor.Role);
        var facts = agency is null ? null
            : new AgencyFacts(agency.Status, agency.ManagerName, personal.NationalId(agency.ManagerNationalId), personal.Mobile(agency.ManagerMobile));
        return new UnitDetails(unit, unit.Province, unit.Parent, facts, review, unit as MedicalCenter,
            unit.Kind == UnitKind.GeneralOffice && db.Actor.Can(Permission.GeneralOfficeHeadRecord));
    }

    /// <summary>
    /// Records who heads a general office (the director-general whose name signs its letters, e.g. the offset cover
    /// letter); empty clears it. The typing error, or null once saved.
    /// </summary>
    public async Task<string?> SetHeadAsync(int unitId, string? typed, CancellationToken ct = default)
    {
        var name = Input.Text(typed, TextLength.Name, required: false);
        if (!name.IsValid) return name.Error;
        await using var db = await portalDb.OpenForAsync(Permission.GeneralOfficeHeadRecord, "Organisation.HeadNotYours", ct);
        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == unitId && u.Kind == UnitKind.GeneralOffice, ct)
            ?? throw DomainException.Of("Organisation.HeadNotYours");
        unit.SetHead(name.Value);
        await db.SaveChangesAsync(ct);
        return null;
    }
}
