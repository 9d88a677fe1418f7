using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.ElectronicFiles;

/// <summary>
/// The headings and document types the administrator keeps (seed 003, part 1 step 12, part 2 §4). Nothing is deleted:
/// a heading or type no longer used is retired, so the documents indexed under it keep their label.
/// </summary>
public sealed class DocumentTaxonomyRegistry(PortalDb portalDb)
{
    public sealed record TypeRow(int Id, string Code, string Name, bool IsActive, int Documents);

    public sealed record GroupRow(int Id, string Code, string Name, bool IsActive, IReadOnlyList<TypeRow> Types);

    public async Task<IReadOnlyList<GroupRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.DocumentTaxonomyEdit, ct);
        var groups = await db.DocumentGroups.AsNoTracking().OrderBy(g => g.SortOrder).ThenBy(g => g.Id).ToListAsync(ct);
        var types = await db.DocumentTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        var used = await db.ScannedDocuments.IgnoreQueryFilters().GroupBy(d => d.TypeId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return [.. groups.Select(g => new GroupRow(g.Id, g.Code, g.Name, g.IsActive,
            [.. types.Where(t => t.GroupId == g.Id).Select(t => new TypeRow(t.Id, t.Code, t.Name, t.IsActive, used.GetValueOrDefault(t.Id)))]))];
    }

    /// <summary>A new heading after the others; its code is the next two-digit number.</summary>
    public async Task<int> AddGroupAsync(string name, CancellationToken ct = default)
    {
        return await DbErrors.RetryNumberingAsync(async () =>
        {
            await using var db = await portalDb.OpenForAsync(Permission.DocumentTaxonomyEdit, ct);
            var checkedName = DocumentGroup.Check(name);
            var codes = await db.DocumentGroups.Select(g => g.Code).ToListAsync(ct);
            var next = codes.Select(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty().Max() + 1;
            var order = await db.DocumentGroups.Select(g => (int?)g.SortOrder).MaxAsync(ct) ?? 0;
            var group = new DocumentGroup(next.ToString("00", CultureInfo.InvariantCulture), checkedName, order + 10);
            db.DocumentGroups.Add(group);
            await db.SaveChangesAsync(ct);
            return group.Id;
        });
    }

    /// <summary>A new type under a heading; its code is the heading's and the next two-digit number.</summary>
    public async Task<int> AddTypeAsync(int groupId, string name, CancellationToken ct = default)
    {
        return await DbErrors.RetryNumberingAsync(async () =>
        {
            await using var db = await portalDb.OpenForAsync(Permission.DocumentTaxonomyEdit, ct);
            var checkedName = DocumentGroup.Check(name);
            var group = await db.DocumentGroups.SingleOrDefaultAsync(g => g.Id == groupId, ct) ?? throw DomainException.Of("ElectronicFiles.GroupNotFound");
            var siblings = await db.DocumentTypes.Where(t => t.GroupId == groupId).Select(t => new { t.Code, t.SortOrder }).ToListAsync(ct);
            var next = siblings.Select(s => s.Code.StartsWith(group.Code, StringComparison.Ordinal)
                    && int.TryParse(s.Code[group.Code.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty().Max() + 1;
            var type = new DocumentType(group, group.Code + next.ToString("00", CultureInfo.InvariantCulture), checkedName,
                siblings.Select(s => s.SortOrder).DefaultIfEmpty().Max() + 10);
            db.DocumentTypes.Add(type);
            await db.SaveChangesAsync(ct);
            return type.Id;
        });
    }

    public async Task RenameGroupAsync(int id, string name, CancellationToken ct = default) =>
        await ChangeAsync(db => db.DocumentGroups.SingleOrDefaultAsync(g => g.Id == id, ct), g => g.Rename(name), "ElectronicFiles.GroupNotFound", ct);

    public async Task RenameTypeAsync(int id, string name, CancellationToken ct = default) =>
        await ChangeAsync(db => db.DocumentTypes.SingleOrDefaultAsync(t => t.Id == id, ct), t => t.Rename(name), "ElectronicFiles.TypeNotFound", ct);

    /// <summary>Retires a heading (no new document goes under any of its types) or brings it back.</summary>
    public async Task SetGroupActiveAsync(int id, bool active, CancellationToken ct = default) =>
        await ChangeAsync(db => db.DocumentGroups.SingleOrDefaultAsync(g => g.Id == id, ct), g => g.SetActive(active), "ElectronicFiles.GroupNotFound", ct);

    public async Task SetTypeActiveAsync(int id, bool active, CancellationToken ct = default) =>
        await ChangeAsync(db => db.DocumentTypes.SingleOrDefaultAsync(t => t.Id == id, ct), t => t.SetActive(active), "ElectronicFiles.TypeNotFound", ct);

    private async Task ChangeAsync<T>(Func<PortalDbContext, Task<T?>> find, Action<T> change, string notFound, CancellationToken ct) where T : class
    {
        await using var db = await portalDb.OpenForAsync(Permission.DocumentTaxonomyEdit, ct);
        change(await find(db) ?? throw DomainException.Of(notFound));
        await db.SaveChangesAsync(ct);
    }
}
