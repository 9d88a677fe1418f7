using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.Sms;

/// <summary>Sends a text message to a mobile (09xxxxxxxxx). Throws <see cref="SmsNotSentException"/> when it could not.</summary>
public interface ISmsSender
{
    Task SendAsync(string mobile, string text, CancellationToken ct = default);
}

/// <summary>The message was not handed to the operator (gateway down or refusing); nothing was sent.</summary>
public sealed class SmsNotSentException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A text message as the embedded sender keeps it: the demo's phone, read by administrators on the outbox page.</summary>
public sealed class SmsMessage
{
    public long Id { get; private set; }
    public string Mobile { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    private SmsMessage() { }

    public SmsMessage(string mobile, string text, DateTimeOffset at) => (Mobile, Text, At) = (mobile, text, at);
}

/// <summary>The embedded default: no operator, every message is written to the outbox table.</summary>
public sealed class OutboxSmsSender(IDbContextFactory<PortalDbContext> factory, TimeProvider clock) : ISmsSender
{
    public async Task SendAsync(string mobile, string text, CancellationToken ct = default)
    {
        await using var db = PortalDb.Open(factory, Actor.System);
        db.SmsMessages.Add(new SmsMessage(mobile, text, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The outbox page: newest first, administrators only (the codes in it are readable).</summary>
public sealed class SmsOutbox(PortalDb portalDb)
{
    public async Task<(IReadOnlyList<SmsMessage> Rows, int Total)> PageAsync(int skip, int take, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.Administer, "Sms.NotAllowed", ct);
        var total = await db.SmsMessages.CountAsync(ct);
        var rows = await db.SmsMessages.AsNoTracking().OrderByDescending(m => m.Id).Skip(skip).Take(take).ToListAsync(ct);
        return (rows, total);
    }
}
