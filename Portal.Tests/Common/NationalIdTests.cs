using Portal.Domain.Common;

namespace Portal.Tests.Common;

public class NationalIdTests
{
    [Theory]
    [InlineData("0499370899")]
    [InlineData("0790419904")]
    [InlineData("0084575948")]
    [InlineData("0067749828")]
    [InlineData("0650451252")]
    [InlineData("1583250689")]
    [InlineData("4608968882")]
    [InlineData("0014184036")]
    public void Check_PublishedValidIds_AreAccepted(string id)
    {
        var result = NationalId.Check(id);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal(id, result.Value);
    }

    [Fact]
    public void Check_PersianDigitsAndDashes_AreNormalised()
    {
        var result = NationalId.Check("۰۴۹-۹۳۷۰۸۹-۹");
        Assert.Equal("0499370899", result.Value);
    }

    [Theory]
    [InlineData("499370899")]
    [InlineData("84575948")]
    public void Check_LegacyIdsMissingLeadingZeros_ArePadded(string input)
    {
        var result = NationalId.Check(input);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal(10, result.Value!.Length);
        Assert.EndsWith(input, result.Value);
    }

    [Fact]
    public void Check_WrongCheckDigit_IsRejected()
    {
        using var _ = CultureScope.PersianMessages();
        var result = NationalId.Check("0499370898");
        Assert.False(result.IsValid);
        Assert.Equal("رقم کنترل کد ملی درست نیست.", result.Error);
    }

    [Theory]
    [InlineData("0000000000")]
    [InlineData("1111111111")]
    [InlineData("9999999999")]
    public void Check_AllSameDigit_IsRejected(string id)
    {
        using var _ = CultureScope.PersianMessages();
        Assert.Equal("کد ملی با ارقام یکسان پذیرفته نیست.", NationalId.Check(id).Error);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("04993708990")]
    [InlineData("04993708ab")]
    [InlineData("abcdefghij")]
    public void Check_WrongLengthOrLetters_IsRejected(string id)
    {
        using var _ = CultureScope.PersianMessages();
        Assert.Equal("کد ملی باید ۱۰ رقم باشد.", NationalId.Check(id).Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Check_Empty_AsksForTheField(string? input)
    {
        using var _ = CultureScope.PersianMessages();
        Assert.Equal("کد ملی را وارد کنید.", NationalId.Check(input).Error);
    }

    [Theory]
    [InlineData("049937089", "0499370899")]
    [InlineData("079041990", "0790419904")]
    [InlineData("001418403", "0014184036")]
    public void WithCheckDigit_PublishedIds_AreReproduced(string body, string expected) =>
        Assert.Equal(expected, NationalId.WithCheckDigit(body));

    [Fact]
    public void WithCheckDigit_AnyNineDigits_ProducesAValidId()
    {
        var random = new Random(1403);
        for (var i = 0; i < 500; i++)
        {
            var body = random.Next(10_000_000, 999_999_999).ToString("000000000");
            var id = NationalId.WithCheckDigit(body);
            Assert.True(NationalId.IsValid(id) || id.Distinct().Count() == 1, id);
        }
    }

    [Fact]
    public void WithCheckDigit_NotNineDigits_Throws() =>
        Assert.Throws<ArgumentException>(() => NationalId.WithCheckDigit("12345"));
}
