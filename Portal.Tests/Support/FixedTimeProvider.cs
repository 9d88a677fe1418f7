namespace Portal.Tests.Support;

/// <summary>A clock stopped at one instant, so the layout's "today" is deterministic.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => utcNow.ToUniversalTime();
}
