using Portal.Domain.Common;

namespace Portal.Tests.Common;

public class MobileTests
{
    [Theory]
    [InlineData("09121234567")]
    [InlineData("+989121234567")]
    [InlineData("00989121234567")]
    [InlineData("989121234567")]
    [InlineData("9121234567")]
    [InlineData("۰۹۱۲۱۲۳۴۵۶۷")]
    [InlineData("0912 123 4567")]
    [InlineData("0912-123-4567")]
    [InlineData("+98 (912) 123-4567")]
    [InlineData("+98 0912 123 4567")]
    public void Check_AcceptedForms_NormaliseTo09(string input)
    {
        var result = Mobile.Check(input);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal("09121234567", result.Value);
    }

    [Theory]
    [InlineData("02112345678")]
    [InlineData("0912123456")]
    [InlineData("091212345678")]
    [InlineData("+449121234567")]
    [InlineData("0912abc4567")]
    public void Check_NotAnIranianMobile_IsRejected(string input)
    {
        using var _ = CultureScope.PersianMessages();
        Assert.Equal("شماره همراه باید به شکل ۰۹xxxxxxxxx و ۱۱ رقم باشد.", Mobile.Check(input).Error);
    }

    [Fact]
    public void Check_Empty_AsksForTheField()
    {
        using var _ = CultureScope.PersianMessages();
        Assert.Equal("شماره همراه را وارد کنید.", Mobile.Check(null).Error);
    }
}
