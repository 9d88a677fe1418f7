using Portal.Domain.Organisation;

namespace Portal.Domain.Security;

/// <summary>The roles of DESIGN.md §1. Each user holds exactly one.</summary>
public static class Roles
{
    public const string SystemAdmin = nameof(SystemAdmin);
    public const string HeadOffice = nameof(HeadOffice);
    /// <summary>Head office's registration and individual accounts office (seed 004): branch accounts and the booklet services' report.</summary>
    public const string RegistrationOffice = nameof(RegistrationOffice);
    public const string GeneralOffice = nameof(GeneralOffice);
    public const string GeneralOfficeDirector = nameof(GeneralOfficeDirector);
    public const string TreatmentDirectorate = nameof(TreatmentDirectorate);
    public const string ReviewOffice = nameof(ReviewOffice);
    public const string AgencyManager = nameof(AgencyManager);
    public const string AgencyUser = nameof(AgencyUser);
    public const string Governor = nameof(Governor);
    public const string BranchStaff = nameof(BranchStaff);
    public const string BranchSupervisor = nameof(BranchSupervisor);
    public const string CallCenter = nameof(CallCenter);
    public const string MedicalCenter = nameof(MedicalCenter);

    public static readonly IReadOnlyList<string> All =
    [
        SystemAdmin, HeadOffice, RegistrationOffice, GeneralOffice, GeneralOfficeDirector, TreatmentDirectorate, ReviewOffice,
        AgencyManager, AgencyUser, Governor, BranchStaff, BranchSupervisor, CallCenter, MedicalCenter,
    ];

    /// <summary>How far a role reaches: the whole country, its unit's province, or its unit alone.</summary>
    public static ScopeLevel LevelOf(string role) => role switch
    {
        SystemAdmin or HeadOffice or RegistrationOffice or CallCenter => ScopeLevel.National,
        GeneralOffice or GeneralOfficeDirector or TreatmentDirectorate or ReviewOffice or Governor => ScopeLevel.Province,
        AgencyManager or AgencyUser or BranchStaff or BranchSupervisor or MedicalCenter => ScopeLevel.Unit,
        _ => ScopeLevel.None,
    };

    /// <summary>The kind of unit a holder of the role must belong to, so an admin cannot make a governor of a branch.</summary>
    public static UnitKind UnitKindFor(string role) => role switch
    {
        SystemAdmin or HeadOffice or RegistrationOffice => UnitKind.HeadOffice,
        CallCenter => UnitKind.CallCenter,
        GeneralOffice or GeneralOfficeDirector => UnitKind.GeneralOffice,
        TreatmentDirectorate => UnitKind.TreatmentDirectorate,
        ReviewOffice => UnitKind.ReviewOffice,
        AgencyManager or AgencyUser => UnitKind.Agency,
        Governor => UnitKind.GovernorOffice,
        BranchStaff or BranchSupervisor => UnitKind.Branch,
        MedicalCenter => UnitKind.MedicalCenter,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };
}
