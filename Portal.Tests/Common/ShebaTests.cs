using Portal.Domain.Common;

namespace Portal.Tests.Common;

public class ShebaTests
{
    [Theory]
    [InlineData("IR062960000000100324200001")]
    [InlineData("IR820540102680020817909002")]
    public void Check_PublishedExamples_AreAccepted(string sheba)
    {
        var result = Sheba.Check(sheba);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal(sheba, result.Value);
    }

    [Theory]
    [InlineData("ir06 2960 0000 0010 0324 2000 01")]
    [InlineData("IR06-2960-0000-0010-0324-2000-01")]
    [InlineData("IR۰۶۲۹۶۰۰۰۰۰۰۰۱۰۰۳۲۴۲۰۰۰۰۱")]
    [InlineData("062960000000100324200001")]
    public void Check_LenientForms_AreNormalised(string input) =>
        Assert.Equal("IR062960000000100324200001", Sheba.Check(input).Value);

    [Theory]
    [InlineData("IR062960000000100324200002")]
    [InlineData("IR072960000000100324200001")]
    [InlineData("IR820540102680020817909012")]
    public void Check_OneDigitChanged_IsRejected(string sheba)
    {
        using var _ = CultureScope.PersianMessages();
        Assert.Equal("رقم کنترل شماره شبا درست نیست.", Sheba.Check(sheba).Error);
    }

    [Theory]
    [InlineData("IR06296000000010032420000")]
    [InlineData("DE062960000000100324200001")]
    [InlineData("IR0629600000001003242000AB")]
    [InlineData("12345")]
    public void Check_WrongShape_IsRejected(string sheba)
    {
        using var _ = CultureScope.PersianMessages();
        Assert.Equal("شماره شبا باید با IR و ۲۴ رقم باشد.", Sheba.Check(sheba).Error);
    }

    [Fact]
    public void Check_Empty_AsksForTheField()
    {
        using var _ = CultureScope.PersianMessages();
        Assert.Equal("شماره شبا را وارد کنید.", Sheba.Check(" ").Error);
    }

    [Theory]
    [InlineData("296", "0000000100324200001", "IR062960000000100324200001")]
    [InlineData("054", "0102680020817909002", "IR820540102680020817909002")]
    public void Create_PublishedAccounts_ComputesTheirCheckDigits(string bank, string account, string expected) =>
        Assert.Equal(expected, Sheba.Create(bank, account));

    [Fact]
    public void Create_AnyAccount_AlwaysPassesCheck()
    {
        var random = new Random(97);
        for (var i = 0; i < 200; i++)
        {
            var account = string.Concat(Enumerable.Range(0, 19).Select(_ => (char)('0' + random.Next(10))));
            Assert.True(Sheba.IsValid(Sheba.Create("017", account)));
        }
    }
}
