using Portal.Domain.Common;

namespace Portal.Tests.Common;

public sealed class LegalEntityIdTests
{
    [Theory]
    [InlineData("10320894878")]
    [InlineData("۱۰۳۲۰۸۹۴۸۷۸")]
    public void AValidCompanyId_IsAccepted_InEitherDigits(string input) => Assert.Equal("10320894878", LegalEntityId.Check(input).Value);

    [Fact]
    public void AWrongCheckDigit_OrLength_IsRefusedInPersian()
    {
        using var _ = CultureScope.PersianMessages();
        Assert.Contains("رقم کنترل", LegalEntityId.Check("10320894870").Error);
        Assert.Contains("۱۱ رقم", LegalEntityId.Check("1032089487").Error);
    }

    [Fact]
    public void WithCheckDigit_AnyTenDigits_MakesIdsThatPass() =>
        Assert.All(new[] { "1010039880", "1086172787", "1400397844" }, body => Assert.True(LegalEntityId.Check(LegalEntityId.WithCheckDigit(body)).IsValid));

    [Fact]
    public void PersonOrCompany_TenDigits_AreCheckedAsANationalId() =>
        Assert.Equal(NationalId.Check("0012345670").Error, LegalEntityId.CheckPersonOrCompany("0012345670").Error);
}
