namespace Portal.Tests.Support;

/// <summary>A clock stuck at one instant, so "today" is deterministic.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
