using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Domain.Contracts;

/// <summary>Active contracts whose last day has passed become expired. Run by the host each hour.</summary>
public static class ContractExpiry
{
    /// <summary>Marks them expired; returns how many.</summary>
    public static async Task<int> ExpireDueAsync(PortalDbContext db, DateOnly today, CancellationToken ct = default)
    {
        var due = await db.Contracts.Where(c => c.Status == ContractStatus.Active && c.EndsOn < today).ToListAsync(ct);
        foreach (var contract in due) contract.Expire(today);
        await db.SaveChangesAsync(ct);
        return due.Count;
    }
}
