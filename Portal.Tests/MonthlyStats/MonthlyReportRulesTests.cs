using Portal.Domain.Common;
using Portal.Domain.MonthlyStats;
using Portal.Tests.Agencies;

namespace Portal.Tests.MonthlyStats;

public sealed class MonthlyReportRulesTests
{
    private static readonly int[] Categories = [1, 2];
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static MonthlyReportForm Form(Action<MonthlyReportForm>? change = null)
    {
        var form = new MonthlyReportForm { Forwarded = "30", Returned = "5", Pending = "15", AverageDays = "۳٫۵" };
        form.Received[1] = "۲۰";
        form.Amount[1] = "۱۲٬۰۰۰٬۰۰۰";
        form.Received[2] = "20";
        form.Amount[2] = "8,500,000";
        change?.Invoke(form);
        return form;
    }

    private static MonthlyReport Report(int pendingBroughtForward = 10) =>
        new(AgencyRulesTests.NewAgency().Agency, new JalaliMonth(1405, 7), pendingBroughtForward);

    private static ReportFigures Figures(MonthlyReportForm? form = null, int pendingBroughtForward = 10)
    {
        var (figures, errors) = (form ?? Form()).Validate(Categories, pendingBroughtForward);
        Assert.Empty(errors);
        return figures!;
    }

    [Fact]
    public void BalancedMonth_IsAccepted_WithPersianDigitsAndSeparators()
    {
        var figures = Figures();
        Assert.Equal(40, figures.FilesReceived);
        Assert.Equal(20_500_000, figures.AmountClaimed);
        Assert.Equal(3.5m, figures.AverageDaysToForward);
    }

    [Fact]
    public void PendingThatDoesNotAddUp_IsRefused_SayingWhatItMustBe()
    {
        var (_, errors) = Form(f => f.Pending = "16").Validate(Categories, 10);
        Assert.Equal(["Pending"], errors.Keys);
        Assert.Contains("۱۵", errors["Pending"]);
    }

    [Fact]
    public void Counts_MoreForwardedAndReturnedThanAvailable_AreRefused()
    {
        var (_, errors) = Form(f => { f.Forwarded = "45"; f.Returned = "6"; f.Pending = "0"; }).Validate(Categories, 10);
        Assert.Equal(["Forwarded"], errors.Keys);
    }

    [Fact]
    public void CountWithoutAmount_AndAmountWithoutCount_AreRefused_OnTheMissingField()
    {
        var (_, errors) = Form(f => { f.Amount[1] = ""; f.Received[2] = "0"; }).Validate(Categories, 10);
        Assert.Equal([MonthlyReportForm.AmountField(1), MonthlyReportForm.ReceivedField(2)], errors.Keys.Order());
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("2.5")]
    [InlineData("سی")]
    public void Counts_NegativeOrFractional_AreRefused(string typed)
    {
        var (_, errors) = Form(f => f.Returned = typed).Validate(Categories, 10);
        Assert.Contains("Returned", errors.Keys);
    }

    [Fact]
    public void Amount_Negative_IsRefused() =>
        Assert.Contains(MonthlyReportForm.AmountField(2), Form(f => f.Amount[2] = "-8500000").Validate(Categories, 10).Errors.Keys);

    [Fact]
    public void Report_SubmittedReturnedResubmittedAccepted_IsForwarded()
    {
        var report = Report();
        report.Record(Figures());
        report.Submit("agency.manager", Now);
        report.Return("مبلغ بستری با اسناد نمی‌خواند", "review", Now);
        Assert.Equal("مبلغ بستری با اسناد نمی‌خواند", report.ReturnReason);
        report.Record(Figures(Form(f => f.Amount[1] = "11,000,000")));
        report.Submit("agency.manager", Now);
        report.Accept("review", Now);
        report.Forward("review", Now);
        Assert.Equal(ReportStatus.Forwarded, report.Status);
    }

    [Fact]
    public void ForwardedFigures_AreLocked_UntilReopenedWithAReason()
    {
        var report = Report();
        report.Record(Figures());
        report.Submit("m", Now);
        report.Accept("r", Now);
        report.Forward("r", Now);

        Assert.Throws<DomainException>(() => report.Record(Figures()));
        Assert.Throws<DomainException>(() => report.Reopen(" ", "r", Now));
        report.Reopen("اصلاح مبلغ", "r", Now);
        report.Record(Figures(Form(f => f.Amount[2] = "9,000,000")));
        Assert.Equal(ReportStatus.Accepted, report.Status);
    }

    [Fact]
    public void Report_IllegalSteps_AreRefused()
    {
        var report = Report();
        Assert.Throws<DomainException>(() => report.Accept("r", Now));
        Assert.Throws<DomainException>(() => report.Forward("r", Now));
        Assert.Throws<DomainException>(() => report.Reopen("x", "r", Now));
        report.Submit("m", Now);
        Assert.Throws<DomainException>(() => report.Submit("m", Now));
        Assert.Throws<DomainException>(() => report.Forward("r", Now));
    }

    [Fact]
    public void ChangesAfterAcceptance_AreCounted_AndAnUnchangedSaveIsNot()
    {
        var report = Report();
        report.Record(Figures());
        report.Submit("m", Now);
        report.Accept("r", Now);

        report.Record(Figures());
        report.Record(Figures(Form(f => f.Amount[1] = "13,000,000")));
        report.Record(Figures(Form(f => f.AverageDays = "4")));

        Assert.Equal(2, report.ChangesSinceAcceptance);
    }

    [Fact]
    public void OnTime_Is23_59OnThe10thTehran_NotThe11th()
    {
        var month = new JalaliMonth(1405, 7); // Mehr: due by the end of 10 Aban, Tehran time
        var lastOnTime = new JalaliDate(1405, 8, 10).StartInstant.AddDays(1).AddSeconds(-1);
        var firstLate = new JalaliDate(1405, 8, 11).StartInstant.AddMinutes(1);

        Assert.True(ForwardedAt(month, lastOnTime).ForwardedOnTime);
        Assert.False(ForwardedAt(month, firstLate).ForwardedOnTime);
        Assert.Equal(TimeSpan.FromHours(3.5), Tehran.ToLocal(MonthlyReport.OnTimeCutOff(month)).Offset);
    }

    [Theory]
    [InlineData(1403, "2025-03-30T20:30:00Z")] // 1403 is leap: Esfand has 30 days; due 10 Farvardin 1404
    [InlineData(1404, "2026-03-30T20:30:00Z")] // 1404 is common: Esfand has 29 days
    public void OnTimeCutOff_ForEsfand_IsThe10thOfFarvardin(int year, string cutOffUtc)
    {
        var cutOff = MonthlyReport.OnTimeCutOff(new JalaliMonth(year, 12));
        Assert.Equal(DateTimeOffset.Parse(cutOffUtc), cutOff.ToUniversalTime());
        Assert.Equal(new JalaliDate(year + 1, 1, 11), JalaliDate.FromInstant(cutOff));
    }

    [Fact]
    public void LateFirstForwarding_StaysLate_AfterAReopenAndAnOnTimeLookingSecondForwarding()
    {
        var month = new JalaliMonth(1405, 7);
        var report = ForwardedAt(month, new JalaliDate(1405, 8, 12).StartInstant);
        report.Reopen("اصلاح", "r", Now);
        report.Forward("r", new JalaliDate(1405, 8, 12).StartInstant.AddHours(5));
        Assert.False(report.ForwardedOnTime);
    }

    [Fact]
    public void AllowedActions_FollowTheStatus_AndEachOtherActIsRefused()
    {
        var report = Report();
        report.Record(Figures());
        Assert.Equal(ReportActions.Submit, report.AllowedActions);
        Assert.Throws<DomainException>(() => report.Accept("r", Now));
        report.Submit("m", Now);
        Assert.Equal(ReportActions.Accept | ReportActions.Return, report.AllowedActions);
        Assert.Throws<DomainException>(() => report.Forward("r", Now));
        report.Return("ناقص", "r", Now);
        Assert.Equal(ReportActions.Submit, report.AllowedActions);
        report.Submit("m", Now);
        report.Accept("r", Now);
        Assert.Equal(ReportActions.Forward, report.AllowedActions);
        Assert.Throws<DomainException>(() => report.Reopen("اصلاح", "r", Now));
        report.Forward("r", Now);
        Assert.Equal(ReportActions.Reopen, report.AllowedActions);
        Assert.Equal("Monthly.IllegalTransition", Assert.Throws<DomainException>(() => report.Submit("m", Now)).Key);
    }

    [Theory]
    [InlineData(null, false, true)]
    [InlineData(ReportStatus.Draft, false, true)]
    [InlineData(ReportStatus.Returned, false, true)]
    [InlineData(ReportStatus.Submitted, false, false)]
    [InlineData(ReportStatus.Forwarded, false, false)]
    [InlineData(null, true, false)]
    [InlineData(ReportStatus.Draft, true, false)]
    [InlineData(ReportStatus.Returned, true, true)]
    public void AgencyMayEdit_ANotSentOrReturnedReport_AndAfterTheLockOnlyAReturnedOne(ReportStatus? status, bool pastLock, bool editable) =>
        Assert.Equal(editable, MonthlyReport.AgencyMayEdit(status, pastLock));

    [Fact]
    public void OnTime_IsOneRule_ForTheDeadlineTheCutOffAndTheMark()
    {
        var month = new JalaliMonth(1405, 7);
        Assert.Equal(new JalaliDate(1405, 8, 10), MonthlyReport.ForwardingDeadline(month));
        Assert.True(MonthlyReport.OnTime(month, MonthlyReport.OnTimeCutOff(month).AddTicks(-1)));
        Assert.False(MonthlyReport.OnTime(month, MonthlyReport.OnTimeCutOff(month)));
        Assert.Null(MonthlyReport.OnTime(month, null));
        Assert.False(MonthlyReport.LateToForward(month, MonthlyReport.OnTimeCutOff(month).AddTicks(-1)));
        Assert.True(MonthlyReport.LateToForward(month, MonthlyReport.OnTimeCutOff(month)));
    }

    private static MonthlyReport ForwardedAt(JalaliMonth month, DateTimeOffset at)
    {
        var report = new MonthlyReport(AgencyRulesTests.NewAgency().Agency, month, 10);
        report.Record(Figures());
        report.Submit("m", at);
        report.Accept("r", at);
        report.Forward("r", at);
        return report;
    }
}
