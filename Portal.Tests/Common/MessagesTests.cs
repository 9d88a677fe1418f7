using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Tests.Common;

public class MessagesTests
{
    [Fact]
    public void EnglishUiCulture_GetsEnglishMessages()
    {
        using var _ = UiCulture.English();
        Assert.Equal("The national ID check digit is wrong.", NationalId.Check("0499370898").Error);
        Assert.Equal("Enter the mobile number.", Mobile.Check("").Error);
    }

    [Fact]
    public void PersianUiCulture_GetsPersianMessages()
    {
        using var _ = UiCulture.Persian();
        Assert.Equal("رقم کنترل کد ملی درست نیست.", NationalId.Check("0499370898").Error);
    }

    [Fact]
    public void InvariantUiCulture_FallsBackToPersian()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            Assert.Equal("کد پستی باید ۱۰ رقم باشد.", PostalCode.Check("123").Error);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void EnglishUiCulture_TranslatesEveryValidator()
    {
        using var _ = UiCulture.English();
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
