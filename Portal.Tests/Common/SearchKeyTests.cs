using Portal.Domain.Common;

namespace Portal.Tests.Common;

public class SearchKeyTests
{
    [Theory]
    // Hamza forms, alef madda and alef wasla are the bare letter; a lone hamza and hamza above vanish.
    [InlineData("تأمین", "تامین")]
    [InlineData("إسلام", "اسلام")]
    [InlineData("آقا", "اقا")]
    [InlineData("ٱلله", "الله")]
    [InlineData("مؤسسه", "موسسه")]
    [InlineData("مسئول", "مسیول")]
    [InlineData("اجزاء", "اجزا")]
    [InlineData("خانهٔ ما", "خانهما")]
    // Diacritics, shadda, sukun, tanwin and the superscript alef.
    [InlineData("مُحَمَّد", "محمد")]
    [InlineData("مُسْتَقِلّ", "مستقل")]
    [InlineData("حتماً", "حتما")]
    [InlineData("کتابٌ", "کتاب")]
    [InlineData("رحمٰن", "رحمن")]
    // Teh marbuta, heh with yeh above, heh doachashmee and Arabic letter variants.
    [InlineData("فاطمة", "فاطمه")]
    [InlineData("خانۀ", "خانه")]
    [InlineData("ھمه", "همه")]
    [InlineData("ڪار", "کار")]
    [InlineData("كريم علي", "کریمعلی")]
    [InlineData("مصطفى", "مصطفی")]
    // ZWNJ, ZWJ, spaces, tatweel and direction marks: the three spellings of «می‌روم» are one key.
    [InlineData("می روم", "میروم")]
    [InlineData("میروم", "میروم")]
    [InlineData("می\u200Cروم", "میروم")]
    [InlineData("می\u200Dروم", "میروم")]
    [InlineData("مـــیروم", "میروم")]
    [InlineData("\u200Fکد\u200E ۰۸", "کد08")]
    // Arabic presentation forms (FB50–FDFF, FE70–FEFF), including the lam-alef ligature.
    [InlineData("\uFEE3\uFEA4\uFEE4\uFEAA", "محمد")]
    [InlineData("\uFEFB\uFB8F", "لاک")]
    [InlineData("\uFBFE\uFBFF", "یی")]
    // Digits of every script are Latin; Latin letters are lower case.
    [InlineData("۱۴۰۳", "1403")]
    [InlineData("٠١٢٣", "0123")]
    [InlineData("AG-08001", "ag-08001")]
    [InlineData("ag-08001", "ag-08001")]
    [InlineData("Ａｇ", "ag")]
    public void Of_FoldsWhatAReaderTakesAsTheSameWord(string typed, string key) => Assert.Equal(key, SearchKey.Of(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \u200C\u200F ")]
    public void Of_NothingTyped_IsEmpty(string? typed) => Assert.Equal("", SearchKey.Of(typed));

    [Theory]
    [InlineData("تامین", "سازمان تأمین اجتماعی")]
    [InlineData("محمد", "مُحَمَّد رضایی")]
    [InlineData("میروم", "من می‌روم")]
    [InlineData("می روم", "من میروم")]
    [InlineData("ag-08001", "AG-08001")]
    public void Matches_AVariantSpelling_FindsTheStoredText(string typed, string stored) => Assert.True(SearchKey.Matches(typed, stored));

    [Fact]
    public void Join_KeepsFieldsApart_SoAKeyNeverSpansTwoFields()
    {
        var text = SearchKey.Join(["AG-08001", "کارگزاری تأمین", null, "مُحَمَّد"]);
        Assert.Equal("ag-08001\nکارگزاریتامین\nمحمد", text);
        Assert.DoesNotContain(SearchKey.Of("08001 کارگزاری"), text, StringComparison.Ordinal);
    }
}
