using Portal.Domain.Common;

namespace Portal.Tests.Common;

public class RialTests
{
    [Theory]
    [InlineData("1234567", 1234567)]
    [InlineData("1,234,567", 1234567)]
    [InlineData("۱٬۲۳۴٬۵۶۷", 1234567)]
    [InlineData("١،٢٣٤،٥٦٧", 1234567)]
    [InlineData(" 1 234 567 ", 1234567)]
    [InlineData("0", 0)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Check_DigitsWithSeparators_AreParsed(string input, long expected)
    {
        var result = Rial.Check(input);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal(new Rial(expected), result.Value);
    }

    [Theory]
    [InlineData("-100")]
    [InlineData("12.5")]
    [InlineData("12٫5")]
    [InlineData("1e6")]
    [InlineData("صد")]
    [InlineData("100 ریال")]
    public void Check_NegativeDecimalOrText_IsRejected(string input)
    {
        using var _ = CultureScope.PersianMessages();
        Assert.Equal("مبلغ باید عددی صحیح و نامنفی به ریال باشد.", Rial.Check(input).Error);
    }

    [Fact]
    public void Check_Overflow_IsRejected()
    {
        using var _ = CultureScope.PersianMessages();
        Assert.Equal("مبلغ بیش از حد بزرگ است.", Rial.Check("9223372036854775808").Error);
    }

    [Fact]
    public void Check_Empty_AsksForTheAmount()
    {
        using var _ = CultureScope.PersianMessages();
        Assert.Equal("مبلغ را وارد کنید.", Rial.Check("  ").Error);
    }

    [Fact]
    public void ToString_AnyAmount_UsesLatinDigitsWithCommas() => Assert.Equal("1,234,567", new Rial(1234567).ToString());

    [Fact]
    public void ToPersianString_AnyAmount_UsesPersianDigitsArabicSeparatorAndUnit() =>
        Assert.Equal("۱٬۲۳۴٬۵۶۷ ریال", new Rial(1234567).ToPersianString());

    [Fact]
    public void ToString_Zero_IsZero() => Assert.Equal("0", Rial.Zero.ToString());

    [Fact]
    public void Arithmetic_TwoAmounts_AddsAndSubtracts() =>
        Assert.Equal(new Rial(700), new Rial(1000) - new Rial(500) + new Rial(200));

    [Fact]
    public void Addition_Overflow_Throws() =>
        Assert.Throws<OverflowException>(() => new Rial(long.MaxValue) + new Rial(1));

    [Fact]
    public void Compare_TwoAmounts_FollowsValue()
    {
        Assert.True(new Rial(1) < new Rial(2));
        Assert.True(new Rial(2) >= new Rial(2));
        Assert.Equal(-1, new Rial(1).CompareTo(new Rial(5)));
    }
}
