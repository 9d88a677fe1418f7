using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.MonthlyStats;
using Portal.Domain.Security;
using Portal.Hosting;
using Portal.Features.MonthlyStats;

namespace Portal.Tests.MonthlyStats;

/// <summary>The monthly form's messages under each field, and the review office's worklist as each role sees it.</summary>
public sealed class MonthlyPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<PortalTestContext> ContextAsync(string userName, string role)
    {
        var ctx = new PortalTestContext();
        await ctx.UsePortalAsync(portal, userName, signedInRole: role);
        ctx.Services.AddSingleton(new MonthlyStatsOptions { LockDay = 0 });
        ctx.Services.AddMemoryCache();
        ctx.Services.AddSingleton<ImportFailures>();
        ctx.Services.AddScoped<MonthlyStatsDesk>();
        ctx.Services.AddScoped<MonthlyWorklistQuery>();
        ctx.Services.AddScoped<MonthlyCompletenessQuery>();
        ctx.Services.AddScoped<AgencyMonthsQuery>();
        ctx.Services.AddScoped<MonthlyTrendQuery>();
        ctx.Services.AddScoped<ReportHistoryQuery>();
        ctx.Services.AddScoped<MonthlyReminders>();
        ctx.Services.AddScoped<ClaimCategories>();
        ctx.RenderInteractivelyOnServer();
        return ctx;
    }

    private static IRenderedComponent<T> Render<T>(PortalTestContext ctx, string period) where T : Microsoft.AspNetCore.Components.IComponent
    {
        ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"monthly?period={period}");
        return ctx.Render<T>();
    }

    [Fact]
    public async Task Form_NamesTheFieldThatIsWrong_WithTheFigureItMustBe()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = await ContextAsync("kerman.agency.user", Roles.AgencyUser);
        var cut = Render<MonthlyForm>(ctx, "1401-02");
        cut.WaitForElement("[data-testid=monthly-save]", TimeSpan.FromSeconds(10));

        cut.Find("input[data-testid^=received-]").Change("۱۰");
        cut.Find("input[data-testid^=amount-]").Change("۵٬۰۰۰٬۰۰۰");
        cut.Find("input[data-testid=forwarded]").Change("6");
        cut.Find("input[data-testid=returned]").Change("1");
        cut.Find("input[data-testid=pending]").Change("9");
        cut.Find("input[data-testid=average-days]").Change("abc");
        cut.Find("button[data-testid=monthly-save]").Click();

        // A figure that is not a number is named under its own field (the balance waits until every figure reads).
        cut.WaitForAssertion(() => Assert.Contains("میانگین روز را به شکل عدد بنویسید", cut.Find(".mud-input-error").TextContent), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("مانده پایان ماه باید", cut.Markup);
        Assert.Null((await (await portal.AsAsync<MonthlyStatsDesk>("kerman.agency.user")).SheetAsync(new JalaliMonth(1401, 2))).Status);

        // With the average fixed, the balance is checked and the pending field says what it must be.
        cut.Find("input[data-testid=average-days]").Change("");
        cut.Find("button[data-testid=monthly-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("مانده پایان ماه باید ۳ باشد", cut.Markup), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Worklist_OffersTheReviewOffice_AcceptAndReturn_OnASubmittedReport()
    {
        using var culture = CultureScope.Persian();
        var month = new JalaliMonth(1401, 3);
        var user = await portal.AsAsync<MonthlyStatsDesk>("kerman.agency.user");
        var sheet = await user.SheetAsync(month);
        var form = new MonthlyReportForm { Forwarded = "1", Returned = "0", Pending = (sheet.PendingBroughtForward + 1).ToString() };
        form.Received[sheet.Categories[0].Id] = "2";
        form.Amount[sheet.Categories[0].Id] = "2000000";
        Assert.Empty(await user.SaveAsync(month, form, null));
        await (await portal.AsAsync<MonthlyStatsDesk>("kerman.agency.manager")).SubmitAsync(month, form, (await user.SheetAsync(month)).Version);

        await using var ctx = await ContextAsync("kerman.review", Roles.ReviewOffice);
        var cut = Render<MonthlyWorklist>(ctx, "1401-03");
        cut.WaitForElement("[data-testid=status-AG-08001]", TimeSpan.FromSeconds(10));

        Assert.Equal("ارسال‌شده به دفتر رسیدگی", cut.Find("[data-testid=status-AG-08001]").TextContent.Trim());
        Assert.NotEmpty(cut.FindAll("[data-testid=accept-AG-08001]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=return-AG-08001]"));
        Assert.Empty(cut.FindAll("[data-testid=accept-AG-08002]"));
        Assert.Equal("شروع نشده", cut.Find("[data-testid=status-AG-08002]").TextContent.Trim());
    }

    [Fact]
    public async Task Worklist_OfAnotherProvincesOffice_HasOnlyItsOwnAgencies()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = await ContextAsync("golestan.review", Roles.ReviewOffice);
        var cut = Render<MonthlyWorklist>(ctx, "1401-03");
        cut.WaitForElement("[data-testid=status-AG-27001]", TimeSpan.FromSeconds(10));

        Assert.Empty(cut.FindAll("[data-testid^=status-AG-08]"));
    }

    [Fact]
    public async Task Worklist_IsEmpty_AndOffersNothing_ToATreatmentDirector()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = await ContextAsync("kerman.treatment", Roles.TreatmentDirectorate);
        var cut = Render<MonthlyWorklist>(ctx, "1401-03");
        cut.WaitForElement("[data-testid=worklist]", TimeSpan.FromSeconds(10));

        Assert.Empty(cut.FindAll("[data-testid^=status-]"));
        Assert.Empty(cut.FindAll("[data-testid^=accept-]"));
    }

    [Fact]
    public async Task Form_SubmitWithUnsavedEdits_AsksFirst_ThenSendsWhatIsOnScreen()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = await ContextAsync("kerman.agency.manager", Roles.AgencyManager);
        var dialogs = ctx.Render<MudBlazor.MudDialogProvider>();
        var cut = Render<MonthlyForm>(ctx, "1401-04");
        cut.WaitForElement("[data-testid=monthly-submit]", TimeSpan.FromSeconds(10));

        // Typed, never saved, and sent.
        cut.Find("input[data-testid^=received-]").Change("۱۰");
        cut.Find("input[data-testid^=amount-]").Change("۴۳۰٬۰۰۰٬۰۰۰");
        cut.Find("input[data-testid=forwarded]").Change("6");
        cut.Find("input[data-testid=returned]").Change("1");
        var broughtForward = (await (await portal.AsAsync<MonthlyStatsDesk>("kerman.agency.manager")).SheetAsync(new JalaliMonth(1401, 4))).PendingBroughtForward;
        cut.Find("input[data-testid=pending]").Change((broughtForward + 3).ToString());
        cut.Find("button[data-testid=monthly-submit]").Click();

        // It asks first, saying what will happen and that it is final.
        dialogs.WaitForAssertion(() => Assert.Contains("آمار ماه تیر ۱۴۰۱", dialogs.Find("[data-testid=confirm-message]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Contains("این کار برگشت‌پذیر نیست.", dialogs.Markup);
        dialogs.Find("[data-testid=confirm-yes]").Click();

        cut.WaitForAssertion(() => Assert.Equal("ارسال‌شده به دفتر رسیدگی", cut.Find("[data-testid=report-status]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        var sent = await (await portal.AsAsync<MonthlyStatsDesk>("kerman.agency.manager")).SheetAsync(new JalaliMonth(1401, 4));
        Assert.Equal((ReportStatus.Submitted, 10, 430_000_000L), (sent.Status, sent.Figures!.FilesReceived, sent.Figures.AmountClaimed));
    }

    [Fact]
    public async Task Form_OfAMonthNotOver_SaysWhenItOpens_AndOffersNoButtons()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = await ContextAsync("kerman.agency.manager", Roles.AgencyManager);
        var next = JalaliDate.Today(TimeProvider.System).YearMonth.Next();
        var cut = Render<MonthlyForm>(ctx, $"{next.Year:0000}-{next.Month:00}");
        cut.WaitForElement("[data-testid=period-not-over]", TimeSpan.FromSeconds(10));

        Assert.Contains(next.Last.ToPersianString(), cut.Find("[data-testid=period-not-over]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=monthly-save]"));
        Assert.Empty(cut.FindAll("[data-testid=monthly-submit]"));
        Assert.NotNull(cut.Find("[data-testid=period-next]").GetAttribute("disabled"));
    }

    [Fact]
    public async Task Worklist_ShowsTheFiguresBesideTheActions_AndWhatChangedSinceTheReturn()
    {
        using var culture = CultureScope.Persian();
        var month = new JalaliMonth(1401, 5);
        var manager = await portal.AsAsync<MonthlyStatsDesk>("kerman.agency.manager");
        var sheet = await manager.SheetAsync(month);
        var category = sheet.Categories[0].Id;
        var form = new MonthlyReportForm { Forwarded = "1", Returned = "0", Pending = (sheet.PendingBroughtForward + 1).ToString() };
        (form.Received[category], form.Amount[category]) = ("2", "436440000");
        Assert.Empty(await manager.SubmitAsync(month, form, null));
        var review = await portal.AsAsync<MonthlyStatsDesk>("kerman.review");
        var id = (await (await portal.AsAsync<MonthlyWorklistQuery>("kerman.review")).WorklistAsync(month)).Single(r => r.Code == "AG-08001");
        await review.ReturnAsync(id.ReportId!.Value, id.Version!.Value, "مبلغ بستری");
        form.Amount[category] = "430000000";
        Assert.Empty(await manager.SubmitAsync(month, form, (await manager.SheetAsync(month)).Version));

        await using var ctx = await ContextAsync("kerman.review", Roles.ReviewOffice);
        var cut = Render<MonthlyWorklist>(ctx, "1401-05");
        cut.WaitForElement("[data-testid=amount-AG-08001]", TimeSpan.FromSeconds(10));

        Assert.StartsWith("۴۳۰٬۰۰۰٬۰۰۰", cut.Find("[data-testid=amount-AG-08001]").TextContent.Trim());
        Assert.StartsWith("۲", cut.Find("[data-testid=received-AG-08001]").TextContent.Trim());
        var since = cut.Find("[data-testid=since-return-AG-08001]").TextContent;
        Assert.Contains("۴۳۶٬۴۴۰٬۰۰۰", since);
        Assert.Contains("۴۳۰٬۰۰۰٬۰۰۰", since);
        Assert.NotEmpty(cut.FindAll("[data-testid=accept-AG-08001]"));
    }

    [Fact]
    public async Task Completeness_HasABarChart_LabelledByProvinceName_BesideTheTable()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = await ContextAsync("headoffice", Roles.HeadOffice);
        var cut = Render<MonthlyCompleteness>(ctx, "1401-02");
        cut.WaitForElement("[data-testid=completeness-chart] svg", TimeSpan.FromSeconds(10));

        var chart = cut.Find("[data-testid=completeness-chart]").TextContent;
        Assert.Contains("کرمان", chart);
        Assert.DoesNotMatch("[0-9]", chart);
        Assert.NotNull(cut.Find("[data-testid=completeness]"));
    }

    [Fact]
    public async Task Trend_HasLineCharts_OfFilesAndAmounts_BesideTheTable()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = await ContextAsync("headoffice", Roles.HeadOffice);
        var cut = Render<MonthlyTrend>(ctx, "1402-03");
        cut.WaitForElement("[data-testid=trend-amount-chart] svg", TimeSpan.FromSeconds(10));

        Assert.Contains("خرداد", cut.Find("[data-testid=trend-files-chart]").TextContent);
        Assert.DoesNotMatch("[0-9]", cut.Find("[data-testid=trend-amount-chart]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=trend]"));
    }

    [Fact]
    public async Task Categories_ACommandOnOneRow_KeepsANameTypedInAnother()
    {
        using var culture = CultureScope.Persian();
        var admin = await portal.AsAsync<ClaimCategories>("admin");
        var (first, second) = (await admin.AddAsync("فیزیوتراپی", "Physiotherapy"), await admin.AddAsync("شنوایی‌سنجی", "Audiometry"));
        var codes = (await admin.ListAsync()).ToDictionary(i => i.Id, i => i.Code);
        await using var ctx = await ContextAsync("admin", Roles.SystemAdmin);
        var cut = ctx.Render<ClaimCategoriesPage>();
        cut.WaitForElement($"input[data-testid=name-fa-{codes[first]}]", TimeSpan.FromSeconds(10));

        cut.Find($"input[data-testid=name-fa-{codes[first]}]").Change("فیزیوتراپی و توانبخشی");
        cut.Find($"button[data-testid=retire-{codes[second]}]").Click();

        cut.WaitForElement($"button[data-testid=restore-{codes[second]}]", TimeSpan.FromSeconds(10));
        Assert.Equal("فیزیوتراپی و توانبخشی", cut.Find($"input[data-testid=name-fa-{codes[first]}]").GetAttribute("value"));
        await admin.RetireAsync(first);
    }
}
