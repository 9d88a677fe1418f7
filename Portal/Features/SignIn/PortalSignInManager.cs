using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Domain.Users;
using Portal.Domain.SignIn;
using Portal.Security;

namespace Portal.Features.SignIn;

/// <summary>What the sign-in form says after a password sign-in.</summary>
public enum PasswordSignIn { SignedIn, TwoFactorRequired, Failed, Locked, Throttled, Disabled }

/// <summary>
/// Password sign-in that does not tell which names exist: a name without an account costs one password hash like a
/// real one (checked against a dummy hash by the same hasher), and both answer with the same words, lock included,
/// because the limits count (name, address) pairs from the attempt log rather than a counter on the account. A disabled
/// account says so only to someone who gave its password. Every attempt is logged with the client's address; every
/// sign-in opens a server-side session whose id goes into the cookie (see <see cref="SessionCookie"/>).
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<PortalUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation, SignInGuard guard)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static string? _dummyHash;
    /// <summary>Set while a refresh re-issues the cookie: it keeps its session instead of opening a new one.</summary>
    private Guid? _keptSession;

    public override async Task<bool> CanSignInAsync(PortalUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    public async Task<PasswordSignIn> SignInWithPasswordAsync(string userName, string password)
    {
        var address = SessionCookie.ClientAddress(Context);
        var user = await UserManager.FindByNameAsync(userName);
        if (await guard.RefusalAsync(userName, address) is { } refusal)
        {
            await guard.RecordAsync(userName, address, refusal, user?.Id);
            return refusal == SignInOutcome.Throttled ? PasswordSignIn.Throttled : PasswordSignIn.Locked;
        }
        if (user is null)
        {
            UserManager.PasswordHasher.VerifyHashedPassword(new PortalUser(userName, "", 0, default), DummyHash(), password);
            return await FailedAsync(userName, address, SignInOutcome.UnknownName, null);
        }
        if (!await UserManager.CheckPasswordAsync(user, password))
            return await FailedAsync(userName, address, SignInOutcome.WrongPassword, user.Id);
        if (!await CanSignInAsync(user))
        {
            await guard.RecordAsync(userName, address, SignInOutcome.Disabled, user.Id);
            return PasswordSignIn.Disabled;
        }
        // The success is recorded when the session opens, after the second step if there is one.
        var result = await SignInOrTwoFactorAsync(user, isPersistent: false);
        return result.RequiresTwoFactor ? PasswordSignIn.TwoFactorRequired : PasswordSignIn.SignedIn;
    }

    /// <summary>The failure that reaches the limit already says so, for every name alike.</summary>
    private async Task<PasswordSignIn> FailedAsync(string userName, string address, SignInOutcome outcome, string? userId)
    {
        await guard.RecordAsync(userName, address, outcome, userId);
        return await guard.RefusalAsync(userName, address) switch
        {
            SignInOutcome.Locked => PasswordSignIn.Locked,
            SignInOutcome.Throttled => PasswordSignIn.Throttled,
            _ => PasswordSignIn.Failed,
        };
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient) =>
        await RecordSecondStepAsync(await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient));

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode) =>
        await RecordSecondStepAsync(await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode));

    private async Task<SignInResult> RecordSecondStepAsync(SignInResult result)
    {
        if (!result.Succeeded && await GetTwoFactorAuthenticationUserAsync() is { } user)
            await guard.RecordAsync(user.UserName ?? "", SessionCookie.ClientAddress(Context),
                result.IsLockedOut ? SignInOutcome.Locked : SignInOutcome.TwoFactorFailed, user.Id);
        return result;
    }

    /// <summary>Every way into the portal ends here: it opens the server-side session and names it in the cookie.</summary>
    public override async Task SignInWithClaimsAsync(PortalUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var session = _keptSession ?? await guard.StartSessionAsync(user.Id, user.UserName ?? "", SessionCookie.ClientAddress(Context));
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims.Append(new Claim(PortalClaims.Session, session.ToString())));
    }

    /// <summary>A refresh (after a password or role change) re-issues the cookie of the same session.</summary>
    public override async Task RefreshSignInAsync(PortalUser user)
    {
        var current = await Context.AuthenticateAsync(AuthenticationScheme);
        _keptSession = SessionCookie.SessionId(current.Principal);
        try { await base.RefreshSignInAsync(user); }
        finally { _keptSession = null; }
    }

    public override async Task SignOutAsync()
    {
        if (SessionCookie.SessionId(Context.User) is { } session) await guard.EndSessionAsync(session);
        await base.SignOutAsync();
    }

    /// <summary>A hash of a random password by the same hasher and settings as the accounts', made once.</summary>
    private string DummyHash() =>
        _dummyHash ??= UserManager.PasswordHasher.HashPassword(new PortalUser("dummy", "", 0, default), Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)));
}
