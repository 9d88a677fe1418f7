using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Portal.Domain.Data;

namespace Portal.Demo;

/// <summary>
/// <see cref="InsuredSeeder"/>'s PostgreSQL path, for tens of millions of persons (the eligibility bench seeds ten
/// million): binary <c>COPY</c> instead of INSERTs, in one transaction, so a failed seed leaves nothing behind. For the
/// load the three tables' secondary indexes and foreign keys are dropped and made again from their own definitions
/// (<c>pg_get_indexdef</c>, <c>pg_get_constraintdef</c>) before the commit: one sort per index and one join per key
/// instead of ten million random index inserts and fifty million per-row key checks. Persons are made on another thread
/// while the previous chunk is being copied, so the generator and the server overlap.
/// </summary>
internal static class InsuredCopy
{
    private static readonly string[] Tables = ["InsuredPersons", "PremiumMonths", "RegisteredMobiles"];

    public static async Task<InsuredSeedResult> SeedAsync(PortalDbContext db, IEnumerable<InsuredSeeder.Chunk> chunks, Stopwatch watch, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var tx = await connection.BeginTransactionAsync(ct);
            await ExecuteAsync(connection, "SET LOCAL maintenance_work_mem = '512MB'", ct);
            var tables = string.Join(", ", Tables.Select(t => $"'\"{t}\"'::regclass"));
            // Foreign keys first (they may rest on the indexes), made again in the reverse order.
            var keys = await ListAsync(connection, $"""
                SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname),
                       format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
                FROM pg_constraint WHERE contype = 'f' AND conrelid IN ({tables}) ORDER BY conname
                """, ct);
            var indexes = await ListAsync(connection, $"""
                SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
                FROM pg_index i
                WHERE i.indrelid IN ({tables}) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                ORDER BY i.indexrelid::regclass::text
                """, ct);
            foreach (var (drop, _) in keys.Concat(indexes)) await ExecuteAsync(connection, drop, ct);

            // The next chunk is made while this one is copied (two chunks at most in memory).
            var made = Channel.CreateBounded<InsuredSeeder.Chunk>(1);
            var producer = Task.Run(async () =>
            {
                try
                {
                    foreach (var chunk in chunks) await made.Writer.WriteAsync(chunk, ct);
                    made.Writer.Complete();
                }
                catch (Exception e)
                {
                    made.Writer.Complete(e);
                }
            }, ct);
            var (written, premiumCount, mobileCount) = (0, 0, 0);
            await foreach (var chunk in made.Reader.ReadAllAsync(ct))
            {
                await CopyAsync(connection, "InsuredPersons", InsuredSeeder.PersonColumns, chunk.Persons, static (w, p) =>
                {
                    w.Write(p.Id, NpgsqlDbType.Bigint);
                    w.Write(p.NationalId, NpgsqlDbType.Varchar);
                    w.Write(p.FirstName, NpgsqlDbType.Varchar);
                    w.Write(p.LastName, NpgsqlDbType.Varchar);
                    w.Write(p.BirthDate, NpgsqlDbType.Date);
                    w.Write((int)p.Sex, NpgsqlDbType.Integer);
                    w.Write((int)p.Relation, NpgsqlDbType.Integer);
                    if (p.PrincipalId is { } principal) w.Write(principal, NpgsqlDbType.Bigint); else w.WriteNull();
                    w.Write(p.BranchId, NpgsqlDbType.Integer);
                    w.Write(p.PensionActive, NpgsqlDbType.Boolean);
                    if (p.EnrolmentValidUntil is { } until) w.Write(until, NpgsqlDbType.Date); else w.WriteNull();
                    w.Write(p.BirthCertificateOnFile, NpgsqlDbType.Boolean);
                }, ct);
                await CopyAsync(connection, "PremiumMonths", ["PersonId", "Period", "PaidDays"], chunk.Premiums, static (w, m) =>
                {
                    w.Write(m.PersonId, NpgsqlDbType.Bigint);
                    w.Write(m.Period, NpgsqlDbType.Integer);
                    w.Write(m.PaidDays, NpgsqlDbType.Integer);
                }, ct);
                await CopyAsync(connection, "RegisteredMobiles", ["PersonId", "Mobile"], chunk.Mobiles, static (w, m) =>
                {
                    w.Write(m.PersonId, NpgsqlDbType.Bigint);
                    w.Write(m.Mobile, NpgsqlDbType.Varchar);
                }, ct);
                (written, premiumCount, mobileCount) = (written + chunk.Persons.Count, premiumCount + chunk.Premiums.Count, mobileCount + chunk.Mobiles.Count);
            }
            await producer;

            foreach (var (_, create) in indexes) await ExecuteAsync(connection, create, ct);
            foreach (var (_, add) in Enumerable.Reverse(keys)) await ExecuteAsync(connection, add, ct);
            // Explicit ids: move the identity past them.
            await ExecuteAsync(connection, """SELECT setval(pg_get_serial_sequence('"InsuredPersons"', 'Id'), (SELECT MAX("Id") FROM "InsuredPersons"))""", ct);
            await tx.CommitAsync(ct);
            // The planner's statistics, so the inquiry's reads use the indexes from the first request.
            await ExecuteAsync(connection, """ANALYZE "InsuredPersons", "PremiumMonths", "RegisteredMobiles" """, ct);
            return new InsuredSeedResult(written, premiumCount, mobileCount, watch.Elapsed);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string table, string[] columns, List<T> rows, Action<NpgsqlBinaryImporter, T> write,
        CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            importer.StartRow();
            write(importer, row);
        }
        await importer.CompleteAsync(ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<List<(string, string)>> ListAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync(ct)) rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }
}
