using Portal.Domain.Common;

namespace Portal.Tests.Common;

public class MessagesTests
{
    [Fact]
    public void ValidatorMessage_EnglishUiCulture_IsEnglish()
    {
        using var _ = CultureScope.EnglishMessages();
        Assert.Equal("The national ID check digit is wrong.", NationalId.Check("0499370898").Error);
        Assert.Equal("Enter the mobile number.", Mobile.Check("").Error);
    }

    [Fact]
    public void ValidatorMessage_PersianUiCulture_IsPersian()
    {
        using var _ = CultureScope.PersianMessages();
        Assert.Equal("رقم کنترل کد ملی درست نیست.", NationalId.Check("0499370898").Error);
    }

    [Fact]
    public void ValidatorMessage_InvariantUiCulture_FallsBackToPersian()
    {
        using var _ = CultureScope.InvariantMessages();
        Assert.Equal("کد پستی باید ۱۰ رقم باشد.", PostalCode.Check("123").Error);
    }

    [Fact]
    public void ValidatorMessages_EnglishUiCulture_AreAllTranslated()
    {
        using var _ = CultureScope.EnglishMessages();
        string?[] errors =
        [
            NationalId.Check("").Error, NationalId.Check("1").Error, NationalId.Check("1111111111").Error,
            Sheba.Check("").Error, Sheba.Check("IR1").Error, Sheba.Check("IR062960000000100324200002").Error,
            Mobile.Check("1").Error, PostalCode.Check("").Error, PostalCode.Check("1").Error,
            PostalCode.Check("2222222222").Error, PostalCode.Check("0123456789").Error,
            Rial.Check("").Error, Rial.Check("-1").Error, Rial.Check("99999999999999999999").Error,
            JalaliDate.Check("").Error, JalaliDate.Check("x").Error,
        ];
        Assert.All(errors, e => Assert.Matches("^[ -~]+$", e!));
    }
}
