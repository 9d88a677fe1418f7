using Microsoft.AspNetCore.Authorization;
using Portal.Domain.Security;

namespace Portal.Security;

/// <summary>
/// Every authorization policy of the portal, declared once and built from the one permission table
/// (<see cref="Permissions"/>). Pages and endpoints name these, never role strings.
/// </summary>
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string Administration = nameof(Administration);
    public const string Organisation = nameof(Organisation);
    /// <summary>Every role that may read agencies; the data layer narrows each to its scope.</summary>
    public const string Agencies = nameof(Agencies);
    /// <summary>Those who keep the agency register (seed 000 §1-1): the roles the domain lets change agencies.</summary>
    public const string AgencyEditing = nameof(AgencyEditing);
    public const string ChangeNotices = nameof(ChangeNotices);
    public const string Rollout = nameof(Rollout);
    public const string Training = nameof(Training);
    public const string TrainingSessions = nameof(TrainingSessions);
    public const string Representatives = nameof(Representatives);
    public const string InformationTools = nameof(InformationTools);
    public const string Waves = nameof(Waves);
    public const string NoticeAcknowledging = nameof(NoticeAcknowledging);
    /// <summary>An agency's own users: their menu leads straight to their agency.</summary>
    public const string OwnAgency = nameof(OwnAgency);
    /// <summary>The circulars library: review offices send, agencies receive, provincial and national units follow.</summary>
    public const string Circulars = nameof(Circulars);
    public const string CircularUpload = nameof(CircularUpload);
    /// <summary>Who opened a circular: its sender and the units above it, never the agencies themselves.</summary>
    public const string CircularReceipts = nameof(CircularReceipts);

    /// <summary>Contracts: read in scope by the provincial and national units and the agency's manager (not its data-entry users).</summary>
    public const string Contracts = nameof(Contracts);
    /// <summary>Drafting, issuing, activating, terminating and renewing contracts: review offices.</summary>
    public const string ContractIssuing = nameof(ContractIssuing);
    public const string ContractTemplates = nameof(ContractTemplates);

    /// <summary>Monthly statistics: agencies enter, review offices review, provincial and national units follow.</summary>
    public const string MonthlyStats = nameof(MonthlyStats);
    public const string MonthlyEntry = nameof(MonthlyEntry);
    public const string MonthlyReview = nameof(MonthlyReview);
    public const string MonthlyOverview = nameof(MonthlyOverview);
    public const string ClaimCategories = nameof(ClaimCategories);

    /// <summary>Offset files: who reads the lists and files, and who does each office's part.</summary>
    public const string OffsetFiles = nameof(OffsetFiles);
    public const string OffsetLists = nameof(OffsetLists);
    public const string OffsetEnforcement = nameof(OffsetEnforcement);
    public const string OffsetTreatment = nameof(OffsetTreatment);
    public const string OffsetSending = nameof(OffsetSending);
    public const string OffsetGovernor = nameof(OffsetGovernor);
    /// <summary>The inquiry API: a centre's key (not a sign-in cookie). Issuing keys: the treatment directorate.</summary>
    public const string EligibilityApi = nameof(EligibilityApi);
    public const string EligibilityKeys = nameof(EligibilityKeys);

    /// <summary>Eligibility (seed 002): every role with a page in the module, for the feature folder.</summary>
    public const string EligibilityPages = nameof(EligibilityPages);
    /// <summary>The general inquiry page: a medical centre's users.</summary>
    public const string EligibilityInquiry = nameof(EligibilityInquiry);
    /// <summary>The staff's look-up with the reason: call centre, treatment directorates, head office.</summary>
    public const string EligibilityLookup = nameof(EligibilityLookup);
    /// <summary>Objections (call centre 1420): read by the call centre and head office, handled by the call centre.</summary>
    public const string Objections = nameof(Objections);
    public const string ObjectionHandling = nameof(ObjectionHandling);
    /// <summary>The inquiry log's report, in the reader's scope.</summary>
    public const string InquiryReport = nameof(InquiryReport);

    /// <summary>Electronic technical files (seed 003): every treatment and insurance unit and agency reads; branches scan.</summary>
    public const string ElectronicFiles = nameof(ElectronicFiles);
    public const string ElectronicFilesScanning = nameof(ElectronicFilesScanning);
    public const string ElectronicFilesUpload = nameof(ElectronicFilesUpload);
    public const string DocumentTaxonomy = nameof(DocumentTaxonomy);

    /// <summary>Booklet services (seed 004): the branch counter, and a supervisor's correction of a service recorded in error.</summary>
    public const string BookletCounter = nameof(BookletCounter);
    public const string BookletCorrection = nameof(BookletCorrection);
    /// <summary>Branch user accounts (seed 004 §1): the general office files and hands over, head office's registration office decides.</summary>
    public const string AccountRequests = nameof(AccountRequests);
    public const string AccountRequestFiling = nameof(AccountRequestFiling);
    /// <summary>Branches' network outages (seed 004 §3): read in scope by the province and head office; recorded by the branch itself.</summary>
    public const string Outages = nameof(Outages);
    public const string OutagesRecording = nameof(OutagesRecording);
    /// <summary>The booklet services' report and the units' evaluation (seed 004 §5), in the reader's scope.</summary>
    public const string BookletReport = nameof(BookletReport);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        Role(options, Administration, Permission.Administer);
        Role(options, Organisation, Permission.OrganisationRead);
        Role(options, Agencies, Permission.AgenciesRead);
        Role(options, AgencyEditing, Permission.AgenciesEdit);
        Role(options, ChangeNotices, Permission.ChangeNoticesRead);
        Role(options, Rollout, Permission.RolloutRead);
        Role(options, Training, Permission.TrainingRead);
        Role(options, TrainingSessions, Permission.TrainingOrganise);
        Role(options, Representatives, Permission.RepresentativesEdit);
        Role(options, InformationTools, Permission.InformationToolsRecord);
        Role(options, Waves, Permission.WavesOpen);
        Role(options, NoticeAcknowledging, Permission.ChangeNoticesAcknowledge);
        Role(options, OwnAgency, Permission.OwnAgency);
        Role(options, Circulars, Permission.CircularsRead);
        Role(options, CircularUpload, Permission.CircularsSend);
        Role(options, CircularReceipts, Permission.CircularReceiptsRead);
        Role(options, Contracts, Permission.ContractsRead);
        Role(options, ContractIssuing, Permission.ContractsIssue);
        Role(options, ContractTemplates, Permission.ContractTemplatesEdit);
        Role(options, MonthlyStats, Permission.MonthlyEntry, Permission.MonthlyFollow);
        Role(options, MonthlyEntry, Permission.MonthlyEntry);
        Role(options, MonthlyReview, Permission.MonthlyReview);
        Role(options, MonthlyOverview, Permission.MonthlyFollow);
        Role(options, ClaimCategories, Permission.ClaimCategoriesEdit);
        Role(options, OffsetFiles, Permission.OffsetFilesRead);
        Role(options, OffsetLists, Permission.OffsetListsRead);
        Role(options, OffsetEnforcement, Permission.OffsetEnforce);
        Role(options, OffsetTreatment, Permission.OffsetTreat);
        Role(options, OffsetSending, Permission.OffsetSend);
        Role(options, OffsetGovernor, Permission.OffsetGovernorDecide);
        options.AddPolicy(EligibilityApi, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
            .RequireRole(Permissions.RolesFor(Permission.CentreInquiry)));
        Role(options, EligibilityKeys, Permission.ApiKeysIssue);
        Role(options, EligibilityInquiry, Permission.CentreInquiry);
        Role(options, EligibilityLookup, Permission.EligibilityLookup);
        Role(options, Objections, Permission.ObjectionsRead);
        Role(options, ObjectionHandling, Permission.ObjectionsHandle);
        Role(options, InquiryReport, Permission.InquiryReportRead);
        Role(options, EligibilityPages, Permission.CentreInquiry, Permission.EligibilityLookup, Permission.ObjectionsRead,
            Permission.InquiryReportRead, Permission.ApiKeysIssue);
        Role(options, ElectronicFiles, Permission.ElectronicFilesRead);
        Role(options, ElectronicFilesScanning, Permission.ElectronicFilesScan);
        Role(options, ElectronicFilesUpload, Permission.ElectronicFilesUpload);
        Role(options, DocumentTaxonomy, Permission.DocumentTaxonomyEdit);
        Role(options, BookletCounter, Permission.BookletServe);
        Role(options, BookletCorrection, Permission.BookletCorrect);
        Role(options, AccountRequests, Permission.AccountRequestsFile, Permission.AccountRequestsDecide);
        Role(options, AccountRequestFiling, Permission.AccountRequestsFile);
        Role(options, Outages, Permission.OutagesRead);
        Role(options, OutagesRecording, Permission.OutagesRecord);
        Role(options, BookletReport, Permission.BookletReportRead);
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }

    /// <summary>A policy held by the roles that hold any of the permissions (<see cref="Permissions"/>, the one table).</summary>
    private static void Role(AuthorizationOptions options, string policy, params Permission[] permissions) =>
        options.AddPolicy(policy, p => p.RequireRole(Permissions.RolesFor(permissions)));
}
