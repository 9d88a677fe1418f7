using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Domain.Contracts;

/// <summary>
/// The last contract number used per province and Jalali year. A number is taken by one atomic statement before the
/// PDF is rendered, so offices issuing at the same moment never get the same one and nobody waits for a render.
/// A number whose issue then fails is not reused: the sequence may skip, never repeat.
/// </summary>
public sealed class ContractCounter
{
    public int ProvinceId { get; private set; }
    public int Year { get; private set; }
    public int Last { get; private set; }

    private ContractCounter() { }

    /// <summary>Takes the next sequence number (1 for a new province-year) on its own, outside any open transaction.</summary>
    internal static async Task<int> NextAsync(PortalDbContext db, int provinceId, int year, CancellationToken ct)
    {
        // One upsert with RETURNING: SQLite (3.35+) and PostgreSQL both run it atomically.
        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO "ContractCounters" ("ProvinceId", "Year", "Last") VALUES ({provinceId}, {year}, 1)
            ON CONFLICT ("ProvinceId", "Year") DO UPDATE SET "Last" = "ContractCounters"."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct);
        return next.Single();
    }
}
