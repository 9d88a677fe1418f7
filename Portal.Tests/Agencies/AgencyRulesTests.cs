using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Organisation;
using Portal.Domain.Rollout;

namespace Portal.Tests.Agencies;

/// <summary>The agency's own rules, without a database: which edits are change notices, and what a closed agency refuses.</summary>
public class AgencyRulesTests
{
    private static readonly ChangeStamp Stamp = new("kerman.generaloffice", DateTimeOffset.UnixEpoch, new DateOnly(2026, 11, 22));
    private static readonly DateOnly Today = new(2026, 11, 23);

    internal static (Agency Agency, OrgUnit ReviewOffice) NewAgency()
    {
        var province = new Province("08", "کرمان", "Kerman", new RolloutWave(3, "مرحله سوم", "", new DateOnly(2018, 9, 23)));
        var general = new OrgUnit(UnitKind.GeneralOffice, "GO-08-1", "اداره کل", province);
        var review = new OrgUnit(UnitKind.ReviewOffice, "RO-08-1", "دفتر رسیدگی", province);
        var agency = new Agency("AG-08001", "کارگزاری ۱", province, general, review);
        agency.Update(Profile(), review, Stamp); // the first listing
        return (agency, review);
    }

    internal static AgencyProfile Profile(Action<AgencyProfileForm>? change = null)
    {
        var form = new AgencyProfileForm
        {
            Name = "کارگزاری ۱", City = "کرمان", Address = "کرمان، خیابان شفا، پلاک ۱۲", PostalCode = "7616913111", Phone = "03432224455",
            ManagerName = "علی رضایی", ManagerNationalId = "0499370899", ManagerMobile = "09131234567",
        };
        change?.Invoke(form);
        var (profile, errors) = form.Validate(Today);
        Assert.Empty(errors);
        return profile!;
    }

    [Fact]
    public void Notice_FirstListing_IsNotRaised()
    {
        var (agency, _) = NewAgency();
        Assert.Empty(agency.Notices);
    }

    [Theory]
    [InlineData(nameof(AgencyProfileForm.ManagerName), ChangeKind.Manager)]
    [InlineData(nameof(AgencyProfileForm.ManagerMobile), ChangeKind.Manager)]
    [InlineData(nameof(AgencyProfileForm.Address), ChangeKind.Location)]
    [InlineData(nameof(AgencyProfileForm.PostalCode), ChangeKind.Location)]
    public void Notice_ManagerOrLocationChanged_IsRaisedExactlyOnce(string field, ChangeKind expected)
    {
        var (agency, review) = NewAgency();
        agency.Update(Profile(f => typeof(AgencyProfileForm).GetProperty(field)!.SetValue(f, field switch
        {
            nameof(AgencyProfileForm.ManagerName) => "مریم احمدی",
            nameof(AgencyProfileForm.ManagerMobile) => "09121112233",
            nameof(AgencyProfileForm.Address) => "کرمان، بلوار جمهوری، پلاک ۳",
            _ => "7616913112",
        })), review, Stamp);
        var notice = Assert.Single(agency.Notices);
        Assert.Equal(expected, notice.Kind);
        Assert.Equal(Stamp.Effective, notice.EffectiveDate);
        Assert.NotEqual(notice.Before, notice.After);
    }

    [Fact]
    public void Notice_OtherEdits_IsNotRaised()
    {
        var (agency, review) = NewAgency();
        agency.Update(Profile(f => { f.Phone = "03432229999"; f.Name = "کارگزاری یک"; f.Sheba = "IR062960000000100324200001"; }), review, Stamp);
        Assert.Empty(agency.Notices);
    }

    [Fact]
    public void BankConfirmation_NewSheba_IsDropped()
    {
        var (agency, review) = NewAgency();
        agency.Update(Profile(f => { f.Sheba = "IR062960000000100324200001"; f.BankConfirmedOn = "1403/05/12"; f.BankLetterNo = "123"; }), review, Stamp);
        Assert.NotNull(agency.BankConfirmedOn);
        agency.Update(Profile(f => f.Sheba = "IR820540102680020817909002"), review, Stamp);
        Assert.Null(agency.BankConfirmedOn);
        Assert.Null(agency.BankLetterNo);
    }

    [Fact]
    public void ClosedAgency_RepresentativesAndEdits_AreRefused()
    {
        var (agency, review) = NewAgency();
        agency.Update(Profile(f => f.Status = AgencyStatus.Closed), review, Stamp);
        Assert.Throws<DomainException>(() => agency.NameRepresentative(new("زهرا احمدی", "1234567891", "09121234567"), DateTimeOffset.UnixEpoch));
        Assert.Throws<DomainException>(() => agency.Update(Profile(), review, Stamp));
        Assert.Throws<DomainException>(agency.EnsureAcceptsUsers);
    }

    [Fact]
    public void ReviewOffice_OfAnotherProvince_IsRefused()
    {
        var (agency, _) = NewAgency();
        var elsewhere = new OrgUnit(UnitKind.ReviewOffice, "RO-27-1", "دفتر گلستان",
            new Province("27", "گلستان", "Golestan", new RolloutWave(3, "x", "", new DateOnly(2018, 9, 23))));
        Assert.Throws<DomainException>(() => agency.Update(Profile(), elsewhere, Stamp));
    }

    [Theory]
    [InlineData("1403/05/12", null, nameof(AgencyProfileForm.BankLetterNo))]
    [InlineData(null, "45/123", nameof(AgencyProfileForm.BankConfirmedOn))]
    [InlineData("1403/13/01", "45/123", nameof(AgencyProfileForm.BankConfirmedOn))]
    public void BankConfirmation_DateOrLetterAlone_IsRefused(string? date, string? letter, string failing)
    {
        var form = new AgencyProfileForm
        {
            Name = "x", City = "x", Address = "x", PostalCode = "7616913111", Phone = "03432224455", ManagerName = "x",
            ManagerNationalId = "0499370899", ManagerMobile = "09131234567", Sheba = "IR062960000000100324200001", BankConfirmedOn = date, BankLetterNo = letter,
        };
        Assert.Contains(failing, form.Validate(Today).Errors.Keys);
    }
}
