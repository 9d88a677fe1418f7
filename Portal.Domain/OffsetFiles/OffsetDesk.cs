using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Contracts;
using Portal.Domain.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.OffsetFiles;

/// <summary>
/// Each office's part of an offset file (seed 001 §1–4): the general office's enforcement unit lists debtors and
/// seized assets, the treatment directorate lists centres' claims, the general office compiles a file and the
/// director-general sends it, the governor's office records meetings and outcomes. Everything is in the acting
/// user's province; a governor sees only files that were sent.
/// </summary>
public sealed class OffsetDesk(PortalDb portalDb, IOffsetPapers papers, IFileStore store, TimeProvider clock)
{
    public static readonly string[] Enforcement = [Roles.GeneralOffice, Roles.GeneralOfficeDirector];
    public static readonly string[] Treatment = [Roles.TreatmentDirectorate];
    public static readonly string[] Senders = [Roles.GeneralOfficeDirector];
    public static readonly string[] Governors = [Roles.Governor];

    public async Task<(int? Id, IReadOnlyDictionary<string, string> Errors)> RegisterDebtorAsync(DebtorForm form, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(Enforcement, ct);
        var (workshop, errors) = form.Validate(ProvinceOf(db));
        if (workshop is null) return (null, errors);
        if (await db.DebtorWorkshops.AnyAsync(w => w.WorkshopCode == workshop.WorkshopCode, ct))
            return (null, new Dictionary<string, string> { [nameof(DebtorForm.WorkshopCode)] = Messages.Get("Offset.WorkshopListed") });
        db.DebtorWorkshops.Add(workshop);
        await db.SaveChangesAsync(ct);
        return (workshop.Id, errors);
    }

    /// <summary>Records an asset seized from a listed debtor; returns the errors by field, none when saved.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SeizeAsync(int workshopId, AssetForm form, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(Enforcement, ct);
        var workshop = await db.DebtorWorkshops.SingleOrDefaultAsync(w => w.Id == workshopId, ct) ?? throw DomainException.Of("Offset.NotFound");
        var errors = new Dictionary<string, string>();
        if (form.Validate(errors) is not { } asset) return errors;
        workshop.Seize(asset.Kind, asset.Description, asset.Value, asset.SeizedOn, asset.Reference);
        await db.SaveChangesAsync(ct);
        return errors;
    }

    public async Task<(int? Id, IReadOnlyDictionary<string, string> Errors)> RegisterClaimAsync(ClaimForm form, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(Treatment, ct);
        var errors = new Dictionary<string, string>();
        var code = TextNormalizer.Normalize(form.CenterCode).ToUpperInvariant();
        // Centres are read through the scope filter: another province's centre is simply unknown.
        var centre = await db.OrgUnits.OfType<MedicalCenter>().Where(m => m.Code == code).Select(m => (int?)m.Id).SingleOrDefaultAsync(ct);
        if (centre is null) errors[nameof(ClaimForm.CenterCode)] = Messages.Get("Offset.NoSuchCentre");
        if (form.Validate(errors) is not { } claim || centre is null) return (null, errors);
        var entity = new CenterClaim(ProvinceOf(db), centre.Value, claim.Amount, claim.First, claim.Last);
        db.CenterClaims.Add(entity);
        await db.SaveChangesAsync(ct);
        return (entity.Id, errors);
    }

    public async Task<int> CreateFileAsync(string title, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(Enforcement, ct);
        var file = new OffsetFile(ProvinceOf(db), title, db.Actor.UserName, clock.GetUtcNow());
        db.OffsetFiles.Add(file);
        await db.SaveChangesAsync(ct);
        return file.Id;
    }

    /// <summary>Sets a draft file's debtors and claims (ids outside the province are not found).</summary>
    public Task CompileAsync(int fileId, Guid version, IReadOnlyCollection<int> workshopIds, IReadOnlyCollection<int> claimIds, CancellationToken ct = default) =>
        ChangeAsync(Enforcement, fileId, version, async (db, file) =>
        {
            var debtors = await db.DebtorWorkshops.Where(w => workshopIds.Contains(w.Id)).ToListAsync(ct);
            var claims = await db.CenterClaims.Where(c => claimIds.Contains(c.Id)).ToListAsync(ct);
            if (debtors.Count != workshopIds.Distinct().Count() || claims.Count != claimIds.Distinct().Count()) throw DomainException.Of("Offset.NotFound");
            file.Compile(debtors, claims);
        }, ct);

    /// <summary>Sends the file with its cover letter and lists, made from the lists as they stand now and stored as sent.</summary>
    public Task SendAsync(int fileId, Guid version, CancellationToken ct = default) =>
        ChangeAsync(Senders, fileId, version, (db, file) => SendAsync(db, file, papers, store, db.Actor.UserName, clock.GetUtcNow(), ct), ct);

    internal static async Task SendAsync(PortalDbContext db, OffsetFile file, IOffsetPapers papers, IFileStore store, string by, DateTimeOffset at, CancellationToken ct)
    {
        file.CheckSendable();
        if (!papers.IsAvailable) throw PdfEngine.Missing();
        var province = await db.Provinces.Where(p => p.Id == file.ProvinceId).Select(p => new { p.Code, p.NameFa }).SingleAsync(ct);
        var signatory = await db.Users.Where(u => u.UserName == by).Select(u => u.FullName).SingleOrDefaultAsync(ct) ?? by;
        var debtors = await OffsetBoard.DebtorsOf(db, file.Id).ToListAsync(ct);
        var assets = await OffsetBoard.AssetsOf(db, file.Id).ToListAsync(ct);
        var claims = await OffsetBoard.ClaimsOf(db, file.Id).ToListAsync(ct);
        var sentOn = JalaliDate.FromInstant(at);
        var letter = new OffsetCoverLetter(OffsetCoverLetter.NumberFor(province.Code, sentOn, file.Id), sentOn, province.NameFa, file.Title, signatory,
            debtors.Count, debtors.Sum(d => d.Remaining), assets.Count, assets.Sum(a => a.Value), claims.Count, claims.Sum(c => c.Remaining));
        var pdf = await papers.CoverLetterAsync(letter, ct);
        var stored = new OffsetFilePapers(await StoreAsync(pdf), await StoreAsync(papers.DebtorsSheet(letter, debtors, assets)),
            await StoreAsync(papers.ClaimsSheet(letter, claims)));
        file.Send(letter.Number, stored, by, at);

        // Stored by content: a send that then fails to save leaves only unreferenced bytes behind, never a wrong record.
        async Task<string> StoreAsync(byte[] content) => (await store.SaveAsync(new MemoryStream(content, writable: false), ct)).Sha256Hex;
    }

    /// <summary>A meeting held on <paramref name="heldOn"/> (a Jalali date as typed, e.g. ۱۴۰۵/۰۹/۱۰).</summary>
    public Task RecordMeetingAsync(int fileId, Guid version, string? heldOn, string attendees, string minutes, CancellationToken ct = default) =>
        ChangeAsync(Governors, fileId, version, (_, file) =>
        {
            if (!JalaliDate.TryParse(TextNormalizer.Normalize(heldOn), out var date)) throw DomainException.Of("Offset.DateFormat");
            file.RecordMeeting(date.ToDateOnly(), attendees, minutes);
            return Task.CompletedTask;
        }, ct);

    /// <summary>The outcome for a pair: the agreed amount in Rials as typed, or nothing when they did not agree.</summary>
    public Task RecordOutcomeAsync(int fileId, Guid version, int workshopId, int claimId, string? agreedAmount, CancellationToken ct = default) =>
        ChangeAsync(Governors, fileId, version, (db, file) =>
        {
            long? amount = null;
            if (TextNormalizer.DigitsOnly(agreedAmount).Length > 0)
                amount = Rial.Check(agreedAmount) is { IsValid: true } rial ? rial.Value!.Value : throw DomainException.Of("Offset.AmountPositive");
            file.RecordOutcome(workshopId, claimId, amount, db.Actor.UserName, clock.GetUtcNow());
            return Task.CompletedTask;
        }, ct);

    public Task CloseAsync(int fileId, Guid version, CancellationToken ct = default) =>
        ChangeAsync(Governors, fileId, version, (_, file) => { file.Close(clock.GetUtcNow()); return Task.CompletedTask; }, ct);

    /// <summary>The files the actor may see: the province's, and for a governor only those sent.</summary>
    internal static IQueryable<OffsetFile> Files(PortalDbContext db) =>
        Governors.Contains(db.Actor.Role) ? db.OffsetFiles.Where(f => f.Status != OffsetFileStatus.Draft) : db.OffsetFiles;

    private async Task ChangeAsync(string[] roles, int fileId, Guid version, Func<PortalDbContext, OffsetFile, Task> change, CancellationToken ct)
    {
        await using var db = await OpenAsync(roles, ct);
        var file = await Files(db).Include(f => f.Debtors).Include(f => f.Claims).Include(f => f.Agreements).AsSplitQuery()
            .SingleOrDefaultAsync(f => f.Id == fileId, ct) ?? throw DomainException.Of("Offset.NotFound");
        if (file.Version != version) throw DomainException.Of("Offset.ChangedMeanwhile");
        await change(db, file);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw DomainException.Of("Offset.ChangedMeanwhile"); }
    }

    // Every role of these lists is a provincial one, so the scope always names the province.
    private Task<PortalDbContext> OpenAsync(string[] roles, CancellationToken ct) => portalDb.OpenForAsync(roles, _ => DomainException.Of("Offset.NotYours"), ct);

    private static int ProvinceOf(PortalDbContext db) => db.Scope.ProvinceId!.Value;
}
