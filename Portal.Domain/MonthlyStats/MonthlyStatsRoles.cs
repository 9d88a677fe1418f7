using Portal.Domain.Security;

namespace Portal.Domain.MonthlyStats;

/// <summary>Who does what with the monthly statistics.</summary>
public static class MonthlyStatsRoles
{
    /// <summary>The agency's own users: they fill their agency's report.</summary>
    public static readonly string[] AgencyRoles = [Roles.AgencyManager, Roles.AgencyUser];

    /// <summary>Only the agency's manager submits it.</summary>
    public static readonly string[] Submitters = [Roles.AgencyManager];

    /// <summary>The review office accepts, returns, forwards and reopens.</summary>
    public static readonly string[] Reviewers = [Roles.ReviewOffice];

    /// <summary>Who follows completeness and timeliness: the review offices, the province's units and head office.</summary>
    public static readonly string[] Followers =
        [Roles.SystemAdmin, Roles.HeadOffice, Roles.GeneralOffice, Roles.GeneralOfficeDirector, Roles.TreatmentDirectorate, Roles.ReviewOffice];
}
