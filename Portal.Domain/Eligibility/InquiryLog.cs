using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Logging;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.Eligibility;

/// <summary>
/// The inquiry log, written by group commit: each inquiry waits until its own row is committed before it is answered
/// (so no answered inquiry is ever missing from the log, and its number, which the tracking code is made from, is known),
/// and one transaction carries every inquiry that arrived while the previous one was being written. That is what lets
/// one SQLite file keep up with thousands of inquiries a second.
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
        Writer? writer = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(ct))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending)) batch.Add(pending);
                try
                {
                    writer ??= await Writer.OpenAsync(factory, ct);
                    var ids = await writer.WriteAsync(batch, ct);
                    for (var n = 0; n < batch.Count; n++)
                    {
                        batch[n].Inquiry.Logged(ids[n]);
                        batch[n].Written.TrySetResult();
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Writing {Count} inquiries to the log failed; their callers are told", batch.Count);
                    foreach (var p in batch) p.Written.TrySetException(e);
                    // The next burst gets a fresh connection: this one's state is unknown.
                    if (writer is not null) await writer.DisposeAsync();
                    writer = null;
                }
                batch.Clear();
            }
        }
        finally
        {
            if (writer is not null) await writer.DisposeAsync();
        }
    }

    /// <summary>
    /// The writer's own connection, held for its life, and one prepared INSERT … RETURNING the row's number, run per row in
    /// one transaction per burst. EF's SaveChanges would track each row and build its command anew; at thousands of rows a
    /// second that overhead, and opening a context per burst, were the hot path's. The statement and the values'
    /// conversions come from the EF model, so the columns and types are the model's.
    /// </summary>
    private sealed class Writer : IAsyncDisposable
    {
        private readonly PortalDbContext _db;
        private readonly DbCommand _insert;
        private readonly (DbParameter Parameter, PropertyInfo Property, ValueConverter? Converter)[] _columns;
        // Over the network (PostgreSQL) a burst's rows go as one batch of the same INSERT … RETURNING, one round trip
        // with each row's number read back in order; one round trip a row made the writer the inquiry's bottleneck.
        // SQLite has no batches and no round trips: its rows go one by one, as above.
        private readonly string? _batchInsert;

        private Writer(PortalDbContext db)
        {
            _db = db;
            var entity = db.Model.FindEntityType(typeof(Inquiry))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var properties = entity.GetProperties().Where(p => !p.IsPrimaryKey()).ToArray();
            _insert = db.Database.GetDbConnection().CreateCommand();
            _columns = properties.Select((p, i) =>
            {
                var parameter = _insert.CreateParameter();
                parameter.ParameterName = "@p" + i;
                _insert.Parameters.Add(parameter);
                return (parameter, p.PropertyInfo!, p.GetTypeMapping().Converter);
            }).ToArray();
            var names = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""));
            var key = entity.FindPrimaryKey()!.Properties.Single().GetColumnName(table);
            _insert.CommandText = $"INSERT INTO \"{table.Name}\" ({names}) VALUES ({string.Join(", ", _columns.Select(c => c.Parameter.ParameterName))}) RETURNING \"{key}\"";
            if (!db.Database.IsSqlite() && db.Database.GetDbConnection().CanCreateBatch)
                _batchInsert = $"INSERT INTO \"{table.Name}\" ({names}) VALUES ({string.Join(", ", _columns.Select((_, i) => "$" + (i + 1)))}) RETURNING \"{key}\"";
        }

        public static async Task<Writer> OpenAsync(IDbContextFactory<PortalDbContext> factory, CancellationToken ct)
        {
            var db = PortalDb.Open(factory, Actor.System);
            await db.Database.OpenConnectionAsync(ct);
            // The inquiries wait for the commit, so its sync is their latency: in WAL mode NORMAL appends without waiting
            // for the disk. A committed row survives the server process failing; only a power cut can take the last
            // moment's rows. The connection is the writer's alone and gets FULL back before it returns to the pool.
            if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = NORMAL", ct);
            return new Writer(db);
        }

        /// <summary>Writes the burst in one transaction; returns each row's number, in order.</summary>
        public async Task<long[]> WriteAsync(List<Pending> batch, CancellationToken ct)
        {
            var ids = new long[batch.Count];
            await using var transaction = await _db.Database.GetDbConnection().BeginTransactionAsync(ct);
            if (_batchInsert is not null)
            {
                await WriteBatchAsync(batch, transaction, ids, ct);
                await transaction.CommitAsync(ct);
                return ids;
            }
            _insert.Transaction = transaction;
            for (var n = 0; n < batch.Count; n++)
            {
                foreach (var (parameter, property, converter) in _columns)
                {
                    var value = property.GetValue(batch[n].Inquiry);
                    parameter.Value = (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
                }
                ids[n] = Convert.ToInt64(await _insert.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            }
            await transaction.CommitAsync(ct);
            return ids;
        }

        private async Task WriteBatchAsync(List<Pending> pending, DbTransaction transaction, long[] ids, CancellationToken ct)
        {
            await using var batch = _db.Database.GetDbConnection().CreateBatch();
            batch.Transaction = transaction;
            foreach (var p in pending)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = _batchInsert!;
                foreach (var (_, property, converter) in _columns)
                {
                    var parameter = command.CreateParameter();
                    var value = property.GetValue(p.Inquiry);
                    parameter.Value = (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }
                batch.BatchCommands.Add(command);
            }
            await using var rows = await batch.ExecuteReaderAsync(ct);
            for (var n = 0; n < ids.Length; n++)
            {
                if (n > 0) await rows.NextResultAsync(ct);
                if (!await rows.ReadAsync(ct)) throw new InvalidOperationException("The log's INSERT returned no number.");
                ids[n] = rows.GetInt64(0);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _insert.DisposeAsync();
            try
            {
                if (_db.Database.IsSqlite()) await _db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = FULL");
            }
            finally
            {
                await _db.DisposeAsync();
            }
        }
    }
}
