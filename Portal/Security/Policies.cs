using Microsoft.AspNetCore.Authorization;
using Portal.Domain.Agencies;
using Portal.Domain.Security;

namespace Portal.Security;

/// <summary>Every authorization policy of the portal, declared once. Pages and endpoints name these, never role strings.</summary>
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string Administration = nameof(Administration);
    public const string Organisation = nameof(Organisation);
    /// <summary>Every role that may read agencies; the data layer narrows each to its scope.</summary>
    public const string Agencies = nameof(Agencies);
    /// <summary>Those who keep the agency register (seed 000 §1-1): the roles the domain lets change agencies.</summary>
    public const string AgencyEditing = nameof(AgencyEditing);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Administration, p => p.RequireRole(Roles.SystemAdmin));
        options.AddPolicy(Organisation, p => p.RequireRole(
            Roles.SystemAdmin, Roles.HeadOffice, Roles.GeneralOffice, Roles.GeneralOfficeDirector,
            Roles.TreatmentDirectorate, Roles.ReviewOffice, Roles.Governor, Roles.CallCenter));
        options.AddPolicy(Agencies, p => p.RequireRole(
            Roles.SystemAdmin, Roles.HeadOffice, Roles.GeneralOffice, Roles.GeneralOfficeDirector,
            Roles.TreatmentDirectorate, Roles.ReviewOffice, Roles.AgencyManager, Roles.AgencyUser));
        options.AddPolicy(AgencyEditing, p => p.RequireRole(AgencyRegistry.Editors));
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}
