using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.ElectronicFiles;

/// <summary>Where a kept original stands: its branch's binder of that category and year, and its place in it (from 1).</summary>
public sealed record BinderPlace(KeptCategory Category, int Year, int Position);

/// <summary>
/// The branches' binders of kept originals (seed 003 part 2 §1, note) in the reader's scope: which binders there are,
/// and what each holds in the order of the papers' registration in the branch's register.
/// </summary>
public sealed class BinderQuery(PortalDb portalDb)
{
    public sealed record Binder(int BranchId, string BranchName, KeptCategory Category, int Year, int Papers, DateOnly First, DateOnly Last);

    public sealed record Paper(int Position, int DocumentId, int FileId, string FileNumber, string PersonName, string TypeName,
        string RegisterNumber, DateOnly RegisterDate, string FiledBy, DateTimeOffset FiledAt);

    public async Task<IReadOnlyList<Binder>> BindersAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.ElectronicFilesRead, ct);
        var binders = await db.KeptOriginals.AsNoTracking()
            .GroupBy(k => new { k.BranchId, k.Category, k.Year })
            .Select(g => new { g.Key.BranchId, g.Key.Category, g.Key.Year, Papers = g.Count(), First = g.Min(k => k.RegisterDate), Last = g.Max(k => k.RegisterDate) })
            .ToListAsync(ct);
        var branches = binders.Select(b => b.BranchId).Distinct().ToList();
        var names = await db.OrgUnits.IgnoreQueryFilters().Where(u => branches.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return [.. binders.Select(b => new Binder(b.BranchId, names[b.BranchId], b.Category, b.Year, b.Papers, b.First, b.Last))
            .OrderBy(b => b.BranchName, StringComparer.Ordinal).ThenByDescending(b => b.Year).ThenBy(b => b.Category)];
    }

    /// <summary>A binder's papers in order; empty when the binder does not exist or is outside the reader's scope.</summary>
    public async Task<IReadOnlyList<Paper>> ContentsAsync(int branchId, KeptCategory category, int year, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.ElectronicFilesRead, ct);
        var papers = await (
            from k in db.KeptOriginals.AsNoTracking()
            where k.BranchId == branchId && k.Category == category && k.Year == year
            join d in db.ScannedDocuments on k.DocumentId equals d.Id
            orderby k.RegisterDate, k.DocumentId
            select new { k.DocumentId, d.FileId, d.File.Number, d.File.PersonName, TypeName = d.Type.Name, k.RegisterNumber, k.RegisterDate, k.FiledBy, k.FiledAt })
            .ToListAsync(ct);
        var people = papers.Select(p => p.FiledBy).Distinct().ToList();
        var names = await db.Users.Where(u => people.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.FullName, ct);
        return [.. papers.Select((p, i) => new Paper(i + 1, p.DocumentId, p.FileId, p.Number, p.PersonName, p.TypeName, p.RegisterNumber, p.RegisterDate,
            names.GetValueOrDefault(p.FiledBy, p.FiledBy), p.FiledAt))];
    }

    /// <summary>The place of a kept original: the papers of its binder registered before it (or the same day and filed before it), plus one.</summary>
    internal static async Task<BinderPlace?> PlaceAsync(PortalDbContext db, int documentId, CancellationToken ct)
    {
        var kept = await db.KeptOriginals.AsNoTracking().SingleOrDefaultAsync(k => k.DocumentId == documentId, ct);
        if (kept is null) return null;
        var before = await db.KeptOriginals.CountAsync(k => k.BranchId == kept.BranchId && k.Category == kept.Category && k.Year == kept.Year
            && (k.RegisterDate < kept.RegisterDate || (k.RegisterDate == kept.RegisterDate && k.DocumentId < kept.DocumentId)), ct);
        return new BinderPlace(kept.Category, kept.Year, before + 1);
    }

    /// <summary>The places of a file's kept originals, by document.</summary>
    internal static async Task<IReadOnlyDictionary<int, BinderPlace>> PlacesAsync(PortalDbContext db, IEnumerable<int> documentIds, CancellationToken ct)
    {
        var places = new Dictionary<int, BinderPlace>();
        foreach (var id in documentIds)
            if (await PlaceAsync(db, id, ct) is { } place) places[id] = place;
        return places;
    }
}
