using Portal.Domain.Security;

namespace Portal.Domain.Contracts;

/// <summary>
/// Who reads and who changes contracts. Query filters keep every read in the actor's scope; on top of that only the
/// review office serving an agency changes its contracts, and only <see cref="Readers"/> read them (an agency's
/// data-entry users do not).
/// </summary>
public static class ContractRoles
{
    public static readonly string[] Readers =
        [Roles.SystemAdmin, Roles.HeadOffice, Roles.GeneralOffice, Roles.GeneralOfficeDirector, Roles.TreatmentDirectorate, Roles.ReviewOffice, Roles.AgencyManager];

    public static readonly string[] Issuers = [Roles.ReviewOffice];
}
