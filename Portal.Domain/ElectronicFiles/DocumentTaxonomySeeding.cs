using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Domain.ElectronicFiles;

/// <summary>Adds the headings and types of <see cref="DocumentTaxonomySeed"/> that an installation does not have yet (by code).</summary>
internal static class DocumentTaxonomySeeding
{
    public static async Task SeedAsync(PortalDbContext db, CancellationToken ct)
    {
        var groups = await db.DocumentGroups.ToDictionaryAsync(g => g.Code, ct);
        var types = await db.DocumentTypes.Select(t => t.Code).ToHashSetAsync(ct);
        var order = 0;
        foreach (var seed in DocumentTaxonomySeed.Groups)
        {
            order++;
            if (!groups.TryGetValue(seed.Code, out var group)) db.DocumentGroups.Add(groups[seed.Code] = group = new DocumentGroup(seed.Code, seed.Name, order * 10));
            var typeOrder = 0;
            foreach (var (code, name) in seed.Types)
            {
                typeOrder++;
                if (!types.Contains(code)) db.DocumentTypes.Add(new DocumentType(group, code, name, typeOrder * 10));
            }
        }
    }
}
