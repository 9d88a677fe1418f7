using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
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
                await using var db = PortalDb.Open(factory, Actor.System);
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                db.Inquiries.AddRange(batch.Select(p => p.Inquiry));
                await db.SaveChangesAsync(ct);
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
}
