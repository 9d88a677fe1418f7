namespace Portal.Domain.SignIn;

/// <summary>
/// The server's record of one signed-in browser: its id travels in the sign-in cookie, and a cookie whose session has
/// ended (signed out) or passed its absolute lifetime is refused, however long its own sliding expiry still runs.
/// One record per sign-in, so signing out in one browser leaves the user's other browsers signed in.
/// </summary>
public sealed class SignInSession
{
    public Guid Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string Address { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    /// <summary>The owner has closed the notice of failed attempts before this sign-in.</summary>
    public bool FailuresNoticeClosed { get; private set; }

    private SignInSession() { }

    public SignInSession(string userId, string address, DateTimeOffset startedAt, TimeSpan absoluteLifetime)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        Address = address.Length > SignInAttempt.AddressLength ? address[..SignInAttempt.AddressLength] : address;
        StartedAt = startedAt;
        ExpiresAt = startedAt + absoluteLifetime;
    }

    public void End(DateTimeOffset at) => EndedAt ??= at;

    public void CloseFailuresNotice() => FailuresNoticeClosed = true;
}
