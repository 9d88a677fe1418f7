using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Portal.Domain.Eligibility;
using Portal.Domain.Security;

namespace Portal.Security;

/// <summary>
/// The inquiry API's sign-in: a centre's key in the <c>X-Api-Key</c> header makes the caller that centre, in the
/// MedicalCenter role. No key, or a key that is unknown or revoked, is a 401.
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, InquiryApiKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[InquiryApiKey.Header] is not [{ Length: > 0 } secret]) return AuthenticateResult.NoResult();
        if (await keys.FindAsync(secret, Context.RequestAborted) is not { } holder) return AuthenticateResult.Fail("Unknown or revoked API key");
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, $"api-key:{holder.KeyId}"), new Claim(ClaimTypes.Name, holder.Name), new Claim(ClaimTypes.Role, Roles.MedicalCenter),
            new Claim(PortalClaims.UnitId, holder.CentreId.ToString()), new Claim(PortalClaims.ProvinceId, holder.ProvinceId.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>A centre's software is told in words, not sent to a sign-in page (the cookie scheme's way).</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Portal.Hosting.Refusals.WriteAsync(Context, StatusCodes.Status401Unauthorized);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Portal.Hosting.Refusals.WriteAsync(Context, StatusCodes.Status403Forbidden);

    /// <summary>The asking centre, as the inquiry log records it.</summary>
    public static Requester Requester(ClaimsPrincipal user)
    {
        var actor = PortalClaims.ToActor(user);
        return new Requester(actor.UserName, actor.UnitId, actor.Scope.ProvinceId);
    }
}
