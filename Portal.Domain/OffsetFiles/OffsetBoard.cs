using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.OffsetFiles;

public enum OffsetPaper { CoverLetter = 1, Debtors, Claims }

/// <summary>What the offset pages show, in the reader's province (head office: every province; a governor: sent files only).</summary>
public sealed class OffsetBoard(PortalDb portalDb, IFileStore store)
{
    public sealed record DebtorRow(int Id, string WorkshopCode, string Employer, string NationalId, long InitialDebt, long Remaining, int FirstPeriod, int LastPeriod, int Assets, long AssetsValue);
    public sealed record AssetRow(string WorkshopCode, string Employer, AssetKind Kind, string Description, long Value, DateOnly SeizedOn, string Reference);
    public sealed record ClaimRow(int Id, string Centre, MedicalCenterOwnership Ownership, long Amount, long Remaining, int FirstPeriod, int LastPeriod);
    public sealed record FileRow(int Id, string Title, string? Number, OffsetFileStatus Status, int Debtors, int Claims, long DebtTotal, long ClaimTotal, DateTimeOffset? SentAt,
        Guid Version)
    {
        public bool Allows(OffsetFileActions action) => OffsetFile.Allows(Status, action);
    }
    /// <summary>An outcome with its execution: each side's confirmation, the live posting (null until both confirmed, or once reversed) and any reversal's reason.</summary>
    public sealed record AgreementRow(int Id, int WorkshopId, string Employer, int ClaimId, string Centre, long? Amount, DateTimeOffset? InsuranceConfirmedAt,
        DateTimeOffset? TreatmentConfirmedAt, long? Posting, string? ReversalReason, Guid Version,
        DateTimeOffset? WithdrawnAt = null, string? WithdrawReason = null, DateTimeOffset? AmendedAt = null, string? AmendReason = null)
    {
        public bool Withdrawn => WithdrawnAt is not null;
        /// <summary>Agreed, not withdrawn, not posted: the governor's office may still amend or withdraw it.</summary>
        public bool Open => Amount is not null && !Withdrawn && Posting is null;
        /// <summary>Awaiting a side's confirmation: agreed, not withdrawn, not both confirmed.</summary>
        public bool Confirmable => Amount is not null && !Withdrawn;
    }
    /// <summary>
    /// One debtor workshop of the sent files for the collection report (seed 001 §5): its debt when listed, what the
    /// governor's agreements settled on, what was collected (posted, net of reversals), what is left, when, and the files.
    /// </summary>
    public sealed record CollectionRow(string ProvinceFa, string WorkshopCode, string Employer, string NationalId, long DebtBefore, long Agreed,
        long Collected, long Remaining, DateTimeOffset? AgreedAt, DateTimeOffset? CollectedAt, string Files);
    public sealed record ProvinceCollection(string ProvinceFa, int Workshops, long DebtBefore, long Agreed, long Collected, long Remaining)
    {
        public static IReadOnlyList<ProvinceCollection> Of(IEnumerable<CollectionRow> rows) =>
            [.. rows.GroupBy(r => r.ProvinceFa).Select(g => new ProvinceCollection(g.Key, g.Count(), g.Sum(r => r.DebtBefore), g.Sum(r => r.Agreed),
                g.Sum(r => r.Collected), g.Sum(r => r.Remaining)))];
    }
    public sealed record FileDetails(FileRow File, IReadOnlyList<DebtorRow> Debtors, IReadOnlyList<ClaimRow> Claims, IReadOnlyList<OffsetMeeting> Meetings,
        IReadOnlyList<AgreementRow> Agreements);

    public async Task<IReadOnlyList<DebtorRow>> DebtorsAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.OffsetListsRead, ct);
        return await Debtors(db.DebtorWorkshops.OrderBy(w => w.WorkshopCode)).ToListAsync(ct);
    }

    /// <summary>A listed debtor's seized assets, newest seizure first.</summary>
    public async Task<IReadOnlyList<SeizedAsset>> AssetsAsync(int workshopId, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.OffsetListsRead, ct);
        return await db.SeizedAssets.AsNoTracking().Where(a => a.WorkshopId == workshopId).OrderByDescending(a => a.SeizedOn).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ClaimRow>> ClaimsAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.OffsetListsRead, ct);
        return await Claims(db, db.CenterClaims).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<FileRow>> FilesAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.OffsetFilesRead, ct);
        return await Files(OffsetDesk.Files(db).OrderByDescending(f => f.Id)).ToListAsync(ct);
    }

    /// <summary>A file in the reader's scope with its lists, meetings and outcomes; null when it is not found.</summary>
    public async Task<FileDetails?> FileAsync(int id, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.OffsetFilesRead, ct);
        var file = await Files(OffsetDesk.Files(db).Where(f => f.Id == id)).SingleOrDefaultAsync(ct);
        if (file is null) return null;
        // The governor's office reads the file's debtors by workshop and employer's name, not the employer's national ID.
        var personal = PersonalData.For(db.Actor.Role);
        var debtors = (await DebtorsOf(db, id).ToListAsync(ct)).Select(d => d with { NationalId = personal.NationalId(d.NationalId) ?? "" }).ToList();
        var claims = await ClaimsOf(db, id).ToListAsync(ct);
        var meetings = await db.Set<OffsetMeeting>().AsNoTracking().Where(m => m.FileId == id).OrderBy(m => m.HeldOn).ToListAsync(ct);
        var agreements = await db.OffsetAgreements.Where(a => a.FileId == id).OrderBy(a => a.Id)
            .Select(a => new AgreementRow(a.Id, a.WorkshopId, a.Workshop.EmployerName, a.ClaimId,
                db.OrgUnits.Where(u => u.Id == a.Claim.MedicalCenterId).Select(u => u.Name).Single(), a.Amount, a.InsuranceConfirmedAt, a.TreatmentConfirmedAt,
                db.Settlements.Where(s => s.AgreementId == a.Id && s.Reverses == null && !db.Settlements.Any(r => r.Reverses == s.Id)).Select(s => (long?)s.Id).FirstOrDefault(),
                db.Settlements.Where(s => s.AgreementId == a.Id && s.Reverses != null).OrderByDescending(s => s.Id).Select(s => s.Reason).FirstOrDefault(), a.Version,
                a.WithdrawnAt, a.WithdrawReason, a.AmendedAt, a.AmendReason))
            .ToListAsync(ct);
        return new FileDetails(file, debtors, claims, meetings, agreements);
    }

    /// <summary>
    /// The province's debtors and claims that are in an open file other than <paramref name="fileId"/>, with that
    /// file: the compiler does not offer them (<see cref="OffsetDesk.HeldElsewhereAsync"/> refuses them).
    /// </summary>
    public async Task<IReadOnlyList<OffsetFile.Holding>> HeldElsewhereAsync(int fileId, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.OffsetListsRead, ct);
        return await OffsetDesk.HeldElsewhereAsync(db, fileId, null, null, ct);
    }

    /// <summary>The collection report's rows: every workshop of a sent file in the reader's scope, by province and code.</summary>
    public async Task<IReadOnlyList<CollectionRow>> CollectionAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.OffsetListsRead, ct);
        var sent = db.OffsetFiles.Where(f => f.Status != OffsetFileStatus.Draft);
        var files = (await db.Set<OffsetFileDebtor>().Join(sent, d => d.FileId, f => f.Id, (d, f) => new { d.WorkshopId, f.Id, f.Number }).ToListAsync(ct))
            .OrderBy(f => f.Id).ToLookup(f => f.WorkshopId, f => f.Number!);
        var rows = await db.DebtorWorkshops.Where(w => sent.Any(f => f.Debtors.Any(d => d.WorkshopId == w.Id)))
            .Join(db.Provinces, w => w.ProvinceId, p => p.Id, (w, p) => new { w, p })
            .OrderBy(x => x.p.Code).ThenBy(x => x.w.WorkshopCode)
            .Select(x => new
            {
                x.p.NameFa, x.w.Id, x.w.WorkshopCode, x.w.EmployerName, x.w.EmployerNationalId, x.w.InitialDebt, x.w.Settled,
                // A withdrawn agreement was never carried out: it is not counted as agreed.
                Agreed = db.OffsetAgreements.Where(a => a.WorkshopId == x.w.Id && a.WithdrawnAt == null).Sum(a => a.Amount) ?? 0,
                AgreedAt = db.OffsetAgreements.Where(a => a.WorkshopId == x.w.Id && a.Amount != null && a.WithdrawnAt == null).Max(a => (DateTimeOffset?)a.RecordedAt),
                CollectedAt = db.Settlements.Where(s => s.WorkshopId == x.w.Id).Max(s => (DateTimeOffset?)s.At),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new CollectionRow(r.NameFa, r.WorkshopCode, r.EmployerName, r.EmployerNationalId, r.InitialDebt, r.Agreed, r.Settled,
            r.InitialDebt - r.Settled, r.AgreedAt, r.CollectedAt, string.Join("، ", files[r.Id])))];
    }

    /// <summary>One of a sent file's papers as it was sent; null when the file is not found or not sent.</summary>
    public async Task<FileDownload?> OpenPaperAsync(int id, OffsetPaper paper, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.OffsetFilesRead, ct);
        var file = await OffsetDesk.Files(db).Where(f => f.Id == id && f.Number != null)
            .Select(f => new { f.Number, f.CoverLetterSha256, f.DebtorsSheetSha256, f.ClaimsSheetSha256 }).SingleOrDefaultAsync(ct);
        if (file is null) return null;
        var (sha, kind, name) = paper switch
        {
            OffsetPaper.CoverLetter => (file.CoverLetterSha256, FileSignature.ContentType(FileKind.Pdf), "letter.pdf"),
            OffsetPaper.Debtors => (file.DebtorsSheetSha256, Xlsx, "debtors.xlsx"),
            OffsetPaper.Claims => (file.ClaimsSheetSha256, Xlsx, "claims.xlsx"),
            _ => (null, "", ""),
        };
        if (sha is null) return null;
        var content = await store.OpenReadAsync(sha, ct);
        return content is null ? null : new FileDownload($"offset-{file.Number!.Replace('/', '-')}-{name}", kind, content.Length, content);
    }

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    internal static IQueryable<DebtorRow> DebtorsOf(PortalDbContext db, int fileId) =>
        Debtors(db.DebtorWorkshops.Where(w => db.Set<OffsetFileDebtor>().Any(d => d.FileId == fileId && d.WorkshopId == w.Id)).OrderBy(w => w.WorkshopCode));

    internal static IQueryable<ClaimRow> ClaimsOf(PortalDbContext db, int fileId) =>
        Claims(db, db.CenterClaims.Where(c => db.Set<OffsetFileClaim>().Any(x => x.FileId == fileId && x.ClaimId == c.Id)));

    /// <summary>The assets seized from a file's debtors, by workshop code and seizure date.</summary>
    internal static IQueryable<AssetRow> AssetsOf(PortalDbContext db, int fileId) =>
        db.SeizedAssets.Where(a => db.Set<OffsetFileDebtor>().Any(d => d.FileId == fileId && d.WorkshopId == a.WorkshopId))
            .Join(db.DebtorWorkshops, a => a.WorkshopId, w => w.Id, (a, w) => new { a, w })
            .OrderBy(x => x.w.WorkshopCode).ThenBy(x => x.a.SeizedOn).ThenBy(x => x.a.Id)
            .Select(x => new AssetRow(x.w.WorkshopCode, x.w.EmployerName, x.a.Kind, x.a.Description, x.a.EstimatedValue, x.a.SeizedOn, x.a.Reference));

    private static IQueryable<DebtorRow> Debtors(IQueryable<DebtorWorkshop> workshops) =>
        workshops.Select(w => new DebtorRow(w.Id, w.WorkshopCode, w.EmployerName, w.EmployerNationalId, w.InitialDebt, w.InitialDebt - w.Settled,
            w.FirstPeriod, w.LastPeriod, w.Assets.Count, w.Assets.Sum(a => (long?)a.EstimatedValue) ?? 0));

    private static IQueryable<ClaimRow> Claims(PortalDbContext db, IQueryable<CenterClaim> claims) =>
        claims.Join(db.OrgUnits.OfType<MedicalCenter>(), c => c.MedicalCenterId, m => m.Id, (c, m) => new { c, m })
            .OrderBy(x => x.m.Name).ThenBy(x => x.c.Id)
            .Select(x => new ClaimRow(x.c.Id, x.m.Name, x.m.Ownership, x.c.Amount, x.c.Amount - x.c.Settled, x.c.FirstPeriod, x.c.LastPeriod));

    private static IQueryable<FileRow> Files(IQueryable<OffsetFile> files) =>
        files.Select(f => new FileRow(f.Id, f.Title, f.Number, f.Status, f.Debtors.Count, f.Claims.Count,
            f.Debtors.Sum(d => (long?)d.Workshop.InitialDebt - d.Workshop.Settled) ?? 0, f.Claims.Sum(c => (long?)c.Claim.Amount - c.Claim.Settled) ?? 0, f.SentAt, f.Version));
}
