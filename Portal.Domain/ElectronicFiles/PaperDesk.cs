using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.ElectronicFiles;

/// <summary>
/// The branch's papers once scanned (seed 003 part 2): the «اسکن شد» stamp, handing a paper back, keeping one of the
/// four kinds of original in its binder, destroying a commission ruling that led to no disability, and the six-monthly
/// destruction of mail nobody collected. Only the branch that holds the file acts on its papers; another's are "not found".
/// </summary>
public sealed class PaperDesk(PortalDb portalDb, TimeProvider clock)
{
    /// <summary>The stamp's imprint for a paper: the branch, the user who stamped it (or who is about to) and the day.</summary>
    public async Task<ScanStamp> StampImprintAsync(int documentId, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.ElectronicFilesScan, ct);
        var document = await PaperAsync(db, documentId, ct);
        var by = document.StampedBy ?? db.Actor.UserName;
        var name = await db.Users.Where(u => u.UserName == by).Select(u => u.FullName).SingleOrDefaultAsync(ct) ?? by;
        var branch = await db.OrgUnits.Where(u => u.Id == document.BranchId).Select(u => u.Name).SingleAsync(ct);
        return new ScanStamp(branch, name, by, JalaliDate.FromInstant(document.StampedAt ?? clock.GetUtcNow()));
    }

    public Task StampAsync(int documentId, CancellationToken ct = default) => ActAsync(documentId, (_, d, by, at) => d.Stamp(by, at), ct);

    /// <summary>The paper goes back to the person; mail on a list not yet destroyed leaves the list.</summary>
    public Task HandBackAsync(int documentId, CancellationToken ct = default) => ActAsync(documentId, async (db, d, by, at) =>
    {
        d.HandBack(by, at);
        var open = await db.DestructionLists.Include(l => l.Items)
            .Where(l => l.Status == DestructionStatus.Proposed && l.Items.Any(i => i.DocumentId == d.Id && i.WithdrawnAt == null)).SingleOrDefaultAsync(ct);
        open?.Withdraw(d.Id, by, at);
    }, ct);

    public Task DestroyInBranchAsync(int documentId, CancellationToken ct = default) => ActAsync(documentId, (_, d, by, at) => d.DestroyInBranch(by, at), ct);

    /// <summary>Files the original in its binder; returns its place, or the messages per field.</summary>
    public async Task<(BinderPlace? Place, IReadOnlyDictionary<string, string> Errors)> KeepAsync(int documentId, KeepForm form, CancellationToken ct = default)
    {
        var (valid, errors) = form.Validate(JalaliDate.Today(clock).ToDateOnly());
        if (valid is null) return (null, errors);
        KeptOriginal? kept = null;
        await ActAsync(documentId, (db, d, by, at) => db.KeptOriginals.Add(kept = d.Keep(valid, by, at)), ct);
        await using var read = await portalDb.OpenAsync(ct);
        return (await BinderQuery.PlaceAsync(read, kept!.DocumentId, ct), errors);
    }

    /// <summary>
    /// Proposes the branch's list: its mail, stamped and verified, received before the period and neither collected nor
    /// on another list. One open list at a time.
    /// </summary>
    public async Task<int> ProposeDestructionAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.ElectronicFilesSupervise, ct);
        var branch = db.Actor.UnitId ?? throw DomainException.Forbidden("ElectronicFiles.OnlyBranch");
        if (await db.DestructionLists.AnyAsync(l => l.BranchId == branch && l.Status == DestructionStatus.Proposed, ct))
            throw DomainException.Of("ElectronicFiles.ListOpen");
        var now = clock.GetUtcNow();
        var before = DestructionList.CutoffAt(now);
        var items = await DestructionCandidates(db, branch, before)
            .OrderBy(d => d.ScannedAt).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.File.Number, d.File.PersonName, d.File.NationalId, TypeName = d.Type.Name, d.Pages, d.ScannedAt, d.ProvinceId })
            .ToListAsync(ct);
        var province = items.FirstOrDefault()?.ProvinceId
            ?? await db.OrgUnits.Where(u => u.Id == branch).Select(u => u.ProvinceId).SingleAsync(ct) ?? 0;
        var list = new DestructionList(branch, province, before,
            items.Select(i => new DestructionItem(i.Id, i.Number, i.PersonName, i.NationalId, i.TypeName, i.Pages, i.ScannedAt)), db.Actor.UserName, now);
        db.DestructionLists.Add(list);
        await ScanningDesk.SaveAsync(db, ct);
        return list.Id;
    }

    /// <summary>Records the destruction of what is left on the list; the papers' images stay in their files.</summary>
    public async Task<IReadOnlyDictionary<string, string>> RecordDestructionAsync(int listId, Guid version, DestructionForm form, CancellationToken ct = default)
    {
        var (valid, errors) = form.Validate(JalaliDate.Today(clock).ToDateOnly());
        if (valid is null) return errors;
        await using var db = await portalDb.OpenForAsync(Permission.ElectronicFilesSupervise, ct);
        var list = await OwnListAsync(db, listId, version, ct);
        var now = clock.GetUtcNow();
        var destroyed = list.RecordDestruction(valid.DestroyedOn, valid.Witnesses, db.Actor.UserName, now);
        foreach (var document in await db.ScannedDocuments.Where(d => destroyed.Contains(d.Id)).ToListAsync(ct))
            document.DestroyByList(db.Actor.UserName, now);
        await ScanningDesk.SaveAsync(db, ct);
        return errors;
    }

    public async Task CancelDestructionAsync(int listId, Guid version, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.ElectronicFilesSupervise, ct);
        (await OwnListAsync(db, listId, version, ct)).Cancel(db.Actor.UserName, clock.GetUtcNow());
        await ScanningDesk.SaveAsync(db, ct);
    }

    /// <summary>The mail a list proposed now would hold (<see cref="ProposeDestructionAsync"/>).</summary>
    internal static IQueryable<ScannedDocument> DestructionCandidates(PortalDbContext db, int branchId, DateTimeOffset receivedBefore) =>
        db.ScannedDocuments.Where(d => d.BranchId == branchId && d.Source == DocumentSource.ReceivedByMail && d.Fate == null
            && d.StampedAt != null && d.VerifiedAt != null && d.ScannedAt < receivedBefore
            && !db.DestructionLists.Any(l => l.Status == DestructionStatus.Proposed && l.Items.Any(i => i.DocumentId == d.Id && i.WithdrawnAt == null)));

    private async Task ActAsync(int documentId, Action<PortalDbContext, ScannedDocument, string, DateTimeOffset> act, CancellationToken ct) =>
        await ActAsync(documentId, (db, d, by, at) =>
        {
            act(db, d, by, at);
            return Task.CompletedTask;
        }, ct);

    private async Task ActAsync(int documentId, Func<PortalDbContext, ScannedDocument, string, DateTimeOffset, Task> act, CancellationToken ct)
    {
        await using var db = await portalDb.OpenForAsync(Permission.ElectronicFilesScan, ct);
        var document = await PaperAsync(db, documentId, ct);
        await act(db, document, db.Actor.UserName, clock.GetUtcNow());
        await ScanningDesk.SaveAsync(db, ct);
    }

    private static async Task<ScannedDocument> PaperAsync(PortalDbContext db, int documentId, CancellationToken ct)
    {
        var branch = db.Actor.UnitId;
        return await db.ScannedDocuments.Include(d => d.Type).SingleOrDefaultAsync(d => d.Id == documentId && d.BranchId == branch, ct)
            ?? throw DomainException.Of("ElectronicFiles.DocumentNotFound");
    }

    private static async Task<DestructionList> OwnListAsync(PortalDbContext db, int listId, Guid version, CancellationToken ct)
    {
        var branch = db.Actor.UnitId;
        var list = await db.DestructionLists.Include(l => l.Items).SingleOrDefaultAsync(l => l.Id == listId && l.BranchId == branch, ct)
            ?? throw DomainException.Of("ElectronicFiles.ListNotFound");
        return list.Version == version ? list : throw DomainException.Of("ElectronicFiles.ChangedMeanwhile");
    }
}
