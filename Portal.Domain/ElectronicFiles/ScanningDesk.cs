using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.ElectronicFiles;

/// <summary>
/// A branch's commands on its technical files: registering a file in the queue, each scanning step, out of turn, and
/// the supervisor's resolution of a recount discrepancy. Only the branch that holds a file acts on it; another
/// branch's file is "not found".
/// </summary>
public sealed class ScanningDesk(PortalDb portalDb, TimeProvider clock)
{
    /// <summary>Registers a file held by the acting branch; returns its id, or the messages per field.</summary>
    public async Task<(int? Id, IReadOnlyDictionary<string, string> Errors)> RegisterAsync(TechnicalFileForm form, CancellationToken ct = default)
    {
        var (valid, errors) = form.Validate();
        if (valid is null) return (null, errors);
        await using var db = await portalDb.OpenForAsync(Permission.ElectronicFilesScan, ct);
        var branch = await OwnBranchAsync(db, ct);
        var existing = await db.TechnicalFiles.IgnoreQueryFilters().Where(f => f.NationalId == valid.NationalId).Select(f => f.Number).FirstOrDefaultAsync(ct);
        if (existing is not null)
            return (null, new Dictionary<string, string> { [nameof(TechnicalFileForm.NationalId)] = Messages.Format("ElectronicFiles.FileExists", existing) });
        var person = await db.InsuredPersons.Where(p => p.NationalId == valid.NationalId)
            .Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName }).FirstOrDefaultAsync(ct);
        var name = person?.Name ?? valid.PersonName;
        if (name is null)
            return (null, new Dictionary<string, string> { [nameof(TechnicalFileForm.PersonName)] = Messages.Get("ElectronicFiles.PersonNameRequired") });
        var sequence = await TechnicalFileCounter.NextAsync(db, branch.Id, ct);
        var file = new TechnicalFile(branch.Id, branch.ProvinceId!.Value, TechnicalFileCounter.Number(branch.Code, sequence), sequence,
            valid.NationalId, name, person?.Id, valid.Shelf, valid.Slimmed, db.Actor.UserName, clock.GetUtcNow());
        db.TechnicalFiles.Add(file);
        try
        {
            await SaveAsync(db, ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another clerk registered the same person a moment earlier.
            return (null, new Dictionary<string, string> { [nameof(TechnicalFileForm.NationalId)] = Messages.Get("ElectronicFiles.FileExistsNow") });
        }
        return (file.Id, errors);
    }

    public Task SlimAsync(int id, Guid version, CancellationToken ct = default) => ActAsync(id, version, (f, by, at) => f.Slim(by, at), ct);

    public Task TakeOutAsync(int id, Guid version, CancellationToken ct = default) => ActAsync(id, version, (f, by, at) => f.TakeOut(by, at), ct);

    public Task CountPagesAsync(int id, Guid version, int pages, CancellationToken ct = default) =>
        ActAsync(id, version, (f, by, at) => f.CountPages(pages, by, at), ct);

    /// <summary>Step 3: the file is registered and its printed label stuck on (the label itself is printed elsewhere).</summary>
    public Task RegisterLabelAsync(int id, Guid version, CancellationToken ct = default) => ActAsync(id, version, (f, by, at) => f.Register(by, at), ct);

    public Task PrepareAsync(int id, Guid version, CancellationToken ct = default) => ActAsync(id, version, (f, by, at) => f.Prepare(by, at), ct);

    public Task ScanAsync(int id, Guid version, CancellationToken ct = default) => ActAsync(id, version, (f, by, at) => f.Scan(by, at), ct);

    public Task CheckQualityAsync(int id, Guid version, IReadOnlyCollection<int> rescannedPages, string? reason, CancellationToken ct = default) =>
        ActAsync(id, version, (f, by, at) => f.CheckQuality(rescannedPages, reason, by, at), ct);

    /// <summary>Step 7: the file and its first scans are verified against the originals by someone who did not scan it.</summary>
    public async Task VerifyAsync(int id, Guid version, CancellationToken ct = default)
    {
        await ActAsync(id, version, async (db, f, by, at) =>
        {
            f.Verify(by, at);
            // Nothing to check against the originals until the scans are in the file.
            if (!await db.ScannedDocuments.AnyAsync(d => d.FileId == f.Id && d.RefusedAt == null, ct)) throw DomainException.Of("ElectronicFiles.NoImages");
            var firsts = await db.ScannedDocuments.Where(d => d.FileId == f.Id && d.Source == DocumentSource.InitialScanning && d.VerifiedAt == null && d.RefusedAt == null).ToListAsync(ct);
            foreach (var d in firsts) d.VerifyWithFile(by, at);
        }, ct);
    }

    public Task ReassembleAsync(int id, Guid version, CancellationToken ct = default) => ActAsync(id, version, (f, by, at) => f.Reassemble(by, at), ct);

    public Task RecountAsync(int id, Guid version, int pages, CancellationToken ct = default) =>
        ActAsync(id, version, (f, by, at) => f.Recount(pages, by, at), ct);

    /// <summary>A branch supervisor accepts a recount that differs from the first count, with the reason.</summary>
    public async Task ResolveDiscrepancyAsync(int id, Guid version, string reason, CancellationToken ct = default)
    {
        await ActAsync(id, version, (db, f, by, at) =>
        {
            db.Actor.Require(Permission.ElectronicFilesSupervise, "ElectronicFiles.OnlySupervisor");
            f.ResolveDiscrepancy(reason, by, at);
            return Task.CompletedTask;
        }, ct);
    }

    public Task ReturnToShelfAsync(int id, Guid version, ShelfLocation? moved, CancellationToken ct = default) =>
        ActAsync(id, version, (f, by, at) => f.ReturnToShelf(moved, by, at), ct);

    /// <summary>Step 11: the file's images are in the central store (a refused document does not count).</summary>
    public async Task StoreAsync(int id, Guid version, CancellationToken ct = default) =>
        await ActAsync(id, version, async (db, f, by, at) => f.Store(await CountedAsync(db, f.Id, ct), by, at), ct);

    /// <summary>Step 12: every document is indexed under its type and heading (a refused document does not count).</summary>
    public async Task IndexAsync(int id, Guid version, CancellationToken ct = default) =>
        await ActAsync(id, version, async (db, f, by, at) => f.Index(await CountedAsync(db, f.Id, ct), by, at), ct);

    private static Task<int> CountedAsync(PortalDbContext db, int fileId, CancellationToken ct) =>
        db.ScannedDocuments.CountAsync(d => d.FileId == fileId && d.RefusedAt == null, ct);

    public Task MarkOutOfTurnAsync(int id, Guid version, OutOfTurnReason reason, string note, CancellationToken ct = default) =>
        ActAsync(id, version, (f, by, at) => f.MarkOutOfTurn(reason, note, by, at), ct);

    /// <summary>Records the next step whatever it is, for steps that carry nothing but who and when.</summary>
    public Task AdvanceAsync(int id, Guid version, ScanStepKind step, CancellationToken ct = default) => step switch
    {
        ScanStepKind.Slimmed => SlimAsync(id, version, ct),
        ScanStepKind.OutOfArchive => TakeOutAsync(id, version, ct),
        ScanStepKind.Registered => RegisterLabelAsync(id, version, ct),
        ScanStepKind.Prepared => PrepareAsync(id, version, ct),
        ScanStepKind.Scanned => ScanAsync(id, version, ct),
        ScanStepKind.Verified => VerifyAsync(id, version, ct),
        ScanStepKind.Reassembled => ReassembleAsync(id, version, ct),
        ScanStepKind.Stored => StoreAsync(id, version, ct),
        ScanStepKind.Indexed => IndexAsync(id, version, ct),
        _ => throw DomainException.Of("ElectronicFiles.StepNeedsDetails"),
    };

    private Task ActAsync(int id, Guid version, Action<TechnicalFile, string, DateTimeOffset> act, CancellationToken ct) =>
        ActAsync(id, version, (_, f, by, at) =>
        {
            act(f, by, at);
            return Task.CompletedTask;
        }, ct);

    private async Task ActAsync(int id, Guid version, Func<PortalDbContext, TechnicalFile, string, DateTimeOffset, Task> act, CancellationToken ct)
    {
        await using var db = await portalDb.OpenForAsync(Permission.ElectronicFilesScan, ct);
        var unitId = db.Actor.UnitId;
        var file = await db.TechnicalFiles.SingleOrDefaultAsync(f => f.Id == id && f.BranchId == unitId, ct)
            ?? throw DomainException.Of("ElectronicFiles.NotFound");
        if (file.Version != version) throw DomainException.Of("ElectronicFiles.ChangedMeanwhile");
        await act(db, file, db.Actor.UserName, clock.GetUtcNow());
        await SaveAsync(db, ct);
    }

    private static async Task<OrgUnit> OwnBranchAsync(PortalDbContext db, CancellationToken ct)
    {
        var unitId = db.Actor.UnitId;
        return await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == unitId && u.Kind == UnitKind.Branch, ct)
            ?? throw DomainException.Forbidden("ElectronicFiles.OnlyBranch");
    }

    internal static async Task SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw DomainException.Of("ElectronicFiles.ChangedMeanwhile"); }
    }
}
