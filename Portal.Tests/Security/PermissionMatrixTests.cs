using System.Text;
using Portal.Domain.Security;

namespace Portal.Tests.Security;

/// <summary>
/// The one role × permission table, printed and pinned: any change of who may do what shows up here, in review, as a
/// changed line of this matrix.
/// </summary>
public sealed class PermissionMatrixTests
{
    private static readonly (string Role, string Column)[] Columns =
    [
        (Roles.SystemAdmin, "SA"), (Roles.HeadOffice, "HO"), (Roles.RegistrationOffice, "RgO"), (Roles.GeneralOffice, "GO"), (Roles.GeneralOfficeDirector, "GOD"),
        (Roles.TreatmentDirectorate, "TD"), (Roles.ReviewOffice, "RO"), (Roles.AgencyManager, "AM"), (Roles.AgencyUser, "AU"),
        (Roles.Governor, "Gov"), (Roles.BranchStaff, "BS"), (Roles.BranchSupervisor, "BSu"), (Roles.CallCenter, "CC"), (Roles.MedicalCenter, "MC"),
    ];

    private const string Expected = """
                                 |  SA  HO RgO  GO GOD  TD  RO  AM  AU Gov  BS BSu  CC  MC
        ----------------------------------------------------------------------------------
        OrganisationRead         |   x   x   .   x   x   x   x   .   .   .   .   .   x   .
        OrganisationCountsRead   |   x   x   .   x   x   x   x   .   .   .   .   .   .   .
        GeneralOfficeHeadRecord  |   x   .   .   .   x   .   .   .   .   .   .   .   .   .
        AgenciesRead             |   x   x   .   x   x   x   x   x   x   .   .   .   .   .
        AgenciesEdit             |   x   .   .   x   x   .   .   .   .   .   .   .   .   .
        RepresentativesEdit      |   x   .   .   x   x   .   .   x   .   .   .   .   .   .
        OwnAgency                |   .   .   .   .   .   .   .   x   x   .   .   .   .   .
        ChangeNoticesRead        |   x   x   .   x   x   x   .   .   .   .   .   .   .   .
        ChangeNoticesAcknowledge |   .   .   .   .   .   x   .   .   .   .   .   .   .   .
        ChangeNoticesFollowUp    |   .   .   .   x   .   .   .   .   .   .   .   .   .   .
        RolloutRead              |   x   x   .   x   x   x   x   .   .   .   .   .   .   .
        RolloutFollowUp          |   .   .   .   x   x   x   .   .   .   .   .   .   .   .
        ProvincesFollowUp        |   .   x   .   .   .   .   .   .   .   .   .   .   .   .
        TrainingRead             |   x   x   .   .   .   x   x   .   .   .   .   .   .   .
        TrainingOrganise         |   .   .   .   .   .   .   x   .   .   .   .   .   .   .
        InformationToolsRecord   |   .   .   .   .   .   x   .   .   .   .   .   .   .   .
        WavesOpen                |   x   .   .   .   .   .   .   .   .   .   .   .   .   .
        CircularsRead            |   x   x   .   x   .   x   x   x   x   .   .   .   .   .
        CircularsSend            |   .   .   .   .   .   .   x   .   .   .   .   .   .   .
        CircularsReceive         |   .   .   .   .   .   .   .   x   x   .   .   .   .   .
        CircularReceiptsRead     |   x   x   .   x   .   x   x   .   .   .   .   .   .   .
        ContractsRead            |   x   x   .   x   x   x   x   x   .   .   .   .   .   .
        ContractsIssue           |   .   .   .   .   .   .   x   .   .   .   .   .   .   .
        ContractTemplatesEdit    |   x   .   .   .   .   .   .   .   .   .   .   .   .   .
        MonthlyEntry             |   .   .   .   .   .   .   .   x   x   .   .   .   .   .
        MonthlySubmit            |   .   .   .   .   .   .   .   x   .   .   .   .   .   .
        MonthlyReview            |   .   .   .   .   .   .   x   .   .   .   .   .   .   .
        MonthlyFollow            |   x   x   .   x   x   x   x   .   .   .   .   .   .   .
        ClaimCategoriesEdit      |   x   .   .   .   .   .   .   .   .   .   .   .   .   .
        OffsetListsRead          |   x   x   .   x   x   x   .   .   .   .   .   .   .   .
        OffsetFilesRead          |   x   x   .   x   x   x   .   .   .   x   .   .   .   .
        OffsetEnforce            |   .   .   .   x   x   .   .   .   .   .   .   .   .   .
        OffsetTreat              |   .   .   .   .   .   x   .   .   .   .   .   .   .   .
        OffsetSend               |   .   .   .   .   x   .   .   .   .   .   .   .   .   .
        OffsetGovernorDecide     |   .   .   .   .   .   .   .   .   .   x   .   .   .   .
        OffsetAgreementsFollowUp |   .   .   .   x   .   .   .   .   .   .   .   .   .   .
        CentreInquiry            |   .   .   .   .   .   .   .   .   .   .   .   .   .   x
        EligibilityLookup        |   x   x   .   .   .   x   .   .   .   .   .   .   x   .
        ObjectionsRead           |   x   x   .   .   .   .   .   .   .   .   .   .   x   .
        ObjectionsHandle         |   .   .   .   .   .   .   .   .   .   .   .   .   x   .
        InquiryReportRead        |   x   x   .   x   x   x   .   .   .   .   .   .   .   x
        ApiKeysIssue             |   x   .   .   .   .   x   .   .   .   .   .   .   .   .
        ElectronicFilesRead      |   x   x   .   x   x   x   x   x   x   .   x   x   .   x
        ElectronicFilesScan      |   .   .   .   .   .   .   .   .   .   .   x   x   .   .
        ElectronicFilesSupervise |   .   .   .   .   .   .   .   .   .   .   .   x   .   .
        ElectronicFilesUpload    |   .   .   .   .   .   x   .   x   x   .   x   x   .   x
        AgencyUploadsVerify      |   .   .   .   .   .   .   .   x   .   .   .   .   .   .
        DocumentTaxonomyEdit     |   x   .   .   .   .   .   .   .   .   .   .   .   .   .
        BookletServe             |   .   .   .   .   .   .   .   .   .   .   x   x   .   .
        BookletCorrect           |   .   .   .   .   .   .   .   .   .   .   .   x   .   .
        BookletReportRead        |   x   x   x   x   x   .   .   .   .   .   .   x   .   .
        AccountRequestsFile      |   .   .   .   x   x   .   .   .   .   .   .   .   .   .
        AccountRequestsDecide    |   .   .   x   .   .   .   .   .   .   .   .   .   .   .
        OutagesRecord            |   .   .   .   .   .   .   .   .   .   .   x   x   .   .
        OutagesRead              |   x   x   x   x   x   .   .   .   .   .   x   x   .   .
        Administer               |   x   .   .   .   .   .   .   .   .   .   .   .   .   .
        """;

    [Fact]
    public void Matrix_AsPrinted_IsThePinnedOne()
    {
        Assert.Equal(Expected.ReplaceLineEndings("\n"), Print());
    }

    [Fact]
    public void Matrix_HasAColumnForEveryRole_AndEveryPermissionIsHeldBySomeRole()
    {
        Assert.Equal(Roles.All.Order(), Columns.Select(c => c.Role).Order());
        Assert.All(Enum.GetValues<Permission>(), p => Assert.NotEmpty(Permissions.RolesFor(p)));
    }

    [Fact]
    public void Has_AnUnknownOrMissingRole_HoldsNothing()
    {
        Assert.All(Enum.GetValues<Permission>(), p =>
        {
            Assert.False(Permissions.Has(null, p));
            Assert.False(Permissions.Has("", p));
            Assert.False(Permissions.Has("Auditor", p));
        });
    }

    private static string Print()
    {
        var width = Enum.GetNames<Permission>().Max(n => n.Length);
        var text = new StringBuilder();
        var header = new string(' ', width) + " | " + string.Join(" ", Columns.Select(c => c.Column.PadLeft(3)));
        text.Append(header).Append('\n').Append(new string('-', header.Length));
        foreach (var permission in Enum.GetValues<Permission>())
            text.Append('\n').Append(permission.ToString().PadRight(width)).Append(" | ")
                .Append(string.Join(" ", Columns.Select(c => (Permissions.Has(c.Role, permission) ? "x" : ".").PadLeft(3))));
        return text.ToString();
    }
}
