using Portal.Domain.Common;
using Portal.Domain.Contracts;

namespace Portal.Tests.Contracts;

public sealed class ContractTextTests
{
    [Fact]
    public void Check_NormalisesEachLine_AndDropsBlankLines()
    {
        var body = ContractText.Check("## موضوع قرارداد\r\n\r\n-  پذيرش اسناد  {{نام کارگزاری}}\n");
        Assert.Equal("## موضوع قرارداد\n- پذیرش اسناد {{نام کارگزاری}}", body.Value);
    }

    [Fact]
    public void Template_UnknownPlaceholder_IsNamedInTheMessage()
    {
        var body = ContractText.Check("## موضوع\n{{نام مدیر}} و {{استان}}");
        Assert.False(body.IsValid);
        Assert.Contains("نام مدیر", body.Error);
        Assert.DoesNotContain("استان", body.Error);
    }

    [Theory]
    [InlineData("## موضوع\n{{استان")]
    [InlineData("## موضوع\nاستان}}")]
    public void Template_HalfTypedPlaceholder_IsRefused(string text) => Assert.False(ContractText.Check(text).IsValid);

    [Fact]
    public void Template_TextNotStartingWithAnArticle_IsRefused() => Assert.False(ContractText.Check("مقدمه\n## موضوع").IsValid);

    [Fact]
    public void Template_Empty_IsRefused() => Assert.False(ContractText.Check(" \n ").IsValid);

    [Fact]
    public void Parse_NumbersArticlesAndTheirClauses_ParagraphsUnnumbered()
    {
        var articles = ContractText.Parse("## طرفین\nمتن\n## تعهدات\n- یکم\n- دوم");

        Assert.Equal([1, 2], articles.Select(a => a.Number));
        Assert.Equal(new ContractText.Clause(null, "متن"), articles[0].Clauses.Single());
        Assert.Equal(["۲-۱", "۲-۲"], articles[1].Clauses.Select(c => c.Number));
    }

    [Fact]
    public void Fill_TurnsTheTemplatesDigitsPersian_ButLeavesValuesAsGiven()
    {
        var text = ContractText.Fill("## ماده\nظرف 10 روز به حساب {{شماره شبا}}", new Dictionary<string, string> { [ContractText.Sheba] = "IR12 0170" });
        Assert.Equal("## ماده\nظرف ۱۰ روز به حساب IR12 0170", text);
    }

    [Fact]
    public void DefaultTemplate_ShippedWithThePortal_IsValid()
    {
        using var stream = typeof(ContractText).Assembly.GetManifestResourceStream("Portal.Domain.Contracts.DefaultContractTemplate.fa.txt")!;
        var body = ContractText.Check(new StreamReader(stream).ReadToEnd());
        Assert.True(body.IsValid, body.Error);
        Assert.True(ContractText.Parse(body.Value!).Count >= 12);
    }

    [Theory]
    [InlineData(0, "صفر ریال")]
    [InlineData(1_500_000, "یک میلیون و پانصد هزار ریال")]
    [InlineData(250_000, "دویست و پنجاه هزار ریال")]
    [InlineData(999_000_000_000, "نهصد و نود و نه میلیارد ریال")]
    [InlineData(1_000_000_000_000, "یک هزار میلیارد ریال")]
    [InlineData(2_500_000_000_000, "دو هزار و پانصد میلیارد ریال")]
    [InlineData(1_000_000_000_005, "یک هزار میلیارد و پنج ریال")]
    [InlineData(1_000_000_000_000_000, "یک میلیون میلیارد ریال")]
    public void InWords_Amounts_ReadAsPersianWords(long rials, string words) => Assert.Equal(words, ContractPaper.InWords(rials));

    [Fact]
    public void ShebaFormat_FullNumber_IsInGroupsOfFour() =>
        Assert.Equal("IR82 0540 1026 8002 0817 9090 02", Sheba.Format("IR820540102680020817909002"));
}
