using Portal.Domain.Common;

namespace Portal.Tests.Common;

public class TextNormalizerTests
{
    [Fact]
    public void Normalize_Null_ReturnsEmpty() => Assert.Equal("", TextNormalizer.Normalize(null));

    [Theory]
    [InlineData("علي", "علی")]
    [InlineData("مصطفى", "مصطفی")]
    [InlineData("كريم", "کریم")]
    public void Normalize_ArabicYehAndKaf_BecomePersian(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void Normalize_TehMarbuta_IsLeftAlone() => Assert.Equal("فاطمة", TextNormalizer.Normalize("فاطمة"));

    [Theory]
    [InlineData("۱۴۰۳", "1403")]
    [InlineData("٠١٢٣٤٥٦٧٨٩", "0123456789")]
    [InlineData("۰۱۲۳۴۵۶۷۸۹", "0123456789")]
    public void Normalize_PersianAndArabicDigits_BecomeAscii(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void Normalize_PaddedText_TrimsAndCollapsesWhitespace() =>
        Assert.Equal("سازمان تامین اجتماعی", TextNormalizer.Normalize("  سازمان \t\n تامین\u00A0\u00A0اجتماعی  "));

    [Fact]
    public void Normalize_ZwnjInsideWord_IsKept() => Assert.Equal("می\u200Cروم", TextNormalizer.Normalize("می\u200Cروم"));

    [Fact]
    public void Normalize_DoubledZwnj_BecomesOne() => Assert.Equal("می\u200Cروم", TextNormalizer.Normalize("می\u200C\u200Cروم"));

    [Fact]
    public void Normalize_ZwnjAtEdgesOrBesideSpace_IsRemoved() =>
        Assert.Equal("کتاب ها", TextNormalizer.Normalize("\u200Cکتاب\u200C ها\u200C"));

    [Fact]
    public void Normalize_ZeroWidthSpaceBomAndTatweel_AreRemoved() =>
        Assert.Equal("سلام", TextNormalizer.Normalize("\uFEFFســـلا\u200Bم"));

    [Fact]
    public void Normalize_ZeroWidthJoiner_IsLeftAlone() => Assert.Equal("a\u200Db", TextNormalizer.Normalize("a\u200Db"));

    [Fact]
    public void DigitsOnly_TypedNumber_DropsSpacesDashesAndSeparators() =>
        Assert.Equal("0499370899", TextNormalizer.DigitsOnly(" ۰۴۹-۹۳۷۰۸۹–۹ "));

    [Fact]
    public void DigitsOnly_KeepsLetters_SoValidatorsCanRejectThem() =>
        Assert.Equal("12ab", TextNormalizer.DigitsOnly("12 ab"));

    [Fact]
    public void ToPersianDigits_MixedText_ConvertsOnlyAsciiDigits() =>
        Assert.Equal("۱۴۰۳/۰۷/۰۱ abc", TextNormalizer.ToPersianDigits("1403/07/01 abc"));
}
