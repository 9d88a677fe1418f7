using Portal.Domain.Common;
using Portal.Domain.NetworkOutages;

namespace Portal.Tests.NetworkOutages;

/// <summary>The outage's own rules and the forms' field checks (seed 004 §3): times of what happened, follow-ups only while open.</summary>
public sealed class OutageRulesTests
{
    private static readonly DateTimeOffset Now = TestClock.At(new JalaliDate(1405, 8, 10), 12);

    private static NetworkOutage Outage(DateTimeOffset start) => new(1, 1, start, OutageCause.WanLink, "قطع خط", "TMT-1", "staff", start.AddMinutes(5));

    [Fact]
    public void Resolve_BeforeTheStart_IsRefused_AndTheOutageStaysOpen()
    {
        using var persian = CultureScope.Persian();
        var outage = Outage(Now.AddHours(-3));
        var refusal = Assert.Throws<DomainException>(() => outage.Resolve(Now.AddHours(-4), null, "staff", Now));
        Assert.Equal("زمان رفع نمی‌تواند پیش از زمان شروع باشد.", refusal.Message);
        Assert.True(outage.IsOpen);
    }

    [Fact]
    public void Resolve_InTheFuture_IsRefused()
    {
        var outage = Outage(Now.AddHours(-3));
        Assert.Throws<DomainException>(() => outage.Resolve(Now.AddMinutes(1), null, "staff", Now));
        Assert.Null(outage.EndedAt);
    }

    [Fact]
    public void Record_StartingInTheFuture_IsRefused() =>
        Assert.Throws<DomainException>(() => new NetworkOutage(1, 1, Now.AddMinutes(1), OutageCause.Power, "برق", null, "staff", Now));

    [Fact]
    public void FollowUp_AfterResolve_IsRefused_AndNothingIsAdded()
    {
        using var persian = CultureScope.Persian();
        var outage = Outage(Now.AddHours(-3));
        outage.FollowUp("تماس با پشتیبانی", "TMT-2", "staff", Now.AddHours(-2));
        outage.Resolve(Now.AddHours(-1), "وصل شد", "staff", Now);
        var refusal = Assert.Throws<DomainException>(() => outage.FollowUp("دوباره", null, "staff", Now));
        Assert.Equal("این قطعی پیش‌تر رفع شده است.", refusal.Message);
        Assert.Equal(2, outage.FollowUps.Count);
        Assert.Equal("TMT-2", outage.SupportReference);
        Assert.Throws<DomainException>(() => outage.Resolve(Now, null, "staff", Now));
    }

    [Fact]
    public void Form_NamesEachBadField_AndKeepsNothing()
    {
        using var persian = CultureScope.Persian();
        var form = new OutageForm { StartDate = "1405/08/11", StartTime = "25:00", Description = new string('ا', NetworkOutage.DescriptionMaxLength + 1) };
        var (valid, errors) = form.Validate(Now);
        Assert.Null(valid);
        Assert.Equal(Messages.Get("Date.InFuture"), errors[nameof(OutageForm.StartDate)]);
        Assert.Contains("ساعت:دقیقه", errors[nameof(OutageForm.StartTime)]);
        Assert.Equal(Messages.Get("Field.Required"), errors[nameof(OutageForm.Cause)]);
        Assert.Contains("۱۰۰۰", errors[nameof(OutageForm.Description)]);
        Assert.False(errors.ContainsKey(nameof(OutageForm.SupportReference)));
    }

    [Fact]
    public void Form_TodayLaterThanNow_IsInTheFuture_OnTheTimeField()
    {
        using var persian = CultureScope.Persian();
        var (valid, errors) = new OutageForm { StartDate = "1405/08/10", StartTime = "12:30", Cause = OutageCause.Router, Description = "روتر" }.Validate(Now);
        Assert.Null(valid);
        Assert.Equal(Messages.Get("Outages.TimeInFuture"), errors[nameof(OutageForm.StartTime)]);
    }

    [Fact]
    public void Form_ReadsPersianDigitsAsTehranTime_AndAnEndBeforeTheStartIsRefusedOnTheEnd()
    {
        var form = new OutageForm
        {
            StartDate = "۱۴۰۵/۰۸/۰۹", StartTime = "۰۸:۳۰", Cause = OutageCause.WanLink, Description = "قطع خط", SupportReference = " TMT-77 ",
        };
        var (valid, _) = form.Validate(Now);
        Assert.Equal(TestClock.At(new JalaliDate(1405, 8, 9), 8, 30), valid!.StartedAt);
        Assert.Equal("TMT-77", valid.SupportReference);
        Assert.Null(valid.EndedAt);

        form.EndDate = "1405/08/09";
        form.EndTime = "8:00";
        var (refused, errors) = form.Validate(Now);
        Assert.Null(refused);
        Assert.True(errors.ContainsKey(nameof(OutageForm.EndTime)));
    }

    [Fact]
    public void ResolveForm_EndBeforeStart_IsNamedOnTheEndTime()
    {
        var (valid, errors) = new ResolveForm { EndDate = "1405/08/10", EndTime = "07:59" }.Validate(TestClock.At(new JalaliDate(1405, 8, 10), 8), Now);
        Assert.Null(valid);
        Assert.True(errors.ContainsKey(nameof(ResolveForm.EndTime)));
    }

    [Theory]
    [InlineData("8:05", 8, 5)]
    [InlineData("۲۳:۵۹", 23, 59)]
    [InlineData("00.00", 0, 0)]
    public void Clock_ReadsHoursAndMinutes(string typed, int hour, int minute) => Assert.Equal(new TimeOnly(hour, minute), OutageTime.Clock(typed).Value);

    [Theory]
    [InlineData("24:00")]
    [InlineData("8:5")]
    [InlineData("830")]
    [InlineData("ساعت ۸")]
    public void Clock_RefusesWhatIsNoTime(string typed) => Assert.False(OutageTime.Clock(typed).IsValid);
}
