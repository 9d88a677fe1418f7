using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.Eligibility;

/// <summary>
/// Hands out tracking codes from blocks of the "tracking" sequence. A block is taken from the database by one atomic
/// statement, so servers sharing a database never hand out the same code; numbers of a block a server did not use
/// before stopping are skipped, never repeated.
/// </summary>
public sealed class TrackingCodes(IDbContextFactory<PortalDbContext> factory)
{
    private const string Sequence = "tracking";
    private const int BlockSize = 1000;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _refill = new(1, 1);
    private long _next;
    private long _end; // exclusive; 0 until the first block

    public async Task<string> NextAsync(CancellationToken ct = default)
    {
        while (true)
        {
            lock (_gate)
            {
                if (_next < _end) return TrackingCode.FromSequence(_next++);
            }
            await RefillAsync(ct);
        }
    }

    private async Task RefillAsync(CancellationToken ct)
    {
        await _refill.WaitAsync(ct);
        try
        {
            lock (_gate)
            {
                if (_next < _end) return; // another caller refilled meanwhile
            }
            await using var db = PortalDb.Open(factory, Actor.System);
            // The table's name from the model (the entity has no DbSet, so it is "SequenceBlock" unless configured otherwise).
            var table = db.Model.FindEntityType(typeof(SequenceBlock))!.GetTableName();
            var end = (await db.Database.SqlQueryRaw<long>($$"""
                INSERT INTO "{{table}}" ("Name", "Next") VALUES ({0}, {1})
                ON CONFLICT ("Name") DO UPDATE SET "Next" = "{{table}}"."Next" + {2}
                RETURNING "Next" AS "Value"
                """, Sequence, BlockSize, BlockSize).ToListAsync(ct)).Single();
            lock (_gate) (_next, _end) = (end - BlockSize, end);
        }
        finally
        {
            _refill.Release();
        }
    }
}
