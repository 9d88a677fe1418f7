using System.Security.Cryptography;
using System.Text;

namespace Portal.Domain.Eligibility;

/// <summary>How a code offered against a challenge fared.</summary>
public enum CodeCheck { Accepted = 1, Wrong, Expired, TooManyAttempts }

/// <summary>
/// The one-time code of a personal inquiry: sent to the mobile registered to the national ID, valid for a few minutes,
/// good for one answer, and refused for good after too many wrong tries. Only an HMAC of the code (keyed with a random
/// salt of its own) is kept; the id is the random handle the client holds between the two steps.
/// </summary>
public sealed class OtpChallenge
{
    public const int CodeLength = 6;

    public Guid Id { get; private set; }
    public string NationalId { get; private set; } = "";
    public string Mobile { get; private set; } = "";
    public byte[] Salt { get; private set; } = [];
    public byte[] CodeHash { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    /// <summary>Renewed on every change: two tries racing on one challenge cannot both count as the first.</summary>
    public Guid Version { get; private set; }

    private OtpChallenge() { }

    /// <summary>A new challenge and its code in clear (to be sent, never stored).</summary>
    public static (OtpChallenge Challenge, string Code) Create(string nationalId, string mobile, DateTimeOffset at, TimeSpan lifetime)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var salt = RandomNumberGenerator.GetBytes(16);
        var challenge = new OtpChallenge
        {
            Id = Guid.NewGuid(), NationalId = nationalId, Mobile = mobile, Salt = salt, CodeHash = Hash(salt, code),
            CreatedAt = at, ExpiresAt = at + lifetime, Version = Guid.NewGuid(),
        };
        return (challenge, code);
    }

    /// <summary>
    /// Checks <paramref name="code"/> (6 ASCII digits) at <paramref name="at"/>. A wrong code counts as an attempt; the
    /// right one, in time and within <paramref name="maxAttempts"/>, uses the challenge up.
    /// </summary>
    public CodeCheck Offer(string code, DateTimeOffset at, int maxAttempts)
    {
        if (UsedAt is not null || at >= ExpiresAt) return CodeCheck.Expired;
        if (Attempts >= maxAttempts) return CodeCheck.TooManyAttempts;
        Attempts++;
        Version = Guid.NewGuid();
        if (!CryptographicOperations.FixedTimeEquals(Hash(Salt, code), CodeHash))
            return Attempts >= maxAttempts ? CodeCheck.TooManyAttempts : CodeCheck.Wrong;
        UsedAt = at;
        return CodeCheck.Accepted;
    }

    public int AttemptsLeft(int maxAttempts) => Math.Max(0, maxAttempts - Attempts);

    private static byte[] Hash(byte[] salt, string code) => HMACSHA256.HashData(salt, Encoding.ASCII.GetBytes(code));
}
