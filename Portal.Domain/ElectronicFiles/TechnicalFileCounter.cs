using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Domain.ElectronicFiles;

/// <summary>
/// The last file sequence used per branch. Taken by one atomic upsert, like contract numbers, so two clerks registering
/// at the same moment never get the same number; a number whose registration then fails is skipped, never reused.
/// </summary>
public sealed class TechnicalFileCounter
{
    public int BranchId { get; private set; }
    public int Last { get; private set; }

    private TechnicalFileCounter() { }

    internal static async Task<int> NextAsync(PortalDbContext db, int branchId, CancellationToken ct)
    {
        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO "TechnicalFileCounters" ("BranchId", "Last") VALUES ({branchId}, 1)
            ON CONFLICT ("BranchId") DO UPDATE SET "Last" = "TechnicalFileCounters"."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct);
        return next.Single();
    }

    /// <summary>The branch's code and the sequence: BR-08-01-000123.</summary>
    public static string Number(string branchCode, int sequence) =>
        $"{branchCode}-{sequence.ToString("000000", System.Globalization.CultureInfo.InvariantCulture)}";
}
