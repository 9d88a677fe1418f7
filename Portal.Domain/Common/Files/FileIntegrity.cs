using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.Common.Files;

/// <summary>
/// Re-hashes every file the database refers to and records what changed or went missing. A file is referred to by a
/// string property whose name ends in <c>Sha256</c> (Contract.PdfSha256, Circular.Sha256, …): a module that stores files
/// that way is checked without being named here.
/// </summary>
public sealed class FileIntegrity(IDbContextFactory<PortalDbContext> factory, IFileStore store, TimeProvider clock)
{
    public const string HashSuffix = "Sha256";

    /// <summary>One pass over every referred file; its findings are saved and returned.</summary>
    public async Task<FileCheck> RunAsync(CancellationToken ct = default)
    {
        await using var db = PortalDb.Open(factory, Actor.System);
        var check = new FileCheck(clock.GetUtcNow());
        foreach (var (sha, heldBy) in await ReferredAsync(db, ct))
        {
            await using var content = await store.OpenReadAsync(sha, ct);
            if (content is null)
            {
                check.Found(sha, FileProblem.Missing, heldBy);
                continue;
            }
            var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
            check.Checked(content.Length);
            if (actual != sha) check.Found(sha, FileProblem.Changed, heldBy);
        }
        check.Finish(clock.GetUtcNow());
        db.Add(check);
        await db.SaveChangesAsync(ct);
        return check;
    }

    /// <summary>The latest finished pass, with its findings; null before the first.</summary>
    public async Task<FileCheck?> LatestAsync(CancellationToken ct = default)
    {
        await using var db = PortalDb.Open(factory, Actor.System);
        return await Latest(db).Include(c => c.Findings).AsNoTracking().FirstOrDefaultAsync(ct);
    }

    /// <summary>True when no pass has finished within <paramref name="every"/>: the scheduled job's question.</summary>
    public async Task<bool> DueAsync(TimeSpan every, CancellationToken ct = default)
    {
        await using var db = PortalDb.Open(factory, Actor.System);
        var last = await Latest(db).Select(c => (DateTimeOffset?)c.StartedAt).FirstOrDefaultAsync(ct);
        return last is null || clock.GetUtcNow() - last >= every;
    }

    private static IQueryable<FileCheck> Latest(PortalDbContext db) =>
        db.FileChecks.Where(c => c.FinishedAt != null).OrderByDescending(c => c.Id);

    /// <summary>
    /// Every distinct hash the tables hold, with the columns that hold it ("Contracts.PdfSha256"), in hash order. Public
    /// for backup and restore, which copy exactly these files (on a backup's own copy of the database).
    /// </summary>
    public static async Task<IReadOnlyList<(string Sha, string HeldBy)>> ReferredAsync(PortalDbContext db, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var held = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (table, schema, column) in HashColumns(db.Model))
        {
            var name = sql.DelimitIdentifier(table, schema);
            var col = sql.DelimitIdentifier(column);
            // Raw SQL on purpose: the check is the system's, over every province, with no query filter in the way.
#pragma warning disable EF1002 // identifiers come from the model, not from input
            var hashes = await db.Database.SqlQueryRaw<string>($"SELECT DISTINCT {col} AS \"Value\" FROM {name} WHERE {col} IS NOT NULL").ToListAsync(ct);
#pragma warning restore EF1002
            foreach (var sha in hashes)
            {
                if (!held.TryGetValue(sha, out var where)) held[sha] = where = new SortedSet<string>(StringComparer.Ordinal);
                where.Add($"{table}.{column}");
            }
        }
        return held.Select(h => (h.Key, string.Join(", ", h.Value))).ToList();
    }

    private static IEnumerable<(string Table, string? Schema, string Column)> HashColumns(IModel model) =>
        model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .SelectMany(e => e.GetProperties()
                .Where(p => p.ClrType == typeof(string) && p.Name.EndsWith(HashSuffix, StringComparison.Ordinal))
                .Select(p => (Table: e.GetTableName()!, Schema: e.GetSchema(),
                    Column: p.GetColumnName(StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema()))!)))
            .Distinct();
}

/// <summary>The administrator's view of the integrity check: the latest pass, and a pass on demand.</summary>
public sealed class StoredFilesDesk(FileIntegrity integrity, ICurrentUser user)
{
    public async Task<FileCheck?> LatestAsync(CancellationToken ct = default)
    {
        await user.RequireAsync(Permission.Administer);
        return await integrity.LatestAsync(ct);
    }

    public async Task<FileCheck> CheckNowAsync(CancellationToken ct = default)
    {
        await user.RequireAsync(Permission.Administer);
        return await integrity.RunAsync(ct);
    }
}
