using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Domain.Accounts;

namespace Portal.Security;

/// <summary>A disabled account cannot sign in, whatever its password.</summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<PortalUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(PortalUser user) => !user.IsDisabled && await base.CanSignInAsync(user);
}
