using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Logging;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.Eligibility;

/// <summary>
/// The inquiry log, written by group commit: each inquiry waits until its own row is committed before it is answered
/// (so no answered inquiry is ever missing from the log), and one transaction carries every inquiry that arrived while
/// the previous one was being written. That is what lets one SQLite file keep up with thousands of inquiries a second.
/// The host runs <see cref="RunAsync"/> and calls <see cref="Complete"/> on shutdown, which drains what is queued.
/// </summary>
public sealed class InquiryLog(IDbContextFactory<PortalDbContext> factory, ILogger<InquiryLog> logger)
{
    private const int MaxBatch = 1000;
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(20_000) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private sealed record Pending(Inquiry Inquiry, TaskCompletionSource Written);

    /// <summary>Queues the inquiry and returns once it is committed; throws when the log cannot take it (shutting down, or the write failed).</summary>
    public async Task RecordAsync(Inquiry inquiry, CancellationToken ct = default)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync(new Pending(inquiry, written), ct);
        // Not cancellable from here on: the row is on its way, and the answer must not go out before it is written.
        await written.Task;
    }

    public void Complete() => _queue.Writer.TryComplete();

    public async Task RunAsync(CancellationToken ct = default)
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(ct))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending)) batch.Add(pending);
            try
            {
                await WriteAsync(batch, ct);
                foreach (var p in batch) p.Written.TrySetResult();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Writing {Count} inquiries to the log failed; their callers are told", batch.Count);
                foreach (var p in batch) p.Written.TrySetException(e);
            }
            batch.Clear();
        }
    }

    /// <summary>
    /// One transaction, one prepared INSERT run per row. EF's SaveChanges would track each row and send its own command
    /// reading the new key back; the log needs neither, and at thousands of rows a second that overhead is the hot path's.
    /// The statement and the values' conversions come from the EF model, so the columns and types are the model's.
    /// </summary>
    private async Task WriteAsync(List<Pending> batch, CancellationToken ct)
    {
        await using var db = PortalDb.Open(factory, Actor.System);
        await db.Database.OpenConnectionAsync(ct);
        // The inquiries wait for this commit, so its sync is their latency: in WAL mode NORMAL appends without waiting for
        // the disk. A committed row survives the server process failing; only a power cut can take the last moment's rows.
        // (The pooled connection gets FULL back before it is reused.)
        var sqlite = db.Database.IsSqlite();
        if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = NORMAL", ct);
        try
        {
            await InsertAsync(db, batch, ct);
        }
        finally
        {
            if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = FULL", CancellationToken.None);
        }
    }

    private async Task InsertAsync(PortalDbContext db, List<Pending> batch, CancellationToken ct)
    {
        var (sql, columns) = _insert ??= InsertOf(db);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        var parameters = columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        foreach (var pending in batch)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                var value = columns[i].Property.PropertyInfo!.GetValue(pending.Inquiry);
                parameters[i].Value = (value is null ? null : columns[i].Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    private (string Sql, (IProperty Property, ValueConverter? Converter)[] Columns)? _insert;

    private static (string, (IProperty, ValueConverter?)[]) InsertOf(PortalDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(Inquiry))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => (p, p.GetTypeMapping().Converter)).ToArray();
        var names = string.Join(", ", columns.Select(c => $"\"{c.p.GetColumnName(table)}\""));
        var values = string.Join(", ", columns.Select((_, i) => "@p" + i));
        return ($"INSERT INTO \"{table.Name}\" ({names}) VALUES ({values})", columns);
    }
}
