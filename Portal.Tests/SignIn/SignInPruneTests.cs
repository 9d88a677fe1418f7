using Microsoft.EntityFrameworkCore;
using Portal.Domain.SignIn;

namespace Portal.Tests.SignIn;

/// <summary>The housekeeping keeps the sign-in log from growing forever: attempts past the retention and dead sessions go.</summary>
public sealed class SignInPruneTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public async Task InitializeAsync() => await _portal.SeededAsync();
    public Task DisposeAsync() { _portal.Dispose(); return Task.CompletedTask; }

    [Fact]
    public async Task Prune_DeletesAttemptsPastTheRetentionAndExpiredSessions_KeepsTheRest()
    {
        var now = DateTimeOffset.UtcNow;
        await using (var db = Acting.SystemDb(_portal))
        {
            db.SignInAttempts.AddRange(
                new SignInAttempt("old.name", "10.0.0.1", SignInOutcome.UnknownName, null, now.AddDays(-366)),
                new SignInAttempt("recent.name", "10.0.0.1", SignInOutcome.UnknownName, null, now.AddDays(-364)));
            db.SignInSessions.AddRange(new SignInSession("u1", "10.0.0.1", now.AddDays(-3), TimeSpan.FromHours(12)),
                new SignInSession("u2", "10.0.0.1", now.AddHours(-1), TimeSpan.FromHours(12)));
            await db.SaveChangesAsync();
        }

        await using (var db = Acting.SystemDb(_portal))
            Assert.Equal(2, await SignInGuard.PruneAsync(db, now, new SignInLimits { RetentionDays = 365 }));

        await using var check = Acting.SystemDb(_portal);
        Assert.Equal(["recent.name"], await check.SignInAttempts.Where(a => a.Address == "10.0.0.1").Select(a => a.UserName).ToListAsync());
        Assert.Equal(["u2"], await check.SignInSessions.Where(s => s.Address == "10.0.0.1").Select(s => s.UserId).ToListAsync());
    }
}
