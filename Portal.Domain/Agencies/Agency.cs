using Portal.Domain.Organisation;

namespace Portal.Domain.Agencies;

public enum AgencyStatus { Active = 1, Suspended, Closed }

/// <summary>An official agency (کارگزاری رسمی): reports to a general office, files its claims with a review office.</summary>
public sealed class Agency : OrgUnit
{
    public AgencyStatus Status { get; private set; } = AgencyStatus.Active;
    public int ReviewOfficeId { get; private set; }
    public OrgUnit ReviewOffice { get; private set; } = null!;
    public string ManagerName { get; private set; } = "";
    public string ManagerNationalId { get; private set; } = "";
    public string ManagerMobile { get; private set; } = "";

    private Agency() { }

    public Agency(string code, string name, Province province, OrgUnit generalOffice, OrgUnit reviewOffice)
        : base(UnitKind.Agency, code, name, province, generalOffice)
    {
        if (generalOffice.Kind != UnitKind.GeneralOffice) throw new ArgumentException("An agency reports to a general office.", nameof(generalOffice));
        if (reviewOffice.Kind != UnitKind.ReviewOffice) throw new ArgumentException("An agency files with a review office.", nameof(reviewOffice));
        ReviewOffice = reviewOffice;
    }

    /// <summary>Names the manager; the caller passes values already checked by <see cref="Common.NationalId"/> and <see cref="Common.Mobile"/>.</summary>
    public void AppointManager(string name, string nationalId, string mobile)
    {
        ManagerName = name;
        ManagerNationalId = nationalId;
        ManagerMobile = mobile;
    }

}
