using Portal.Domain.Security;

namespace Portal.Tests.Security;

public sealed class PersonalDataTests
{
    /// <summary>The decided table, written out role by role: a new role or a changed line fails here until it is decided.</summary>
    private static readonly Dictionary<string, (Disclosure NationalId, Disclosure Mobile)> Decided = new()
    {
        [Roles.SystemAdmin] = (Disclosure.Full, Disclosure.Full),
        [Roles.HeadOffice] = (Disclosure.Full, Disclosure.Full),
        [Roles.RegistrationOffice] = (Disclosure.Full, Disclosure.Full),
        [Roles.GeneralOffice] = (Disclosure.Full, Disclosure.Full),
        [Roles.GeneralOfficeDirector] = (Disclosure.Full, Disclosure.Full),
        [Roles.TreatmentDirectorate] = (Disclosure.Full, Disclosure.Full),
        [Roles.ReviewOffice] = (Disclosure.Full, Disclosure.Full),
        [Roles.AgencyManager] = (Disclosure.Full, Disclosure.Full),
        [Roles.AgencyUser] = (Disclosure.Full, Disclosure.Full),
        [Roles.CallCenter] = (Disclosure.Hidden, Disclosure.LastFour),
        [Roles.Governor] = (Disclosure.Hidden, Disclosure.Hidden),
        [Roles.BranchStaff] = (Disclosure.Hidden, Disclosure.Hidden),
        [Roles.BranchSupervisor] = (Disclosure.Hidden, Disclosure.Hidden),
        [Roles.MedicalCenter] = (Disclosure.Hidden, Disclosure.Hidden),
    };

    public static TheoryData<string, PersonalField> EveryRoleAndField()
    {
        var data = new TheoryData<string, PersonalField>();
        foreach (var role in Roles.All)
            foreach (var field in Enum.GetValues<PersonalField>()) data.Add(role, field);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRoleAndField))]
    public void EveryRole_ReadsEachPersonalField_AsDecided(string role, PersonalField field)
    {
        var (nationalId, mobile) = Decided[role];
        var expected = field == PersonalField.NationalId ? nationalId : mobile;
        var personal = PersonalData.For(role);

        Assert.Equal(expected, personal.Of(field));
        var shown = personal.Show(field, "0912345678");
        switch (expected)
        {
            case Disclosure.Full: Assert.Equal("0912345678", shown); break;
            case Disclosure.LastFour: Assert.Equal("••••••5678", shown); break;
            default: Assert.Null(shown); break;
        }
    }

    [Fact]
    public void PersonalDataAccess_EveryRole_IsInTheDecidedTable() => Assert.Equal(Roles.All.Order(), Decided.Keys.Order());

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("SomeFutureRole")]
    public void PersonalDataAccess_UnknownOrNoRole_ReadsNothing(string? role)
    {
        Assert.Null(PersonalData.For(role).NationalId("0012345679"));
        Assert.Null(PersonalData.For(role).Mobile("09131234567"));
    }

    [Fact]
    public void CallCentre_SeesTheMobilesLastFourDigits_AndNoNationalId()
    {
        var callCentre = PersonalData.For(Roles.CallCenter);
        Assert.Equal("•••••••4567", callCentre.Mobile("09131234567"));
        Assert.Null(callCentre.NationalId("0012345679"));
    }
}
