namespace Portal.Domain.Eligibility;

/// <summary>
/// The personal inquiry's settings (section <c>Eligibility:Personal</c>): the code's life and tries, the start step's
/// minimum answer time, and the request limits per client IP (enforced by the host's rate limiter), per national ID and
/// per mobile (enforced here, since they are in the request's body).
/// </summary>
public sealed class PersonalInquiryOptions
{
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(3);
    public int MaxAttempts { get; set; } = 5;
    /// <summary>The start step never answers sooner than this, so a match, a mismatch and an unknown ID take the same time.</summary>
    public TimeSpan MinimumStartTime { get; set; } = TimeSpan.FromMilliseconds(300);
    public int PerIpPermits { get; set; } = 30;
    public TimeSpan PerIpWindow { get; set; } = TimeSpan.FromMinutes(1);
    public int PerNationalIdPermits { get; set; } = 5;
    public TimeSpan PerNationalIdWindow { get; set; } = TimeSpan.FromMinutes(10);
    public int PerMobilePermits { get; set; } = 5;
    public TimeSpan PerMobileWindow { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// How many codes may be asked for one national ID and for one mobile in a window. Both are checked after the input is
/// valid and before anything is looked up, for every ID alike, so a refusal says nothing about whether the ID is known.
/// The host implements it with System.Threading.RateLimiting.
/// </summary>
public interface IPersonalInquiryLimiter
{
    /// <summary>Takes one permit for the ID and one for the mobile; when either is used up, says how long to wait.</summary>
    bool TryAcquire(string nationalId, string mobile, out TimeSpan retryAfter);
}
