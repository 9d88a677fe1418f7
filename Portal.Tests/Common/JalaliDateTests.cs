using Portal.Domain.Common;

namespace Portal.Tests.Common;

public class JalaliDateTests
{
    [Fact]
    public void EveryDayOfFortyYears_ConvertsAsThePersianCalendarSays_AndBack()
    {
        var calendar = new System.Globalization.PersianCalendar();
        for (var date = new DateOnly(1990, 1, 1); date < new DateOnly(2030, 1, 1); date = date.AddDays(1))
        {
            var dt = date.ToDateTime(TimeOnly.MinValue);
            var expected = new JalaliDate(calendar.GetYear(dt), calendar.GetMonth(dt), calendar.GetDayOfMonth(dt));
            Assert.Equal(expected, JalaliDate.FromDateOnly(date));
            Assert.Equal(expected, JalaliDate.FromDateOnly(date)); // and again, from what was kept
            Assert.Equal(date, expected.ToDateOnly());
        }
    }

    [Fact]
    public void Nowruz1403_IsMarch20_2024()
    {
        Assert.Equal(new DateOnly(2024, 3, 20), new JalaliDate(1403, 1, 1).ToDateOnly());
        Assert.Equal(new JalaliDate(1403, 1, 1), JalaliDate.FromDateOnly(new DateOnly(2024, 3, 20)));
    }

    [Fact]
    public void Mehr1_1403_IsSeptember22_2024() =>
        Assert.Equal(new JalaliDate(1403, 7, 1), JalaliDate.FromDateOnly(new DateOnly(2024, 9, 22)));

    [Theory]
    [InlineData(1399, true)]
    [InlineData(1402, false)]
    [InlineData(1403, true)]
    [InlineData(1404, false)]
    public void IsLeapYear_KnownYears_MatchesOfficialCalendar(int year, bool leap) => Assert.Equal(leap, JalaliDate.IsLeapYear(year));

    [Fact]
    public void Esfand30_LeapAndCommonYears_ExistsOnlyInLeapYears()
    {
        Assert.Equal(30, JalaliDate.DaysInMonth(1399, 12));
        Assert.Equal(30, JalaliDate.DaysInMonth(1403, 12));
        Assert.Equal(29, JalaliDate.DaysInMonth(1402, 12));
        Assert.True(JalaliDate.TryParse("1399/12/30", out _));
        Assert.True(JalaliDate.TryParse("1403/12/30", out _));
        Assert.False(JalaliDate.TryParse("1402/12/30", out _));
    }

    [Fact]
    public void Esfand29_1402_IsLastDayOfTheYear() =>
        Assert.Equal(new JalaliDate(1403, 1, 1), new JalaliDate(1402, 12, 29).AddDays(1));

    [Theory]
    [InlineData("1403/07/01")]
    [InlineData("1403/7/1")]
    [InlineData("1403-07-01")]
    [InlineData("۱۴۰۳/۰۷/۰۱")]
    [InlineData("١٤٠٣/٠٧/٠١")]
    [InlineData(" 1403 / 07 / 01 ")]
    public void TryParse_AcceptedForms_GiveTheDate(string text)
    {
        Assert.True(JalaliDate.TryParse(text, out var date));
        Assert.Equal(new JalaliDate(1403, 7, 1), date);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1403/13/01")]
    [InlineData("1403/00/10")]
    [InlineData("1403/07/31")]
    [InlineData("1403/12/31")]
    [InlineData("1403/06/32")]
    [InlineData("1403/07/00")]
    [InlineData("03/07/01")]
    [InlineData("1403/07")]
    [InlineData("1403/07/01/01")]
    [InlineData("2024-09-22T00:00")]
    [InlineData("abc")]
    public void TryParse_ImpossibleOrMalformed_IsRejected(string? text) => Assert.False(JalaliDate.TryParse(text, out _));

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionWithPersianMessage()
    {
        using var _ = CultureScope.PersianMessages();
        var ex = Assert.Throws<FormatException>(() => JalaliDate.Parse("1403/07"));
        Assert.Equal("تاریخ معتبر نیست؛ به شکل ۱۴۰۳/۰۷/۰۱ وارد کنید.", ex.Message);
    }

    [Theory]
    [InlineData("1403–01–01")] // en dash
    [InlineData("1403—01—01")] // em dash
    [InlineData("1403−01−01")] // minus sign
    [InlineData("1403\u200C/01\u200C/01")] // a half-space before the slash
    [InlineData("1403.01.01")]
    [InlineData("1403٫01٫01")] // Arabic decimal point
    [InlineData("1403؍01؍01")] // Arabic date separator
    [InlineData("1403\\01\\01")]
    [InlineData("14030101")]
    [InlineData("۱۴۰۳–۰۱–۰۱")]
    [InlineData("۱۴۰۳\u200C/۰۱/۰۱")]
    [InlineData("١٤٠٣.٠١.٠١")]
    [InlineData("۱۴۰۳۰۱۰۱")]
    [InlineData("\u200F۱۴۰۳/۱/۱\u200F")]
    public void Read_EverySeparatorAClerkTypes_GivesTheDate(string text) => Assert.Equal(new JalaliDate(1403, 1, 1), JalaliDate.Parse(text));

    [Theory]
    [InlineData("", "DateRequired")]
    [InlineData("1403,01,01", "DateInvalid")] // a comma groups thousands; no date separator
    [InlineData("140311", "DateInvalid")] // 1403/1/1 or 1403/11? not guessed
    [InlineData("1403/07", "DateInvalid")]
    [InlineData("0000/01/01", "DateInvalid")]
    [InlineData("1403/13/01", "Date.NoSuchMonth")]
    [InlineData("۱۴۰۳/۰۰/۱۰", "Date.NoSuchMonth")]
    [InlineData("14031301", "Date.NoSuchMonth")]
    [InlineData("1403/06/32", "Date.NoSuchDay")]
    [InlineData("1403/07/31", "Date.NoSuchDay")]
    [InlineData("1403/07/00", "Date.NoSuchDay")]
    [InlineData("1404/12/30", "Date.NotLeapYear")]
    [InlineData("1402.12.30", "Date.NotLeapYear")]
    [InlineData("1403/12/31", "Date.NoSuchDay")]
    public void Read_ImpossibleDate_SaysWhatIsWrong(string text, string key) => Assert.Equal(key, JalaliDate.Read(text).ErrorKey);

    [Fact]
    public void Read_Esfand30_IsADateInALeapYear() => Assert.Equal(new JalaliDate(1403, 12, 30), JalaliDate.Parse("1403.12.30"));

    [Theory]
    [InlineData("1403/13/01", "ماه ۱۳ نداریم؛ ماه از ۱ تا ۱۲ است.")]
    [InlineData("1404/12/30", "سال ۱۴۰۴ کبیسه نیست؛ اسفند آن ۲۹ روز دارد.")]
    [InlineData("1403/07/31", "مهر ۳۰ روز دارد؛ روز ۳۱ ندارد.")]
    [InlineData("1403/01/32", "فروردین ۳۱ روز دارد؛ روز ۳۲ ندارد.")]
    public void Check_ImpossibleDate_NamesTheMonthOrYearInPersian(string text, string message)
    {
        using var _ = CultureScope.PersianMessages();
        Assert.Equal(message, JalaliDate.Check(text).Error);
    }

    [Fact]
    public void Check_ImpossibleDay_InEnglish_NamesTheMonthNumber()
    {
        using var _ = CultureScope.EnglishMessages();
        Assert.Equal("Month 7 has 30 days: there is no day 31.", JalaliDate.Check("1403/07/31").Error);
    }

    [Fact]
    public void PastDate_ImpossibleDay_SaysWhatIsWrong_NotOnlyTheFormat()
    {
        using var _ = CultureScope.PersianMessages();
        Assert.Equal("سال ۱۴۰۲ کبیسه نیست؛ اسفند آن ۲۹ روز دارد.", Input.PastDate("1402/12/30", new DateOnly(2030, 1, 1)).Error);
    }

    [Fact]
    public void Check_Empty_AsksForTheDate()
    {
        using var _ = CultureScope.PersianMessages();
        Assert.Equal("تاریخ را وارد کنید.", JalaliDate.Check("").Error);
    }

    [Fact]
    public void Create_InvalidDay_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JalaliDate.Create(1402, 12, 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => JalaliDate.Create(1403, 13, 1));
        Assert.Equal(new JalaliDate(1403, 12, 30), JalaliDate.Create(1403, 12, 30));
    }

    [Fact]
    public void Format_EachForm_GivesAsciiPersianAndLongForms()
    {
        var date = new JalaliDate(1403, 7, 1);
        Assert.Equal("1403/07/01", date.ToString());
        Assert.Equal("۱۴۰۳/۰۷/۰۱", date.ToPersianString());
        Assert.Equal("۱ مهر ۱۴۰۳", date.ToLongPersianString());
    }

    [Fact]
    public void FromInstant_NearMidnightUtc_UsesTehranCalendarDay()
    {
        // 21:00 UTC on 22 Sep is already 00:30 on 23 Sep (1403/07/02) in Tehran.
        Assert.Equal(new JalaliDate(1403, 7, 2), JalaliDate.FromInstant(new DateTimeOffset(2024, 9, 22, 21, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new JalaliDate(1403, 7, 1), JalaliDate.FromInstant(new DateTimeOffset(2024, 9, 22, 20, 29, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void Today_StoppedClock_ReadsTheGivenClock() =>
        Assert.Equal(new JalaliDate(1403, 1, 1), JalaliDate.Today(TestClock.StoppedAt(new DateTimeOffset(2024, 3, 20, 6, 0, 0, TimeSpan.Zero))));

    [Fact]
    public void StartInstant_AnyDay_IsMidnightTehran() =>
        Assert.Equal(new DateTimeOffset(2024, 9, 22, 20, 30, 0, TimeSpan.Zero), new JalaliDate(1403, 7, 2).StartInstant);

    [Fact]
    public void AddDays_PastMonthAndYearEnds_CrossesThem()
    {
        Assert.Equal(new JalaliDate(1403, 7, 1), new JalaliDate(1403, 6, 31).AddDays(1));
        Assert.Equal(new JalaliDate(1402, 12, 29), new JalaliDate(1403, 1, 1).AddDays(-1));
    }

    [Fact]
    public void Compare_TwoDates_OrdersByYearMonthDay()
    {
        var a = new JalaliDate(1402, 12, 29);
        var b = new JalaliDate(1403, 1, 1);
        Assert.True(a < b);
        Assert.True(b > a);
        Assert.True(a <= new JalaliDate(1402, 12, 29));
        Assert.Equal(new[] { a, b }, new[] { b, a }.Order());
    }

    [Fact]
    public void YearMonth_OfADate_IsTheContainingMonth() =>
        Assert.Equal(new JalaliMonth(1403, 7), new JalaliDate(1403, 7, 15).YearMonth);
}
