using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.SignIn;

/// <summary>
/// The server's side of sign-in: the limits on failed attempts (from the attempt log, the same for names with and
/// without an account), the log itself, and the sessions a sign-in cookie must name to be accepted.
/// </summary>
public sealed class SignInGuard(IDbContextFactory<PortalDbContext> factory, SignInLimits limits, TimeProvider clock)
{
    /// <summary>The failed attempts on an account between its owner's previous sign-in and this one.</summary>
    public sealed record FailuresSince(int Count, DateTimeOffset Last, IReadOnlyList<string> Addresses);

    /// <summary>Throttled or Locked when an attempt from <paramref name="address"/> must be refused unchecked; else null.</summary>
    public async Task<SignInOutcome?> RefusalAsync(string userName, string address, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = Open();
        var attempts = db.SignInAttempts.AsNoTracking();
        var addressSince = now.AddMinutes(-limits.PerAddressWindowMinutes);
        if (await attempts.CountAsync(a => a.Address == address && a.At > addressSince && SignInAttempt.Failures.Contains(a.Outcome), ct) >= limits.PerAddressFailures)
            return SignInOutcome.Throttled;

        var name = SignInAttempt.NormaliseName(userName);
        var since = now.AddMinutes(-limits.LockoutMinutes);
        var pair = attempts.Where(a => a.UserName == name && a.Address == address && a.At > since);
        // A success from the same place starts the count again.
        var lastSuccess = await pair.Where(a => a.Outcome == SignInOutcome.Success).MaxAsync(a => (DateTimeOffset?)a.At, ct);
        if (lastSuccess is { } s) pair = pair.Where(a => a.At > s);
        return await pair.CountAsync(a => SignInAttempt.Failures.Contains(a.Outcome), ct) >= limits.MaxFailures ? SignInOutcome.Locked : null;
    }

    public async Task RecordAsync(string userName, string address, SignInOutcome outcome, string? userId, CancellationToken ct = default)
    {
        await using var db = Open();
        db.SignInAttempts.Add(new SignInAttempt(userName, address, outcome, userId, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records the successful sign-in and opens its session; returns the session's id for the cookie.</summary>
    public async Task<Guid> StartSessionAsync(string userId, string userName, string address, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = Open();
        var session = new SignInSession(userId, address, now, limits.AbsoluteLifetime);
        db.SignInSessions.Add(session);
        db.SignInAttempts.Add(new SignInAttempt(userName, address, SignInOutcome.Success, userId, now));
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>One lookup by primary key: called for every request that carries a sign-in cookie.</summary>
    public async Task<bool> IsLiveAsync(Guid sessionId, string? userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = Open();
        return await db.SignInSessions.AnyAsync(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null && s.ExpiresAt > now, ct);
    }

    public async Task EndSessionAsync(Guid sessionId, CancellationToken ct = default)
    {
        await using var db = Open();
        if (await db.SignInSessions.FindAsync([sessionId], ct) is not { } session) return;
        session.End(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Failed attempts on the session's account since the sign-in before it; null when none or the notice was closed.</summary>
    public async Task<FailuresSince?> FailuresBeforeAsync(Guid sessionId, CancellationToken ct = default)
    {
        await using var db = Open();
        var session = await db.SignInSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || session.FailuresNoticeClosed) return null;
        var attempts = db.SignInAttempts.AsNoTracking().Where(a => a.UserId == session.UserId && a.At < session.StartedAt);
        var previous = await attempts.Where(a => a.Outcome == SignInOutcome.Success).MaxAsync(a => (DateTimeOffset?)a.At, ct);
        var failures = await attempts.Where(a => SignInAttempt.OwnerNotice.Contains(a.Outcome) && (previous == null || a.At > previous))
            .Select(a => new { a.At, a.Address }).ToListAsync(ct);
        if (failures.Count == 0) return null;
        return new FailuresSince(failures.Count, failures.Max(f => f.At),
            failures.GroupBy(f => f.Address).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList());
    }

    /// <summary>The owner has read the notice: it is not shown again in this session.</summary>
    public async Task CloseFailuresNoticeAsync(Guid sessionId, string userId, CancellationToken ct = default)
    {
        await using var db = Open();
        var session = await db.SignInSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, ct);
        if (session is null) return;
        session.CloseFailuresNotice();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes attempts past the retention and sessions that can no longer be used.</summary>
    public static async Task<int> PruneAsync(PortalDbContext db, DateTimeOffset now, SignInLimits limits, CancellationToken ct = default)
    {
        var attemptsBefore = now.AddDays(-limits.RetentionDays);
        var attempts = await db.SignInAttempts.Where(a => a.At < attemptsBefore).ExecuteDeleteAsync(ct);
        var sessionsBefore = now.AddDays(-1);
        var sessions = await db.SignInSessions.Where(s => s.ExpiresAt < sessionsBefore).ExecuteDeleteAsync(ct);
        return attempts + sessions;
    }

    private PortalDbContext Open() => PortalDb.Open(factory, Actor.System);
}
