namespace Portal.Domain.SignIn;

/// <summary>
/// Settings <c>Auth:SignIn:*</c> and <c>Auth:AbsoluteLifetimeHours</c>. Failures lock a (name, address) pair, never an
/// account as a whole, so that a stranger's guesses cannot keep the owner out; an address that fails too often with any
/// names is throttled.
/// </summary>
public sealed class SignInLimits
{
    /// <summary>Failures of one name from one address within <see cref="LockoutMinutes"/> that lock that pair.</summary>
    public int MaxFailures { get; init; } = 5;
    public int LockoutMinutes { get; init; } = 15;
    /// <summary>Failures from one address, whatever the names, within <see cref="PerAddressWindowMinutes"/> that throttle it.</summary>
    public int PerAddressFailures { get; init; } = 20;
    public int PerAddressWindowMinutes { get; init; } = 15;
    /// <summary>Sign-in attempts older than this are deleted by the hourly housekeeping.</summary>
    public int RetentionDays { get; init; } = 365;
    /// <summary>A session ends this long after sign-in even if it kept sliding (<c>Auth:AbsoluteLifetimeHours</c>).</summary>
    public double AbsoluteLifetimeHours { get; init; } = 12;

    public TimeSpan AbsoluteLifetime => TimeSpan.FromHours(AbsoluteLifetimeHours);
}
