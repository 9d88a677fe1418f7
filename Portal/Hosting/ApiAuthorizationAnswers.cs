using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Portal.Hosting;

/// <summary>
/// An API (<c>/api</c>, <c>/fhir</c>) refused by authorization answers 401 (no or unknown credentials) or 403 with a
/// Persian message, whichever scheme its policy uses: never the sign-in cookie's redirect to the HTML sign-in page,
/// which a centre's software would follow and read as a 200.
/// </summary>
public sealed class ApiAuthorizationAnswers : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _pages = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!Refusals.IsApi(context.Request.Path) || authorizeResult.Succeeded) return _pages.HandleAsync(next, context, policy, authorizeResult);
        return Refusals.WriteAsync(context, authorizeResult.Challenged ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden);
    }
}
