using Portal.Domain.Common;

namespace Portal.Tests.Common;

public class PostalCodeTests
{
    [Theory]
    [InlineData("1136913111", "1136913111")]
    [InlineData("11369-13111", "1136913111")]
    [InlineData("۱۱۳۶۹ ۱۳۱۱۱", "1136913111")]
    public void Check_TenDigits_AreAccepted(string input, string expected) =>
        Assert.Equal(expected, PostalCode.Check(input).Value);

    [Theory]
    [InlineData("113691311")]
    [InlineData("11369131110")]
    [InlineData("11369a3111")]
    public void Check_WrongLength_IsRejected(string input)
    {
        using var _ = CultureScope.PersianMessages();
        Assert.Equal("کد پستی باید ۱۰ رقم باشد.", PostalCode.Check(input).Error);
    }

    [Fact]
    public void Check_AllSameDigit_IsRejected()
    {
        using var _ = CultureScope.PersianMessages();
        Assert.Equal("کد پستی با ارقام یکسان پذیرفته نیست.", PostalCode.Check("1111111111").Error);
    }

    [Fact]
    public void Check_LeadingZero_IsRejected()
    {
        using var _ = CultureScope.PersianMessages();
        Assert.Equal("کد پستی نباید با صفر شروع شود.", PostalCode.Check("0136913111").Error);
    }

    [Fact]
    public void Check_Empty_AsksForTheField()
    {
        using var _ = CultureScope.PersianMessages();
        Assert.Equal("کد پستی را وارد کنید.", PostalCode.Check("").Error);
    }
}
