using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Rollout;
using Portal.Domain.Security;

namespace Portal.Domain.Contracts;

/// <summary>
/// Contracts between review offices and agency managers (seed 000 §2-2). Query filters keep every read in the actor's
/// scope; on top of that only the review office serving an agency changes its contracts, and only the roles in
/// <see cref="Readers"/> read them (an agency's data-entry users do not).
/// </summary>
public sealed class ContractOffice(PortalDb portalDb, IDbContextFactory<PortalDbContext> factory, IContractPdf pdfEngine, IFileStore files, TimeProvider clock, ILogger<ContractOffice> logger)
{
    public const long MaxScanBytes = 10 * 1024 * 1024;

    public static readonly string[] Readers =
        [Roles.SystemAdmin, Roles.HeadOffice, Roles.GeneralOffice, Roles.GeneralOfficeDirector, Roles.TreatmentDirectorate, Roles.ReviewOffice, Roles.AgencyManager];

    public static readonly string[] Issuers = [Roles.ReviewOffice];

    public sealed record Filter(string? Text = null, ContractStatus? Status = null, int? TemplateVersion = null, int? AgencyId = null, Guid? BatchId = null);

    public sealed record Row(int Id, string? Number, string AgencyCode, string AgencyName, ContractStatus Status,
        DateOnly StartsOn, DateOnly EndsOn, long FeePerFile, DateTimeOffset? IssuedAt, int? TemplateVersion);

    public sealed record Page(IReadOnlyList<Row> Rows, int Total);

    public sealed record Details(Contract Contract, string AgencyCode, string AgencyName, string ProvinceFa,
        string? RenewsNumber, int? RenewedById, string? RenewedByNumber, int? TemplateVersion, bool CanManage);

    public sealed record AgencyOption(int Id, string Code, string Name);

    public sealed record BatchProgress(int Done, int Total);

    public sealed record BatchFailure(string AgencyCode, string AgencyName, string Message);

    public sealed record BatchResult(Guid BatchId, int Issued, IReadOnlyList<BatchFailure> Failures);

    public sealed record Verification(string Number, ContractStatus Status, string AgencyName, DateOnly StartsOn, DateOnly EndsOn, DateTimeOffset IssuedAt);

    public async Task<Page> ListAsync(Filter filter, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!Readers.Contains(db.Actor.Role)) return new Page([], 0);
        var query = db.Contracts.AsQueryable();
        if (SearchKey.Of(filter.Text) is { Length: > 0 } key)
            query = query.Where(c => c.Number!.Contains(key) || c.Agency.SearchText.Contains(key));
        if (filter.Status is { } status) query = query.Where(c => c.Status == status);
        if (filter.TemplateVersion is { } version) query = query.Where(c => c.Template!.Version == version);
        if (filter.AgencyId is { } agencyId) query = query.Where(c => c.AgencyId == agencyId);
        if (filter.BatchId is { } batchId) query = query.Where(c => c.BatchId == batchId);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.Id).Skip(skip).Take(take)
            .Select(c => new Row(c.Id, c.Number, c.Agency.Code, c.Agency.Name, c.Status, c.StartsOn, c.EndsOn, c.FeePerFile, c.IssuedAt,
                c.Template == null ? null : c.Template.Version))
            .ToListAsync(ct);
        return new Page(rows, total);
    }

    /// <summary>A contract with what its page shows; null when it does not exist or is outside the actor's scope.</summary>
    public async Task<Details?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!Readers.Contains(db.Actor.Role)) return null;
        var contract = await db.Contracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            await LogDeniedAsync(db, id, ct);
            return null;
        }
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == contract.AgencyId)
            .Select(a => new { a.Code, a.Name, a.ReviewOfficeId, Province = a.Province!.NameFa }).SingleAsync(ct);
        var renews = contract.RenewsId is { } renewsId ? await db.Contracts.Where(c => c.Id == renewsId).Select(c => c.Number).SingleOrDefaultAsync(ct) : null;
        var renewal = await db.Contracts.Where(c => c.RenewsId == id).Select(c => new { c.Id, c.Number }).FirstOrDefaultAsync(ct);
        var version = contract.TemplateId is { } templateId ? await db.ContractTemplates.Where(t => t.Id == templateId).Select(t => (int?)t.Version).SingleAsync(ct) : null;
        return new Details(contract, agency.Code, agency.Name, agency.Province, renews, renewal?.Id, renewal?.Number, version,
            Issuers.Contains(db.Actor.Role) && agency.ReviewOfficeId == db.Actor.UnitId);
    }

    /// <summary>The open agencies the acting review office serves that have no open or active contract.</summary>
    public async Task<IReadOnlyList<AgencyOption>> DraftableAgenciesAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!Issuers.Contains(db.Actor.Role)) return [];
        return await Served(db).Where(a => !db.Contracts.Any(c => c.AgencyId == a.Id && Contract.Live.Contains(c.Status)))
            .OrderBy(a => a.Code).Select(a => new AgencyOption(a.Id, a.Code, a.Name)).ToListAsync(ct);
    }

    public async Task<int> DraftAsync(int agencyId, ContractTerms terms, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        RequireIssuer(db);
        var agency = await Served(db).SingleOrDefaultAsync(a => a.Id == agencyId, ct) ?? throw DomainException.Of("Contract.AgencyNotServed");
        if (await HasLiveContractAsync(db, agencyId, ct)) throw DomainException.Of("Contract.AgencyHasContract");
        var contract = new Contract(agency, terms, db.Actor.UserName, clock.GetUtcNow());
        db.Contracts.Add(contract);
        await db.SaveChangesAsync(ct);
        return contract.Id;
    }

    public Task ReviseAsync(int id, Guid version, ContractTerms terms, CancellationToken ct = default) =>
        ChangeAsync(id, version, (_, c) => { c.Revise(terms); return Task.CompletedTask; }, ct);

    /// <summary>A renewal: a new draft that refers to the active or expired contract it follows.</summary>
    public async Task<int> RenewAsync(int id, ContractTerms terms, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        RequireIssuer(db);
        var old = await Managed(db).Include(c => c.Agency).SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw DomainException.Of("Contract.NotFound");
        if (await db.Contracts.AnyAsync(c => c.RenewsId == id, ct)) throw DomainException.Of("Contract.AlreadyRenewed");
        if (await db.Contracts.AnyAsync(c => c.AgencyId == old.AgencyId && Contract.InProgress.Contains(c.Status), ct))
            throw DomainException.Of("Contract.AgencyHasContract");
        var renewal = new Contract(old.Agency, terms, db.Actor.UserName, clock.GetUtcNow(), old);
        db.Contracts.Add(renewal);
        await db.SaveChangesAsync(ct);
        return renewal.Id;
    }

    /// <summary>Numbers the draft, renders its PDF once from the newest template version and stores it by hash.</summary>
    /// <remarks>A draft whose term ended before today (Tehran) is issued only with <paramref name="lateReason"/>, kept on the contract.</remarks>
    public async Task IssueAsync(int id, Guid version, string? lateReason = null, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        RequireIssuer(db);
        var contract = await Managed(db).Include(c => c.Agency).SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw DomainException.Of("Contract.NotFound");
        if (contract.Version != version) throw DomainException.Of("Contract.ChangedMeanwhile");
        await IssueAsync(db, contract, null, lateReason, ct);
    }

    /// <summary>Today's date in Tehran: a contract whose last day is before it has ended.</summary>
    public DateOnly Today => JalaliDate.Today(clock).ToDateOnly();

    /// <summary>
    /// Issues a contract for every open agency the office serves that has finished its three training stages and has
    /// no contract yet (an existing draft is issued as drafted). Each contract is issued on its own: one failure
    /// leaves the others issued and is reported by agency. Terms that end before today are refused outright, and a
    /// draft whose term has ended is skipped and listed: such a contract is issued on its own page, with a reason.
    /// </summary>
    public async Task<BatchResult> IssueBatchAsync(ContractTerms terms, IProgress<BatchProgress>? progress = null, CancellationToken ct = default)
    {
        CheckBatchTerms(terms);
        List<int> agencyIds;
        await using (var db = await portalDb.OpenAsync(ct))
        {
            RequireIssuer(db);
            if (!pdfEngine.IsAvailable) throw PdfEngine.Missing();
            agencyIds = await BatchCandidates(db).ToListAsync(ct);
        }
        var batchId = Guid.NewGuid();
        var failures = new List<BatchFailure>();
        var issued = 0;
        progress?.Report(new BatchProgress(0, agencyIds.Count));
        foreach (var agencyId in agencyIds)
        {
            ct.ThrowIfCancellationRequested();
            await using var db = await portalDb.OpenAsync(ct);
            var agency = await Served(db).SingleAsync(a => a.Id == agencyId, ct);
            try
            {
                var contract = await db.Contracts.SingleOrDefaultAsync(c => c.AgencyId == agencyId && c.Status == ContractStatus.Draft, ct);
                if (contract is null)
                {
                    contract = new Contract(agency, terms, db.Actor.UserName, clock.GetUtcNow());
                    db.Contracts.Add(contract);
                }
                await IssueAsync(db, contract, batchId, null, ct);
                issued++;
            }
            catch (DomainException e)
            {
                failures.Add(new BatchFailure(agency.Code, agency.Name, e.Message));
            }
            progress?.Report(new BatchProgress(issued + failures.Count, agencyIds.Count));
        }
        return new BatchResult(batchId, issued, failures);
    }

    /// <summary>Refuses batch terms whose end is before today: a batch carries no reason, so it issues no ended contract.</summary>
    public void CheckBatchTerms(ContractTerms terms)
    {
        if (terms.EndsOn < Today)
            throw DomainException.Of("Contract.BatchEndsInPast", TextNormalizer.ToPersianDigits(JalaliDate.FromDateOnly(terms.EndsOn).ToString()));
    }

    /// <summary>How many agencies <see cref="IssueBatchAsync"/> would issue for now.</summary>
    public async Task<int> BatchCandidateCountAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        return Issuers.Contains(db.Actor.Role) ? await BatchCandidates(db).CountAsync(ct) : 0;
    }

    /// <summary>Records the signed copy (PDF, JPEG or PNG, checked by content) and stores it by hash.</summary>
    public async Task RecordSignedScanAsync(int id, Stream content, CancellationToken ct = default)
    {
        await using var buffer = await UploadBuffer.ReadAsync(content, MaxScanBytes, ct) ?? throw DomainException.Of("Contract.ScanTooLarge");
        if (buffer.Length == 0) throw DomainException.Of("Contract.ScanRequired");
        var kind = FileSignature.Detect(buffer);
        if (kind is not (FileKind.Pdf or FileKind.Jpeg or FileKind.Png)) throw DomainException.Of("Contract.ScanType");
        await using var db = await portalDb.OpenAsync(ct);
        RequireIssuer(db);
        var contract = await Managed(db).SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw DomainException.Of("Contract.NotFound");
        if (contract.Status is not (ContractStatus.Issued or ContractStatus.Signed))
            throw DomainException.Of("Contract.IllegalTransition", ContractText.StatusName(contract.Status));
        var (sha, size) = await files.SaveAsync(buffer, ct);
        contract.RecordSignedScan(new StoredFile(kind, sha, size), db.Actor.UserName, clock.GetUtcNow());
        await SaveAsync(db, ct);
    }

    public Task ActivateAsync(int id, Guid version, CancellationToken ct = default) =>
        ChangeAsync(id, version, async (db, c) =>
        {
            // A renewal may be activated ahead of time: it follows its predecessor, it does not overlap it.
            var another = await db.Contracts.AnyAsync(o => o.AgencyId == c.AgencyId && o.Id != c.Id && o.Status == ContractStatus.Active
                && !(o.Id == c.RenewsId && o.EndsOn < c.StartsOn), ct);
            await db.Entry(c).Reference(x => x.Agency).LoadAsync(ct);
            c.Activate(another, db.Actor.UserName, clock.GetUtcNow());
        }, ct);

    public Task TerminateAsync(int id, Guid version, string? reason, CancellationToken ct = default) =>
        ChangeAsync(id, version, (db, c) => { c.Terminate(reason ?? "", db.Actor.UserName, clock.GetUtcNow()); return Task.CompletedTask; }, ct);

    /// <summary>Marks active contracts whose last day has passed as expired; returns how many. Run by the host each hour.</summary>
    public static async Task<int> ExpireDueAsync(PortalDbContext db, DateOnly today, CancellationToken ct = default)
    {
        var due = await db.Contracts.Where(c => c.Status == ContractStatus.Active && c.EndsOn < today).ToListAsync(ct);
        foreach (var contract in due) contract.Expire(today);
        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    public Task<FileDownload?> OpenPdfAsync(int id, CancellationToken ct = default) =>
        OpenAsync(id, c => c.PdfSha256 is null ? null : (c.PdfSha256, FileKind.Pdf, c.Number!), ct);

    public Task<FileDownload?> OpenSignedScanAsync(int id, CancellationToken ct = default) =>
        OpenAsync(id, c => c.ScanSha256 is null ? null : (c.ScanSha256, c.ScanKind!.Value, $"{c.Number}-signed"), ct);

    /// <summary>The PDFs of one batch, in number order, for the ZIP download: only those in the actor's scope.</summary>
    public async Task<IReadOnlyList<(string Number, string Sha256)>> BatchFilesAsync(Guid batchId, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!Readers.Contains(db.Actor.Role)) return [];
        var rows = await db.Contracts.Where(c => c.BatchId == batchId && c.PdfSha256 != null).OrderBy(c => c.Number)
            .Select(c => new { c.Number, c.PdfSha256 }).ToListAsync(ct);
        return rows.Select(r => (r.Number!, r.PdfSha256!)).ToList();
    }

    public Stream? OpenStored(string sha256) => files.OpenRead(sha256);

    /// <summary>
    /// What the public verification page may say about the contract a QR code points to: number, status, agency name
    /// and dates, nothing more. Null for an unknown code.
    /// </summary>
    public async Task<Verification?> VerifyAsync(string? code, CancellationToken ct = default)
    {
        if (VerificationCodes.Read(code) is not { } normalized) return null;
        await using var db = PortalDb.Open(factory, Actor.System);
        return await db.Contracts.AsNoTracking().Where(c => c.VerificationCode == normalized)
            .Select(c => new Verification(c.Number!, c.Status, c.Agency.Name, c.StartsOn, c.EndsOn, c.IssuedAt!.Value))
            .SingleOrDefaultAsync(ct);
    }

    private async Task IssueAsync(PortalDbContext db, Contract contract, Guid? batchId, string? lateReason, CancellationToken ct)
    {
        if (contract.Status != ContractStatus.Draft) throw DomainException.Of("Contract.IllegalTransition", ContractText.StatusName(contract.Status));
        // Refuse before a number is taken and a PDF made.
        contract.CheckIssue(Today, lateReason);
        if (!pdfEngine.IsAvailable) throw PdfEngine.Missing();
        var template = await db.ContractTemplates.OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct) ?? throw DomainException.Of("Contract.NoTemplate");
        var office = await db.OrgUnits.SingleAsync(u => u.Id == contract.Agency.ReviewOfficeId, ct);
        var province = await db.Provinces.SingleAsync(p => p.Id == contract.ProvinceId, ct);
        var terms = new ContractTerms(contract.StartsOn, contract.TermMonths, contract.FeePerFile);
        var now = clock.GetUtcNow();
        var today = JalaliDate.FromInstant(now);
        var number = new ContractNumber(province.Code, today.Year, await ContractCounter.NextAsync(db, contract.ProvinceId, today.Year, ct));
        var code = VerificationCodes.New();
        var paper = ContractPaper.For(ContractParties.Of(contract.Agency, office, province), terms, template, number, today, code);
        var pdf = await pdfEngine.RenderAsync(paper, ct);
        var (sha, size) = await files.SaveAsync(new MemoryStream(pdf, writable: false), ct);
        contract.Issue(number, template, paper.Text, new StoredFile(FileKind.Pdf, sha, size), code, batchId, db.Actor.UserName, now, lateReason);
        await SaveAsync(db, ct);
    }

    private async Task ChangeAsync(int id, Guid version, Func<PortalDbContext, Contract, Task> change, CancellationToken ct)
    {
        await using var db = await portalDb.OpenAsync(ct);
        RequireIssuer(db);
        var contract = await Managed(db).SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw DomainException.Of("Contract.NotFound");
        if (contract.Version != version) throw DomainException.Of("Contract.ChangedMeanwhile");
        await change(db, contract);
        await SaveAsync(db, ct);
    }

    private static async Task SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw DomainException.Of("Contract.ChangedMeanwhile"); }
    }

    private async Task<FileDownload?> OpenAsync(int id, Func<Contract, (string Sha, FileKind Kind, string Name)?> pick, CancellationToken ct)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!Readers.Contains(db.Actor.Role)) return null;
        var contract = await db.Contracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null) await LogDeniedAsync(db, id, ct);
        if (contract is null || pick(contract) is not { } file) return null;
        if (files.OpenRead(file.Sha) is not { } content)
        {
            logger.LogError("Contract {Id}: its file {Sha256} is missing from the file store", id, file.Sha);
            return null;
        }
        return new FileDownload(file.Name + FileSignature.Extension(file.Kind), FileSignature.ContentType(file.Kind), content.Length, content);
    }

    private static void RequireIssuer(PortalDbContext db)
    {
        if (!Issuers.Contains(db.Actor.Role)) throw DomainException.Of("Contract.OnlyReviewOffice");
    }

    /// <summary>The agencies the acting review office serves and may contract with.</summary>
    private static IQueryable<Agency> Served(PortalDbContext db)
    {
        var officeId = db.Actor.UnitId;
        return db.Agencies.Where(a => a.ReviewOfficeId == officeId && a.Status != AgencyStatus.Closed);
    }

    /// <summary>Contracts of the agencies the acting review office serves now.</summary>
    private static IQueryable<Contract> Managed(PortalDbContext db)
    {
        var officeId = db.Actor.UnitId;
        return db.Contracts.Where(c => c.Agency.ReviewOfficeId == officeId);
    }

    private static Task<bool> HasLiveContractAsync(PortalDbContext db, int agencyId, CancellationToken ct) =>
        db.Contracts.AnyAsync(c => c.AgencyId == agencyId && Contract.Live.Contains(c.Status), ct);

    private static IQueryable<int> BatchCandidates(PortalDbContext db) =>
        db.Readiness(DateOnly.MinValue, Served(db))
            .Where(r => r.Position >= (int)ReadinessStep.ContractSigned - 1)
            .Select(r => r.AgencyId)
            // An existing draft is issued as drafted; anything further along means the agency has its contract.
            .Where(id => !db.Contracts.Any(c => c.AgencyId == id && c.Status != ContractStatus.Draft && Contract.Live.Contains(c.Status)))
            .OrderBy(id => id);

    private async Task LogDeniedAsync(PortalDbContext db, int id, CancellationToken ct)
    {
        if (await db.Contracts.IgnoreQueryFilters().AnyAsync(c => c.Id == id, ct))
            logger.LogWarning("Denied access: {User} ({Scope}) asked for Contract {Id} outside their scope", db.Actor.UserName, db.Scope, id);
    }
}
