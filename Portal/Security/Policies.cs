using Microsoft.AspNetCore.Authorization;
using Portal.Domain.Security;

namespace Portal.Security;

/// <summary>Every authorization policy of the portal, declared once. Pages and endpoints name these, never role strings.</summary>
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string Administration = nameof(Administration);
    public const string Organisation = nameof(Organisation);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Administration, p => p.RequireRole(Roles.SystemAdmin));
        options.AddPolicy(Organisation, p => p.RequireRole(
            Roles.SystemAdmin, Roles.HeadOffice, Roles.GeneralOffice, Roles.GeneralOfficeDirector,
            Roles.TreatmentDirectorate, Roles.ReviewOffice, Roles.Governor, Roles.CallCenter));
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}
