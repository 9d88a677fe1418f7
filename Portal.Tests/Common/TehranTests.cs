using Portal.Domain.Common;

namespace Portal.Tests.Common;

public class TehranTests
{
    [Fact]
    public void Zone_IsUtcPlus0330_SinceDstWasAbolished() =>
        Assert.Equal(TimeSpan.FromHours(3.5), Tehran.Zone.GetUtcOffset(new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void ToLocal_UtcInstant_IsTehranWallTime()
    {
        var local = Tehran.ToLocal(new DateTimeOffset(2024, 9, 22, 20, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateTime(2024, 9, 23, 0, 0, 0), local.DateTime);
        Assert.Equal(TimeSpan.FromHours(3.5), local.Offset);
    }

    [Fact]
    public void StartOfDay_AnyDate_IsTehranMidnight()
    {
        var start = Tehran.StartOfDay(new DateOnly(2024, 9, 22));
        Assert.Equal(new DateTimeOffset(2024, 9, 21, 20, 30, 0, TimeSpan.Zero), start.ToUniversalTime());
    }

    [Fact]
    public void StartOfDay_OnOldDstSwitchDay_IsOneAm()
    {
        // On 2021-03-22 clocks jumped from 00:00 to 01:00, so midnight never happened.
        var start = Tehran.StartOfDay(new DateOnly(2021, 3, 22));
        Assert.Equal(new DateTimeOffset(2021, 3, 22, 1, 0, 0, TimeSpan.FromHours(4.5)), start);
        Assert.Equal(TimeSpan.FromHours(4.5), start.Offset);
    }

    [Fact]
    public void StartOfDay_DuringOldSummerTime_UsesPlus0430() =>
        Assert.Equal(TimeSpan.FromHours(4.5), Tehran.StartOfDay(new DateOnly(2021, 7, 1)).Offset);
}
