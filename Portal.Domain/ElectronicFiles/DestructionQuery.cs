using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.ElectronicFiles;

/// <summary>The six-monthly destruction lists in the reader's scope, and for a branch whether one is due.</summary>
public sealed class DestructionQuery(PortalDb portalDb, TimeProvider clock)
{
    public sealed record Row(int Id, string BranchName, DestructionStatus Status, DateTimeOffset ProposedAt, int Papers, int Withdrawn, DateOnly? DestroyedOn);

    public sealed record Details(DestructionList List, string BranchName, string ProposedByName, string? ClosedByName, bool CanClose);

    /// <summary>
    /// For the acting branch: how many papers a list proposed now would hold, its open list if any, and when it last
    /// destroyed papers. A list is due when papers wait and the last destruction is <see cref="DestructionList.Months"/> months old.
    /// </summary>
    public sealed record BranchState(int Candidates, int? OpenListId, DateOnly? LastDestroyedOn, bool Due);

    public async Task<IReadOnlyList<Row>> ListsAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.ElectronicFilesRead, ct);
        var rows = await db.DestructionLists.AsNoTracking().OrderByDescending(l => l.ProposedAt).Take(200)
            .Select(l => new { l.Id, l.BranchId, l.Status, l.ProposedAt, Papers = l.Items.Count, Withdrawn = l.Items.Count(i => i.WithdrawnAt != null), l.DestroyedOn })
            .ToListAsync(ct);
        var branches = rows.Select(r => r.BranchId).Distinct().ToList();
        var names = await db.OrgUnits.IgnoreQueryFilters().Where(u => branches.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return [.. rows.Select(r => new Row(r.Id, names[r.BranchId], r.Status, r.ProposedAt, r.Papers, r.Withdrawn, r.DestroyedOn))];
    }

    /// <summary>One list with its papers as proposed (withdrawn ones marked), or null when not found or out of scope.</summary>
    public async Task<Details?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.ElectronicFilesRead, ct);
        var list = await db.DestructionLists.AsNoTracking().Include(l => l.Items.OrderBy(i => i.ReceivedAt).ThenBy(i => i.Id)).SingleOrDefaultAsync(l => l.Id == id, ct);
        if (list is null) return null;
        var people = new[] { list.ProposedBy, list.ClosedBy }.OfType<string>().ToList();
        var names = await db.Users.Where(u => people.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.FullName, ct);
        var branch = await db.OrgUnits.IgnoreQueryFilters().Where(u => u.Id == list.BranchId).Select(u => u.Name).SingleAsync(ct);
        return new Details(list, branch, names.GetValueOrDefault(list.ProposedBy, list.ProposedBy),
            list.ClosedBy is null ? null : names.GetValueOrDefault(list.ClosedBy, list.ClosedBy),
            CanClose: list.Status == DestructionStatus.Proposed && db.Actor.UnitId == list.BranchId && db.Actor.Can(Permission.ElectronicFilesSupervise));
    }

    /// <summary>The acting branch's state, or null for a reader who is no branch's documents expert.</summary>
    public async Task<BranchState?> BranchStateAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!db.Actor.Can(Permission.ElectronicFilesSupervise) || db.Actor.UnitId is not int branch) return null;
        var now = clock.GetUtcNow();
        var candidates = await PaperDesk.DestructionCandidates(db, branch, DestructionList.CutoffAt(now)).CountAsync(ct);
        var open = await db.DestructionLists.Where(l => l.BranchId == branch && l.Status == DestructionStatus.Proposed).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct);
        var last = await db.DestructionLists.Where(l => l.BranchId == branch && l.Status == DestructionStatus.Destroyed).MaxAsync(l => l.DestroyedOn, ct);
        var due = candidates > 0 && open is null
            && (last is not { } on || on <= DateOnly.FromDateTime(DestructionList.CutoffAt(now).UtcDateTime));
        return new BranchState(candidates, open, last, due);
    }
}
