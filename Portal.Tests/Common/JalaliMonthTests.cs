using Portal.Domain.Common;

namespace Portal.Tests.Common;

public class JalaliMonthTests
{
    [Fact]
    public void Bounds_Mehr1403_StartAndEndAtTehranMidnight()
    {
        var mehr = new JalaliMonth(1403, 7);
        Assert.Equal(new DateTimeOffset(2024, 9, 21, 20, 30, 0, TimeSpan.Zero), mehr.StartInstant);
        // Mehr has 30 days, so the exclusive end is 1403/08/01 00:00 Tehran.
        Assert.Equal(new DateTimeOffset(2024, 10, 21, 20, 30, 0, TimeSpan.Zero), mehr.EndInstant);
    }

    [Fact]
    public void Bounds_Esfand1402_EndAtNowruz1403()
    {
        var esfand = new JalaliMonth(1402, 12);
        Assert.Equal(29, esfand.Days);
        Assert.Equal(new JalaliDate(1402, 12, 29), esfand.Last);
        Assert.Equal(new DateTimeOffset(2024, 3, 19, 20, 30, 0, TimeSpan.Zero), esfand.EndInstant);
    }

    [Theory]
    [InlineData(1403, 1, 31)]
    [InlineData(1403, 6, 31)]
    [InlineData(1403, 7, 30)]
    [InlineData(1403, 11, 30)]
    [InlineData(1403, 12, 30)]
    [InlineData(1404, 12, 29)]
    public void Days_EachMonth_FollowTheCalendar(int year, int month, int days) => Assert.Equal(days, new JalaliMonth(year, month).Days);

    [Fact]
    public void NextAndPrevious_AtTheYearsEnds_WrapTheYear()
    {
        Assert.Equal(new JalaliMonth(1404, 1), new JalaliMonth(1403, 12).Next());
        Assert.Equal(new JalaliMonth(1402, 12), new JalaliMonth(1403, 1).Previous());
    }

    [Fact]
    public void Format_AnyMonth_FollowsPersianConventions()
    {
        var mehr = new JalaliMonth(1403, 7);
        Assert.Equal("مهر", mehr.PersianName);
        Assert.Equal("Mehr", mehr.EnglishName);
        Assert.Equal("فروردین", new JalaliMonth(1403, 1).PersianName);
        Assert.Equal("Esfand", new JalaliMonth(1403, 12).EnglishName);
        Assert.Equal("1403/07", mehr.ToString());
        Assert.Equal("مهر ۱۴۰۳", mehr.ToPersianString());
        Assert.Equal(140307, mehr.Key);
    }

    [Theory]
    [InlineData("1403/07")]
    [InlineData("1403/7")]
    [InlineData("1403-07")]
    [InlineData("۱۴۰۳/۰۷")]
    public void TryParse_AcceptedForms_GiveTheMonth(string text)
    {
        Assert.True(JalaliMonth.TryParse(text, out var month));
        Assert.Equal(new JalaliMonth(1403, 7), month);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1403/13")]
    [InlineData("1403/0")]
    [InlineData("1403/07/01")]
    [InlineData("07/1403")]
    public void TryParse_Invalid_IsRejected(string? text) => Assert.False(JalaliMonth.TryParse(text, out _));

    [Fact]
    public void Of_InstantNearMidnight_UsesTehranLocalDate()
    {
        Assert.Equal(new JalaliMonth(1403, 7), JalaliMonth.Of(new DateTimeOffset(2024, 9, 21, 20, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new JalaliMonth(1403, 6), JalaliMonth.Of(new DateTimeOffset(2024, 9, 21, 20, 29, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Create_InvalidMonth_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JalaliMonth.Create(1403, 13));

    [Fact]
    public void Compare_TwoMonths_FollowsKey()
    {
        Assert.True(new JalaliMonth(1402, 12) < new JalaliMonth(1403, 1));
        Assert.True(new JalaliMonth(1403, 2) > new JalaliMonth(1403, 1));
    }
}
