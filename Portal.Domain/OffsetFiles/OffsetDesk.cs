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
    public async Task<(int? Id, IReadOnlyDictionary<string, string> Errors)> RegisterDebtorAsync(DebtorForm form, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(Permission.OffsetEnforce, ct);
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
        await using var db = await OpenAsync(Permission.OffsetEnforce, ct);
        var workshop = await db.DebtorWorkshops.SingleOrDefaultAsync(w => w.Id == workshopId, ct) ?? throw DomainException.Of("Offset.NotFound");
        var errors = new Dictionary<string, string>();
        if (form.Validate(errors, Today) is not { } asset) return errors;
        workshop.Seize(asset.Kind, asset.Description, asset.Value, asset.SeizedOn, asset.Reference);
        await db.SaveChangesAsync(ct);
        return errors;
    }

    public async Task<(int? Id, IReadOnlyDictionary<string, string> Errors)> RegisterClaimAsync(ClaimForm form, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(Permission.OffsetTreat, ct);
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
        await using var db = await OpenAsync(Permission.OffsetEnforce, ct);
        var file = new OffsetFile(ProvinceOf(db), title, db.Actor.UserName, clock.GetUtcNow());
        db.OffsetFiles.Add(file);
        await db.SaveChangesAsync(ct);
        return file.Id;
    }

    /// <summary>Sets a draft file's debtors and claims (ids outside the province are not found).</summary>
    public Task CompileAsync(int fileId, Guid version, IReadOnlyCollection<int> workshopIds, IReadOnlyCollection<int> claimIds, CancellationToken ct = default) =>
        ChangeAsync(Permission.OffsetEnforce, fileId, version, async (db, file) =>
        {
            var debtors = await db.DebtorWorkshops.Where(w => workshopIds.Contains(w.Id)).ToListAsync(ct);
            var claims = await db.CenterClaims.Where(c => claimIds.Contains(c.Id)).ToListAsync(ct);
            if (debtors.Count != workshopIds.Distinct().Count() || claims.Count != claimIds.Distinct().Count()) throw DomainException.Of("Offset.NotFound");
            file.Compile(debtors, claims, await HeldElsewhereAsync(db, fileId, workshopIds, claimIds, ct));
            return NoErrors;
        }, ct);

    /// <summary>
    /// Which of these debtors and claims are in a file other than <paramref name="fileId"/> that is not closed (a draft
    /// included): one workshop or claim is in one open file at a time, so two files never offer the same debt.
    /// </summary>
    public static async Task<IReadOnlyList<OffsetFile.Holding>> HeldElsewhereAsync(PortalDbContext db, int fileId,
        IReadOnlyCollection<int>? workshopIds, IReadOnlyCollection<int>? claimIds, CancellationToken ct)
    {
        var open = db.OffsetFiles.Where(f => f.Id != fileId && f.Status != OffsetFileStatus.Closed);
        var fileDebtors = db.Set<OffsetFileDebtor>().AsQueryable();
        if (workshopIds is not null) fileDebtors = fileDebtors.Where(d => workshopIds.Contains(d.WorkshopId));
        var fileClaims = db.Set<OffsetFileClaim>().AsQueryable();
        if (claimIds is not null) fileClaims = fileClaims.Where(c => claimIds.Contains(c.ClaimId));
        var debtors = await fileDebtors
            .Join(open, d => d.FileId, f => f.Id, (d, f) => new { f.Id, f.Title, f.Number, d.WorkshopId, d.Workshop.WorkshopCode, d.Workshop.EmployerName })
            .ToListAsync(ct);
        var claims = await fileClaims
            .Join(open, c => c.FileId, f => f.Id, (c, f) => new { f.Id, f.Title, f.Number, c.ClaimId, c.Claim.MedicalCenterId, c.Claim.FirstPeriod, c.Claim.LastPeriod })
            .Join(db.OrgUnits, x => x.MedicalCenterId, u => u.Id, (x, u) => new { x.Id, x.Title, x.Number, x.ClaimId, u.Name, x.FirstPeriod, x.LastPeriod })
            .ToListAsync(ct);
        static string File(string title, string? number) => number is null ? $"«{title}»" : $"«{title}» ({number})";
        static string Month(int key) => $"{key / 100}/{key % 100:00}";
        return [.. debtors.Select(d => new OffsetFile.Holding(d.Id, Shown(File(d.Title, d.Number)), true, d.WorkshopId, Shown($"{d.EmployerName} ({d.WorkshopCode})"))),
                .. claims.Select(c => new OffsetFile.Holding(c.Id, Shown(File(c.Title, c.Number)), false, c.ClaimId, Shown($"{c.Name} ({Month(c.FirstPeriod)}–{Month(c.LastPeriod)})")))];
    }

    private static string Shown(string text) => OffsetAmount.Shown(text);

    /// <summary>Sends the file with its cover letter and lists, made from the lists as they stand now and stored as sent.</summary>
    public Task SendAsync(int fileId, Guid version, CancellationToken ct = default) =>
        ChangeAsync(Permission.OffsetSend, fileId, version, async (db, file) =>
        {
            await SendAsync(db, file, papers, store, db.Actor.UserName, clock.GetUtcNow(), ct);
            return NoErrors;
        }, ct, serialized: false); // printing the letter takes seconds: no write lock held meanwhile; the file's version guards it

    internal static async Task SendAsync(PortalDbContext db, OffsetFile file, IOffsetPapers papers, IFileStore store, string by, DateTimeOffset at, CancellationToken ct)
    {
        file.CheckSendable();
        // Checked again as it leaves: a list compiled before this rule, or by a file compiled at the same moment.
        file.RefuseHeld(await HeldElsewhereAsync(db, file.Id, [.. file.Debtors.Select(d => d.WorkshopId)], [.. file.Claims.Select(c => c.ClaimId)], ct));
        if (!papers.IsAvailable) throw PdfEngine.Missing();
        var province = await db.Provinces.Where(p => p.Id == file.ProvinceId).Select(p => new { p.Code, p.NameFa }).SingleAsync(ct);
        var signatory = await DirectorGeneralAsync(db, file.ProvinceId, by, ct);
        var debtors = await OffsetBoard.DebtorsOf(db, file.Id).ToListAsync(ct);
        var assets = await OffsetBoard.AssetsOf(db, file.Id).ToListAsync(ct);
        var claims = await OffsetBoard.ClaimsOf(db, file.Id).ToListAsync(ct);
        var sentOn = JalaliDate.FromInstant(at);
        var letter = new OffsetCoverLetter(OffsetCoverLetter.NumberFor(province.Code, sentOn, file.Id), sentOn, province.NameFa, file.Title, signatory,
            debtors.Count, debtors.Sum(d => d.Remaining), assets.Count, assets.Sum(a => a.Value), claims.Count, claims.Sum(c => c.Remaining),
            VerificationCodes.New());
        var pdf = await papers.CoverLetterAsync(letter, ct);
        var stored = new OffsetFilePapers(await StoreAsync(pdf), await StoreAsync(papers.DebtorsSheet(letter, debtors, assets)),
            await StoreAsync(papers.ClaimsSheet(letter, claims)));
        file.Send(letter.Number, letter.VerificationCode, stored, by, at);

        // Stored by content: a send that then fails to save leaves only unreferenced bytes behind, never a wrong record.
        async Task<string> StoreAsync(byte[] content) => (await store.SaveAsync(new MemoryStream(content, writable: false), ct)).Sha256Hex;
    }

    /// <summary>
    /// The letter goes out under the director-general's name, not the name of whoever pressed send: the head of the
    /// sender's general office, else of the province's first. Without a recorded head the letter carries only the title,
    /// to be signed by hand.
    /// </summary>
    private static async Task<string> DirectorGeneralAsync(PortalDbContext db, int provinceId, string by, CancellationToken ct)
    {
        var sendersUnit = await db.Users.Where(u => u.UserName == by).Select(u => (int?)u.UnitId).SingleOrDefaultAsync(ct);
        var heads = await db.OrgUnits.IgnoreQueryFilters()
            .Where(u => u.Kind == UnitKind.GeneralOffice && u.ProvinceId == provinceId && u.HeadName != null)
            .OrderBy(u => u.Code).Select(u => new { u.Id, u.HeadName }).ToListAsync(ct);
        return (heads.FirstOrDefault(h => h.Id == sendersUnit) ?? heads.FirstOrDefault())?.HeadName ?? "";
    }

    /// <summary>A meeting as typed (its date a Jalali date, e.g. ۱۴۰۵/۰۹/۱۰, not after today); the errors by field, none when recorded.</summary>
    public Task<IReadOnlyDictionary<string, string>> RecordMeetingAsync(int fileId, Guid version, MeetingForm form, CancellationToken ct = default) =>
        ChangeAsync(Permission.OffsetGovernorDecide, fileId, version, (_, file) =>
        {
            var errors = new Dictionary<string, string>();
            if (form.Validate(errors, Today) is { } meeting) file.RecordMeeting(meeting.HeldOn, meeting.Attendees, meeting.Minutes);
            return Task.FromResult<IReadOnlyDictionary<string, string>>(errors);
        }, ct);

    /// <summary>
    /// The outcome for a pair: the agreed amount in Rials as typed, or nothing when they did not agree. An amount is
    /// refused (under <c>Amount</c>) beyond what is left of the debt or the claim less what other open agreements hold.
    /// </summary>
    public Task<IReadOnlyDictionary<string, string>> RecordOutcomeAsync(int fileId, Guid version, int workshopId, int claimId, string? agreedAmount,
        CancellationToken ct = default) =>
        ChangeAsync(Permission.OffsetGovernorDecide, fileId, version, async (db, file) =>
        {
            var errors = new Dictionary<string, string>();
            long? amount = null;
            if (TextNormalizer.Normalize(agreedAmount).Length > 0)
            {
                var typed = OffsetAmount.Check(agreedAmount);
                if (!typed.IsValid) errors[AmountField] = typed.Error!;
                else if (await BeyondWhatIsLeftAsync(db, workshopId, claimId, typed.Value, null, ct) is { } beyond) errors[AmountField] = beyond;
                else amount = typed.Value;
            }
            if (errors.Count == 0) file.RecordOutcome(workshopId, claimId, amount, db.Actor.UserName, clock.GetUtcNow());
            return errors;
        }, ct);

    /// <summary>The field of an amount's error in the outcome and amendment forms.</summary>
    public const string AmountField = "Amount";
    public const string ReasonField = "Reason";

    /// <summary>
    /// The governor's office gives an open agreement a new amount, with the reason: checked as a new one would be
    /// (less what the other open agreements hold), and its confirmations are cleared. Refused once it is posted
    /// (the posting is reversed first) or withdrawn.
    /// </summary>
    public Task<IReadOnlyDictionary<string, string>> AmendAgreementAsync(int agreementId, Guid version, string? amount, string? reason, CancellationToken ct = default) =>
        ChangeAgreementAsync(agreementId, version, async (db, agreement) =>
        {
            var errors = new Dictionary<string, string>();
            var typed = OffsetAmount.Check(amount);
            if (!typed.IsValid) errors[AmountField] = typed.Error!;
            var why = Input.Text(reason, TextLength.Reason);
            if (!why.IsValid) errors[ReasonField] = why.Error!;
            if (errors.Count > 0) return errors;
            if (await BeyondWhatIsLeftAsync(db, agreement.WorkshopId, agreement.ClaimId, typed.Value, agreement.Id, ct) is { } beyond)
                return new Dictionary<string, string> { [AmountField] = beyond };
            agreement.Amend(typed.Value, why.Value!, db.Actor.UserName, clock.GetUtcNow());
            return errors;
        }, ct);

    /// <summary>The governor's office withdraws an agreement not posted, with the reason: it holds nothing any more.</summary>
    public Task WithdrawAgreementAsync(int agreementId, Guid version, string? reason, CancellationToken ct = default) =>
        ChangeAgreementAsync(agreementId, version, (db, agreement) =>
        {
            var why = Input.Text(reason, TextLength.Reason);
            if (!why.IsValid) throw DomainException.Of("Offset.ReasonInvalid", why.Error!);
            agreement.Withdraw(why.Value!, db.Actor.UserName, clock.GetUtcNow());
            return Task.FromResult(NoErrors);
        }, ct);

    private async Task<IReadOnlyDictionary<string, string>> ChangeAgreementAsync(int agreementId, Guid version,
        Func<PortalDbContext, OffsetAgreement, Task<IReadOnlyDictionary<string, string>>> change, CancellationToken ct)
    {
        await using var db = await OpenAsync(Permission.OffsetGovernorDecide, ct);
        // One writer at a time (BEGIN IMMEDIATE on SQLite): the sums of the open agreements cannot move under the check.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var agreement = await db.OffsetAgreements.Where(a => Files(db).Any(f => f.Id == a.FileId)).SingleOrDefaultAsync(a => a.Id == agreementId, ct)
            ?? throw DomainException.Of("Offset.NotFound");
        if (agreement.Version != version) throw DomainException.Of("Offset.ChangedMeanwhile");
        if (!agreement.Agreed) throw DomainException.Of("Offset.NotAgreed");
        if (await db.Settlements.AnyAsync(s => s.AgreementId == agreementId && s.Reverses == null && !db.Settlements.Any(r => r.Reverses == s.Id), ct))
            throw DomainException.Of("Offset.AgreementPosted");
        var errors = await change(db, agreement);
        if (errors.Count > 0) return errors;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw DomainException.Of("Offset.ChangedMeanwhile"); }
        if (transaction is not null) await transaction.CommitAsync(ct);
        return errors;
    }

    /// <summary>
    /// Why <paramref name="amount"/> cannot be agreed for this debtor and claim, with the figures; null when it fits:
    /// at most what is left of each, less what the other open agreements on it hold (<see cref="OffsetAgreement.Holds"/>).
    /// </summary>
    internal static async Task<string?> BeyondWhatIsLeftAsync(PortalDbContext db, int workshopId, int claimId, long amount, int? except, CancellationToken ct)
    {
        var others = db.OffsetAgreements.Where(OffsetAgreement.Holds).Where(a => a.Id != except);
        var debt = await db.DebtorWorkshops.Where(w => w.Id == workshopId)
            .Select(w => new { w.WorkshopCode, w.EmployerName, Left = w.InitialDebt - w.Settled, Held = others.Where(a => a.WorkshopId == w.Id).Sum(a => a.Amount) ?? 0 })
            .SingleOrDefaultAsync(ct) ?? throw DomainException.Of("Offset.NotFound");
        if (amount > debt.Left - debt.Held)
            return Messages.Format("Offset.AgreementExceedsDebt", OffsetAmount.Format(amount), Shown($"{debt.EmployerName} ({debt.WorkshopCode})"),
                OffsetAmount.Format(debt.Left), OffsetAmount.Format(debt.Held), OffsetAmount.Format(Math.Max(0, debt.Left - debt.Held)));
        var claim = await db.CenterClaims.Where(c => c.Id == claimId)
            .Select(c => new { Centre = db.OrgUnits.Where(u => u.Id == c.MedicalCenterId).Select(u => u.Name).Single(), Left = c.Amount - c.Settled,
                Held = others.Where(a => a.ClaimId == c.Id).Sum(a => a.Amount) ?? 0 })
            .SingleOrDefaultAsync(ct) ?? throw DomainException.Of("Offset.NotFound");
        if (amount > claim.Left - claim.Held)
            return Messages.Format("Offset.AgreementExceedsClaim", OffsetAmount.Format(amount), Shown(claim.Centre),
                OffsetAmount.Format(claim.Left), OffsetAmount.Format(claim.Held), OffsetAmount.Format(Math.Max(0, claim.Left - claim.Held)));
        return null;
    }

    /// <summary>The governor's office ends its review of a file (see <see cref="OffsetFile.Close"/>).</summary>
    public Task CloseAsync(int fileId, Guid version, CancellationToken ct = default) =>
        ChangeAsync(Permission.OffsetGovernorDecide, fileId, version, (_, file) => { file.Close(clock.GetUtcNow()); return Task.FromResult(NoErrors); }, ct);

    /// <summary>The files the actor may see: the province's, and for a governor only those sent.</summary>
    internal static IQueryable<OffsetFile> Files(PortalDbContext db) =>
        db.Actor.Can(Permission.OffsetGovernorDecide) ? db.OffsetFiles.Where(f => f.Status != OffsetFileStatus.Draft) : db.OffsetFiles;

    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    private DateOnly Today => JalaliDate.Today(clock).ToDateOnly();

    /// <summary>
    /// Loads the file, applies the change and saves it unless the change returned field errors (then nothing is
    /// written). In one transaction (BEGIN IMMEDIATE on SQLite), so what a rule read cannot change before the save.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, string>> ChangeAsync(Permission permission, int fileId, Guid version,
        Func<PortalDbContext, OffsetFile, Task<IReadOnlyDictionary<string, string>>> change, CancellationToken ct, bool serialized = true)
    {
        await using var db = await OpenAsync(permission, ct);
        await using var transaction = serialized ? await db.Database.BeginTransactionAsync(ct) : null;
        var file = await Files(db).Include(f => f.Debtors).Include(f => f.Claims).Include(f => f.Agreements).AsSplitQuery()
            .SingleOrDefaultAsync(f => f.Id == fileId, ct) ?? throw DomainException.Of("Offset.NotFound");
        if (file.Version != version) throw DomainException.Of("Offset.ChangedMeanwhile");
        var errors = await change(db, file);
        if (errors.Count > 0) return errors;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw DomainException.Of("Offset.ChangedMeanwhile"); }
        if (transaction is not null) await transaction.CommitAsync(ct);
        return errors;
    }

    // Every role holding these permissions is a provincial one, so the scope always names the province.
    private Task<PortalDbContext> OpenAsync(Permission permission, CancellationToken ct) => portalDb.OpenForAsync(permission, "Offset.NotYours", ct);

    private static int ProvinceOf(PortalDbContext db) => db.Scope.ProvinceId!.Value;
}
