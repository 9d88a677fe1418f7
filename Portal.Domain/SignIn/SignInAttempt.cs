namespace Portal.Domain.SignIn;

/// <summary>How one sign-in attempt ended.</summary>
public enum SignInOutcome { Success = 1, WrongPassword, UnknownName, Locked, Disabled, Throttled, TwoFactorFailed }

/// <summary>
/// One sign-in attempt, kept for the administrators (who tried which name, from where, and how it ended) and for the
/// limits: failures are counted per address and per (name, address) from these rows. The name is kept as typed after
/// normalisation, also when no account has it; <see cref="UserId"/> is set when one has.
/// </summary>
public sealed class SignInAttempt
{
    public const int NameLength = 256;
    /// <summary>An IPv6 address in text is at most 45 characters.</summary>
    public const int AddressLength = 45;

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string UserName { get; private set; } = "";
    public string Address { get; private set; } = "";
    public SignInOutcome Outcome { get; private set; }
    public string? UserId { get; private set; }

    private SignInAttempt() { }

    public SignInAttempt(string userName, string address, SignInOutcome outcome, string? userId, DateTimeOffset at)
    {
        UserName = NormaliseName(userName);
        Address = address.Length > AddressLength ? address[..AddressLength] : address;
        Outcome = outcome;
        UserId = userId;
        At = at;
    }

    /// <summary>The outcomes that count towards the limits: a wrong guess, whichever part was wrong.</summary>
    public static readonly SignInOutcome[] Failures = [SignInOutcome.WrongPassword, SignInOutcome.UnknownName, SignInOutcome.TwoFactorFailed];

    /// <summary>What the owner of an account is told about: guesses at it, and guesses refused by its lock.</summary>
    public static readonly SignInOutcome[] OwnerNotice = [SignInOutcome.WrongPassword, SignInOutcome.TwoFactorFailed, SignInOutcome.Locked, SignInOutcome.Throttled];

    /// <summary>User names compare without case (as Identity's own lookup does), after the portal's text normalisation.</summary>
    public static string NormaliseName(string? userName)
    {
        var name = Common.TextNormalizer.Normalize(userName).ToLowerInvariant();
        return name.Length > NameLength ? name[..NameLength] : name;
    }
}
