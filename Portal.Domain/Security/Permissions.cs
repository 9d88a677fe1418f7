using static Portal.Domain.Security.Roles;

namespace Portal.Domain.Security;

/// <summary>
/// The one role × permission table: for each <see cref="Permission"/>, the roles that hold it. A role not listed
/// does not hold it, and a permission with no line here is held by nobody (fail closed). Any change of access is a
/// change of this file, and the matrix test pins it.
/// </summary>
public static class Permissions
{
    /// <summary>The refusal for an act the role does not hold, when the act has no words of its own.</summary>
    public const string Refused = "Permission.Refused";

    private static readonly Dictionary<Permission, string[]> Table = new()
    {
        // The organisation's own offices. The governor's office is outside the organisation: it sees the offset files
        // sent to it, nothing of the agencies or the organisation's units.
        [Permission.OrganisationRead] = [SystemAdmin, HeadOffice, GeneralOffice, GeneralOfficeDirector, TreatmentDirectorate, ReviewOffice, CallCenter],
        // The home page's counts: the offices that run the organisation; not a governor's office, agencies, branches,
        // centres or the call centre.
        [Permission.OrganisationCountsRead] = [SystemAdmin, HeadOffice, GeneralOffice, GeneralOfficeDirector, TreatmentDirectorate, ReviewOffice],
        // The director-general who signs a general office's offset letters.
        [Permission.GeneralOfficeHeadRecord] = [SystemAdmin, GeneralOfficeDirector],

        [Permission.AgenciesRead] = [SystemAdmin, HeadOffice, GeneralOffice, GeneralOfficeDirector, TreatmentDirectorate, ReviewOffice, AgencyManager, AgencyUser],
        // Those who keep the agency register (seed 000 §1-1): profile, import, the agency's users.
        [Permission.AgenciesEdit] = [SystemAdmin, GeneralOffice, GeneralOfficeDirector],
        [Permission.RepresentativesEdit] = [SystemAdmin, GeneralOffice, GeneralOfficeDirector, AgencyManager],
        // An agency's own users: their menu leads straight to their agency.
        [Permission.OwnAgency] = [AgencyManager, AgencyUser],
        [Permission.ChangeNoticesRead] = [SystemAdmin, HeadOffice, GeneralOffice, GeneralOfficeDirector, TreatmentDirectorate],
        [Permission.ChangeNoticesAcknowledge] = [TreatmentDirectorate],
        // The to-do of notices the general office sent that wait for the treatment directorate.
        [Permission.ChangeNoticesFollowUp] = [GeneralOffice],

        [Permission.RolloutRead] = [SystemAdmin, HeadOffice, GeneralOffice, GeneralOfficeDirector, TreatmentDirectorate, ReviewOffice],
        // The to-do of the province's agencies behind the rollout.
        [Permission.RolloutFollowUp] = [GeneralOffice, GeneralOfficeDirector, TreatmentDirectorate],
        // The head office's to-do: provinces behind with monthly statistics or the rollout.
        [Permission.ProvincesFollowUp] = [HeadOffice],
        [Permission.TrainingRead] = [SystemAdmin, HeadOffice, TreatmentDirectorate, ReviewOffice],
        [Permission.TrainingOrganise] = [ReviewOffice],
        [Permission.InformationToolsRecord] = [TreatmentDirectorate],
        [Permission.WavesOpen] = [SystemAdmin],

        // Review offices send, agencies receive, provincial and national units follow.
        [Permission.CircularsRead] = [SystemAdmin, HeadOffice, ReviewOffice, AgencyManager, AgencyUser, TreatmentDirectorate, GeneralOffice],
        [Permission.CircularsSend] = [ReviewOffice],
        [Permission.CircularsReceive] = [AgencyManager, AgencyUser],
        // Who opened a circular: its sender and the units above it, never the agencies themselves.
        [Permission.CircularReceiptsRead] = [SystemAdmin, HeadOffice, ReviewOffice, TreatmentDirectorate, GeneralOffice],

        // Read in scope by the provincial and national units and the agency's manager (not its data-entry users).
        [Permission.ContractsRead] = [SystemAdmin, HeadOffice, GeneralOffice, GeneralOfficeDirector, TreatmentDirectorate, ReviewOffice, AgencyManager],
        // Drafting, issuing, activating, terminating and renewing contracts.
        [Permission.ContractsIssue] = [ReviewOffice],
        [Permission.ContractTemplatesEdit] = [SystemAdmin],

        // Agencies enter, their manager submits, review offices review, provincial and national units follow.
        [Permission.MonthlyEntry] = [AgencyManager, AgencyUser],
        [Permission.MonthlySubmit] = [AgencyManager],
        [Permission.MonthlyReview] = [ReviewOffice],
        [Permission.MonthlyFollow] = [SystemAdmin, HeadOffice, GeneralOffice, GeneralOfficeDirector, TreatmentDirectorate, ReviewOffice],
        [Permission.ClaimCategoriesEdit] = [SystemAdmin],

        [Permission.OffsetListsRead] = [SystemAdmin, HeadOffice, GeneralOffice, GeneralOfficeDirector, TreatmentDirectorate],
        [Permission.OffsetFilesRead] = [SystemAdmin, HeadOffice, GeneralOffice, GeneralOfficeDirector, TreatmentDirectorate, Governor],
        // The general office's part, which is also the insurance side of an agreement.
        [Permission.OffsetEnforce] = [GeneralOffice, GeneralOfficeDirector],
        // The treatment directorate's part, which is also the treatment side of an agreement.
        [Permission.OffsetTreat] = [TreatmentDirectorate],
        // Only the director-general signs and sends a file to the governor.
        [Permission.OffsetSend] = [GeneralOfficeDirector],
        // The governor's part; a governor never sees a draft.
        [Permission.OffsetGovernorDecide] = [Governor],
        // The to-do of agreements waiting for the insurance side: the general office, not its director-general.
        [Permission.OffsetAgreementsFollowUp] = [GeneralOffice],

        // A medical centre's inquiry, on its page and through the API with the centre's key.
        [Permission.CentreInquiry] = [MedicalCenter],
        // The staff's look-up with the reason.
        [Permission.EligibilityLookup] = [CallCenter, TreatmentDirectorate, HeadOffice, SystemAdmin],
        // Objections (call centre 1420): read by the call centre and head office, handled by the call centre.
        [Permission.ObjectionsRead] = [CallCenter, HeadOffice, SystemAdmin],
        [Permission.ObjectionsHandle] = [CallCenter],
        [Permission.InquiryReportRead] = [SystemAdmin, HeadOffice, GeneralOffice, GeneralOfficeDirector, TreatmentDirectorate, MedicalCenter],
        [Permission.ApiKeysIssue] = [SystemAdmin, TreatmentDirectorate],

        // Electronic technical files (seed 003): every treatment and insurance unit and every agency reads the files in
        // its scope (part 3 §1c; an agency and a centre only those they work on); branches scan them in twelve steps.
        [Permission.ElectronicFilesRead] = [SystemAdmin, HeadOffice, GeneralOffice, GeneralOfficeDirector, TreatmentDirectorate, ReviewOffice, AgencyManager, AgencyUser, BranchStaff, BranchSupervisor, MedicalCenter],
        [Permission.ElectronicFilesScan] = [BranchStaff, BranchSupervisor],
        // Resolving a recount discrepancy and verifying the branch's (and treatment units') added documents.
        [Permission.ElectronicFilesSupervise] = [BranchSupervisor],
        // Adding a document to a file: branches, agencies and treatment units (part 2, part 3 §1c).
        [Permission.ElectronicFilesUpload] = [TreatmentDirectorate, AgencyManager, AgencyUser, BranchStaff, BranchSupervisor, MedicalCenter],
        // An agency user's upload counts once the agency's manager has verified it (part 2 §5).
        [Permission.AgencyUploadsVerify] = [AgencyManager],
        [Permission.DocumentTaxonomyEdit] = [SystemAdmin],

        // Booklet services at the branch counter (seed 004 §4); a supervisor marks a service recorded in error.
        [Permission.BookletServe] = [BranchStaff, BranchSupervisor],
        [Permission.BookletCorrect] = [BranchSupervisor],
        // The services' performance and the units' evaluation (§5): head office reads all, each unit its own place.
        [Permission.BookletReportRead] = [SystemAdmin, HeadOffice, RegistrationOffice, GeneralOffice, GeneralOfficeDirector, BranchSupervisor],
        // Branch user accounts (§1): the general office asks, head office's registration office decides.
        [Permission.AccountRequestsFile] = [GeneralOffice, GeneralOfficeDirector],
        [Permission.AccountRequestsDecide] = [RegistrationOffice],
        // The branch's link to the network (§3): the branch records and follows up, its province and head office read.
        [Permission.OutagesRecord] = [BranchStaff, BranchSupervisor],
        [Permission.OutagesRead] = [SystemAdmin, HeadOffice, RegistrationOffice, GeneralOffice, GeneralOfficeDirector, BranchStaff, BranchSupervisor],

        // Accounts, the audit log, sign-in attempts, the SMS outbox and the locked-out to-do.
        [Permission.Administer] = [SystemAdmin],
    };

    public static bool Has(string? role, Permission permission) =>
        role is not null && Table.TryGetValue(permission, out var roles) && roles.Contains(role);

    /// <summary>The roles that hold the permission, in the table's order; none for a permission nobody holds.</summary>
    public static string[] RolesFor(Permission permission) => Table.TryGetValue(permission, out var roles) ? [.. roles] : [];

    /// <summary>The roles that hold any of the permissions: for a folder whose pages serve several acts.</summary>
    public static string[] RolesFor(params Permission[] permissions) => [.. permissions.SelectMany(RolesFor).Distinct()];
}
