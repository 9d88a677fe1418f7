using Microsoft.AspNetCore.Authorization;
using Portal.Domain.Agencies;
using Portal.Domain.Contracts;
using Portal.Domain.MonthlyStats;
using Portal.Domain.Rollout;
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

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Administration, p => p.RequireRole(Roles.SystemAdmin));
        options.AddPolicy(Organisation, p => p.RequireRole(Portal.Domain.Organisation.OrganisationDirectory.Readers));
        options.AddPolicy(Agencies, p => p.RequireRole(
            Roles.SystemAdmin, Roles.HeadOffice, Roles.GeneralOffice, Roles.GeneralOfficeDirector,
            Roles.TreatmentDirectorate, Roles.ReviewOffice, Roles.AgencyManager, Roles.AgencyUser));
        options.AddPolicy(AgencyEditing, p => p.RequireRole(AgencyRegistry.Editors));
        options.AddPolicy(ChangeNotices, p => p.RequireRole(
            Roles.SystemAdmin, Roles.HeadOffice, Roles.GeneralOffice, Roles.GeneralOfficeDirector, Roles.TreatmentDirectorate));
        options.AddPolicy(Rollout, p => p.RequireRole(
            Roles.SystemAdmin, Roles.HeadOffice, Roles.GeneralOffice, Roles.GeneralOfficeDirector, Roles.TreatmentDirectorate, Roles.ReviewOffice));
        options.AddPolicy(Training, p => p.RequireRole(Roles.SystemAdmin, Roles.HeadOffice, Roles.TreatmentDirectorate, Roles.ReviewOffice));
        options.AddPolicy(TrainingSessions, p => p.RequireRole(TrainingPlanner.Organisers));
        options.AddPolicy(Representatives, p => p.RequireRole(AgencyRegistry.RepresentativeEditors));
        options.AddPolicy(InformationTools, p => p.RequireRole(RolloutPlanning.ToolRecorders));
        options.AddPolicy(Waves, p => p.RequireRole(RolloutPlanning.WaveOpeners));
        options.AddPolicy(NoticeAcknowledging, p => p.RequireRole(ChangeNoticeInbox.Acknowledgers));
        options.AddPolicy(OwnAgency, p => p.RequireRole(Roles.AgencyManager, Roles.AgencyUser));
        options.AddPolicy(Circulars, p => p.RequireRole(
            Roles.SystemAdmin, Roles.HeadOffice, Roles.ReviewOffice, Roles.AgencyManager, Roles.AgencyUser,
            Roles.TreatmentDirectorate, Roles.GeneralOffice));
        options.AddPolicy(CircularUpload, p => p.RequireRole(Roles.ReviewOffice));
        options.AddPolicy(CircularReceipts, p => p.RequireRole(
            Roles.SystemAdmin, Roles.HeadOffice, Roles.ReviewOffice, Roles.TreatmentDirectorate, Roles.GeneralOffice));
        options.AddPolicy(Contracts, p => p.RequireRole(ContractRoles.Readers));
        options.AddPolicy(ContractIssuing, p => p.RequireRole(ContractRoles.Issuers));
        options.AddPolicy(ContractTemplates, p => p.RequireRole(Domain.Contracts.ContractTemplates.Editors));
        options.AddPolicy(MonthlyEntry, p => p.RequireRole(MonthlyStatsRoles.AgencyRoles));
        options.AddPolicy(MonthlyReview, p => p.RequireRole(MonthlyStatsRoles.Reviewers));
        options.AddPolicy(MonthlyOverview, p => p.RequireRole(MonthlyStatsRoles.Followers));
        options.AddPolicy(ClaimCategories, p => p.RequireRole(Domain.MonthlyStats.ClaimCategories.Editors));
        options.AddPolicy(OffsetFiles, p => p.RequireRole(Domain.OffsetFiles.OffsetBoard.FileReaders));
        options.AddPolicy(OffsetLists, p => p.RequireRole(Domain.OffsetFiles.OffsetBoard.ListReaders));
        options.AddPolicy(OffsetEnforcement, p => p.RequireRole(Domain.OffsetFiles.OffsetDesk.Enforcement));
        options.AddPolicy(OffsetTreatment, p => p.RequireRole(Domain.OffsetFiles.OffsetDesk.Treatment));
        options.AddPolicy(OffsetSending, p => p.RequireRole(Domain.OffsetFiles.OffsetDesk.Senders));
        options.AddPolicy(OffsetGovernor, p => p.RequireRole(Domain.OffsetFiles.OffsetDesk.Governors));
        options.AddPolicy(EligibilityApi, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireRole(Roles.MedicalCenter));
        options.AddPolicy(EligibilityKeys, p => p.RequireRole(Domain.Eligibility.InquiryApiKeys.Issuers));
        options.AddPolicy(MonthlyStats, p => p.RequireRole([.. MonthlyStatsRoles.AgencyRoles, .. MonthlyStatsRoles.Followers]));
        options.AddPolicy(EligibilityInquiry, p => p.RequireRole(Domain.Eligibility.CentreInquiry.Askers));
        options.AddPolicy(EligibilityLookup, p => p.RequireRole(Domain.Eligibility.EligibilityLookup.Staff));
        options.AddPolicy(Objections, p => p.RequireRole(Domain.Eligibility.ObjectionDesk.Readers));
        options.AddPolicy(ObjectionHandling, p => p.RequireRole(Domain.Eligibility.ObjectionDesk.Handlers));
        options.AddPolicy(InquiryReport, p => p.RequireRole(Domain.Eligibility.InquiryReport.Readers));
        options.AddPolicy(EligibilityPages, p => p.RequireRole([.. Domain.Eligibility.CentreInquiry.Askers, .. Domain.Eligibility.EligibilityLookup.Staff,
            .. Domain.Eligibility.ObjectionDesk.Readers, .. Domain.Eligibility.InquiryReport.Readers, .. Domain.Eligibility.InquiryApiKeys.Issuers]));
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}
