namespace Portal.Domain.Security;

/// <summary>
/// An act a role may do in the portal. Which roles hold each is declared once, in <see cref="Permissions"/>; services
/// <c>Require</c> them, policies are built from them, pages ask <c>Can</c>. Where a record is (province, unit) is the
/// other half of every check and stays with <see cref="OrgScope"/>.
/// </summary>
public enum Permission
{
    // Organisation
    OrganisationRead,
    OrganisationCountsRead,
    GeneralOfficeHeadRecord,

    // Agencies and their change notices
    AgenciesRead,
    AgenciesEdit,
    RepresentativesEdit,
    OwnAgency,
    ChangeNoticesRead,
    ChangeNoticesAcknowledge,
    ChangeNoticesFollowUp,

    // Rollout and training
    RolloutRead,
    RolloutFollowUp,
    ProvincesFollowUp,
    TrainingRead,
    TrainingOrganise,
    InformationToolsRecord,
    WavesOpen,

    // Circulars
    CircularsRead,
    CircularsSend,
    CircularsReceive,
    CircularReceiptsRead,

    // Contracts
    ContractsRead,
    ContractsIssue,
    ContractTemplatesEdit,

    // Monthly statistics
    MonthlyEntry,
    MonthlySubmit,
    MonthlyReview,
    MonthlyFollow,
    ClaimCategoriesEdit,

    // Offset files
    OffsetListsRead,
    OffsetFilesRead,
    OffsetEnforce,
    OffsetTreat,
    OffsetSend,
    OffsetGovernorDecide,
    OffsetAgreementsFollowUp,

    // Eligibility
    CentreInquiry,
    EligibilityLookup,
    ObjectionsRead,
    ObjectionsHandle,
    InquiryReportRead,
    ApiKeysIssue,

    // Electronic technical files
    ElectronicFilesRead,
    ElectronicFilesScan,
    ElectronicFilesSupervise,
    ElectronicFilesUpload,
    AgencyUploadsVerify,
    DocumentTaxonomyEdit,

    // Booklet services, branch accounts and network outages (seed 004)
    BookletServe,
    BookletCorrect,
    BookletReportRead,
    AccountRequestsFile,
    AccountRequestsDecide,
    OutagesRecord,
    OutagesRead,

    // Administration and home
    Administer,
}
