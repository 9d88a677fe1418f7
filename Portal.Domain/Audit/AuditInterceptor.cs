using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every added, modified or deleted <see cref="IAudited"/> entity, in the
/// same transaction as the change. Keys of added rows exist only after the insert, so the entries are written
/// by a second save inside that transaction.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    // Secrets and bookkeeping that say nothing to an auditor (and must never be copied into a log); the search text is
    // derived from fields that are audited themselves.
    private static readonly HashSet<string> Ignored =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedUserName", "NormalizedEmail", "SearchText"];

    // Persian values stay readable in the log instead of \uXXXX escapes.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is PortalDbContext db && Capture(db) is { } batch)
            batch.Transaction = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db && Capture(db) is { } batch)
            batch.Transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is PortalDbContext { PendingAudit: { } batch } db)
        {
            Write(db, batch);
            db.SaveChanges();
            batch.Transaction?.Commit();
            batch.Transaction?.Dispose();
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext { PendingAudit: { } batch } db)
        {
            Write(db, batch);
            await db.SaveChangesAsync(cancellationToken);
            if (batch.Transaction is { } tx)
            {
                await tx.CommitAsync(cancellationToken);
                await tx.DisposeAsync();
            }
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    private static AuditBatch? Capture(PortalDbContext db)
    {
        if (db.PendingAudit is not null) return null; // the nested save that writes the entries
        var items = db.ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => new AuditItem(e, Map(e.State), ChangesOf(e)))
            .Where(i => i.Action != AuditAction.Modified || i.Changes.Count > 0)
            .ToList();
        return items.Count == 0 ? null : db.PendingAudit = new AuditBatch(items);
    }

    private void Write(PortalDbContext db, AuditBatch batch)
    {
        db.PendingAudit = null;
        // EF accepts the saved changes only after this interceptor returns; accept them now so the save of the
        // entries below does not write the same rows again. Keys of added rows are final at this point.
        db.ChangeTracker.AcceptAllChanges();
        var at = clock.GetUtcNow();
        foreach (var item in batch.Items)
        {
            var keys = item.Entry.Properties.Where(p => p.Metadata.IsPrimaryKey()).ToList();
            if (item.Action == AuditAction.Added)
                foreach (var k in keys) item.Changes[k.Metadata.Name] = [null, k.CurrentValue];
            var key = string.Join(",", keys.Select(k => k.CurrentValue));
            db.Add(new AuditEntry(at, db.Actor.UserName, item.Entry.Metadata.ClrType.Name, key, item.Action,
                JsonSerializer.Serialize(item.Changes, Json), (item.Entry.Entity as IUnitOwned)?.OwnerUnitId));
        }
    }

    private static void Abandon(DbContext? context)
    {
        if (context is not PortalDbContext { PendingAudit: { } batch } db) return;
        db.PendingAudit = null;
        batch.Transaction?.Dispose(); // rolls back
    }

    private static AuditAction Map(EntityState state) => state switch
    {
        EntityState.Added => AuditAction.Added,
        EntityState.Deleted => AuditAction.Deleted,
        _ => AuditAction.Modified,
    };

    private static Dictionary<string, object?[]> ChangesOf(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?[]>();
        foreach (var p in entry.Properties.Where(p => !Ignored.Contains(p.Metadata.Name)))
        {
            if (entry.State == EntityState.Added) changes[p.Metadata.Name] = [null, p.CurrentValue];
            else if (entry.State == EntityState.Deleted) changes[p.Metadata.Name] = [p.OriginalValue, null];
            else if (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)) changes[p.Metadata.Name] = [p.OriginalValue, p.CurrentValue];
        }
        return changes;
    }
}

public sealed record AuditItem(EntityEntry Entry, AuditAction Action, Dictionary<string, object?[]> Changes);

public sealed class AuditBatch(List<AuditItem> items)
{
    public List<AuditItem> Items { get; } = items;
    /// <summary>The transaction this batch opened, if the caller had none; committed after the entries are written.</summary>
    public IDbContextTransaction? Transaction { get; set; }
}
