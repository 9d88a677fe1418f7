using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.OffsetFiles;

/// <summary>What the offset pages show, in the reader's province (head office: every province; a governor: sent files only).</summary>
public sealed class OffsetBoard(PortalDb portalDb)
{
    /// <summary>Who reads the debtor and claim lists: the general office, the treatment directorate, head office.</summary>
    public static readonly string[] ListReaders = [Roles.SystemAdmin, Roles.HeadOffice, Roles.GeneralOffice, Roles.GeneralOfficeDirector, Roles.TreatmentDirectorate];
    public static readonly string[] FileReaders = [.. ListReaders, Roles.Governor];

    public sealed record DebtorRow(int Id, string WorkshopCode, string Employer, string NationalId, long InitialDebt, long Remaining, int FirstPeriod, int LastPeriod, int Assets, long AssetsValue);
    public sealed record ClaimRow(int Id, string Centre, MedicalCenterOwnership Ownership, long Amount, long Remaining, int FirstPeriod, int LastPeriod);
    public sealed record FileRow(int Id, string Title, OffsetFileStatus Status, int Debtors, int Claims, long DebtTotal, long ClaimTotal, DateTimeOffset? SentAt, Guid Version);
    public sealed record AgreementRow(int Id, int WorkshopId, string Employer, int ClaimId, string Centre, long? Amount, DateTimeOffset? InsuranceConfirmedAt,
        DateTimeOffset? TreatmentConfirmedAt, Guid Version);
    public sealed record FileDetails(FileRow File, IReadOnlyList<DebtorRow> Debtors, IReadOnlyList<ClaimRow> Claims, IReadOnlyList<OffsetMeeting> Meetings,
        IReadOnlyList<AgreementRow> Agreements);

    public async Task<IReadOnlyList<DebtorRow>> DebtorsAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        return ListReaders.Contains(db.Actor.Role) ? await Debtors(db.DebtorWorkshops.OrderBy(w => w.WorkshopCode)).ToListAsync(ct) : [];
    }

    /// <summary>A listed debtor's seized assets, newest seizure first.</summary>
    public async Task<IReadOnlyList<SeizedAsset>> AssetsAsync(int workshopId, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        return ListReaders.Contains(db.Actor.Role)
            ? await db.SeizedAssets.AsNoTracking().Where(a => a.WorkshopId == workshopId).OrderByDescending(a => a.SeizedOn).ToListAsync(ct)
            : [];
    }

    public async Task<IReadOnlyList<ClaimRow>> ClaimsAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        return ListReaders.Contains(db.Actor.Role) ? await Claims(db, db.CenterClaims).ToListAsync(ct) : [];
    }

    public async Task<IReadOnlyList<FileRow>> FilesAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        return FileReaders.Contains(db.Actor.Role) ? await Files(OffsetDesk.Files(db).OrderByDescending(f => f.Id)).ToListAsync(ct) : [];
    }

    /// <summary>A file in the reader's scope with its lists, meetings and outcomes; null when it is not found.</summary>
    public async Task<FileDetails?> FileAsync(int id, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!FileReaders.Contains(db.Actor.Role)) return null;
        var file = await Files(OffsetDesk.Files(db).Where(f => f.Id == id)).SingleOrDefaultAsync(ct);
        if (file is null) return null;
        var debtors = await Debtors(db.DebtorWorkshops.Where(w => db.Set<OffsetFileDebtor>().Any(d => d.FileId == id && d.WorkshopId == w.Id))).ToListAsync(ct);
        var claims = await Claims(db, db.CenterClaims.Where(c => db.Set<OffsetFileClaim>().Any(x => x.FileId == id && x.ClaimId == c.Id))).ToListAsync(ct);
        var meetings = await db.Set<OffsetMeeting>().AsNoTracking().Where(m => m.FileId == id).OrderBy(m => m.HeldOn).ToListAsync(ct);
        var agreements = await db.OffsetAgreements.Where(a => a.FileId == id).OrderBy(a => a.Id)
            .Select(a => new AgreementRow(a.Id, a.WorkshopId, a.Workshop.EmployerName, a.ClaimId,
                db.OrgUnits.Where(u => u.Id == a.Claim.MedicalCenterId).Select(u => u.Name).Single(), a.Amount, a.InsuranceConfirmedAt, a.TreatmentConfirmedAt, a.Version))
            .ToListAsync(ct);
        return new FileDetails(file, debtors, claims, meetings, agreements);
    }

    private static IQueryable<DebtorRow> Debtors(IQueryable<DebtorWorkshop> workshops) =>
        workshops.Select(w => new DebtorRow(w.Id, w.WorkshopCode, w.EmployerName, w.EmployerNationalId, w.InitialDebt, w.InitialDebt - w.Settled,
            w.FirstPeriod, w.LastPeriod, w.Assets.Count, w.Assets.Sum(a => (long?)a.EstimatedValue) ?? 0));

    private static IQueryable<ClaimRow> Claims(PortalDbContext db, IQueryable<CenterClaim> claims) =>
        claims.Join(db.OrgUnits.OfType<MedicalCenter>(), c => c.MedicalCenterId, m => m.Id, (c, m) => new { c, m })
            .OrderBy(x => x.m.Name).ThenBy(x => x.c.Id)
            .Select(x => new ClaimRow(x.c.Id, x.m.Name, x.m.Ownership, x.c.Amount, x.c.Amount - x.c.Settled, x.c.FirstPeriod, x.c.LastPeriod));

    private static IQueryable<FileRow> Files(IQueryable<OffsetFile> files) =>
        files.Select(f => new FileRow(f.Id, f.Title, f.Status, f.Debtors.Count, f.Claims.Count,
            f.Debtors.Sum(d => (long?)d.Workshop.InitialDebt - d.Workshop.Settled) ?? 0, f.Claims.Sum(c => (long?)c.Claim.Amount - c.Claim.Settled) ?? 0, f.SentAt, f.Version));
}
