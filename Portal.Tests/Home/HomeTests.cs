using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Domain.Home;
using Portal.Domain.MonthlyStats;
using Portal.Domain.Organisation;
using Portal.Features.Home;

using HomePage = Portal.Features.Home.Home;

namespace Portal.Tests.Home;

/// <summary>Home per role over a real, seeded SQLite database: the role's to-dos with their links first, the counts below for the offices that use them.</summary>
public sealed class HomeTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private IDbContextFactory<PortalDbContext> Contexts => portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    public Task InitializeAsync() => HomeArrange.EnsureAsync(portal);
    public Task DisposeAsync() => Task.CompletedTask;

    private const int Provinces = 31;

    private async Task<IRenderedComponent<HomePage>> RenderHomeAsync(PortalTestContext ctx, string userName)
    {
        var actor = await Acting.ActorAsync(portal, userName);
        ctx.UsePortal(portal, actor);
        ctx.Services.AddSingleton(portal.Services.GetRequiredService<MonthlyStatsOptions>());
        ctx.Services.AddScoped<OrganisationOverview>();
        ctx.Services.AddScoped<ToDoList>();
        var cut = ctx.Render<HomePage>();
        // The to-dos load asynchronously; the list replaces the progress bar when they arrive.
        cut.WaitForElement("[data-testid=todo]", TimeSpan.FromSeconds(20));
        return cut;
    }

    private static IReadOnlyList<(string Kind, string Href, string Text)> ToDos(IRenderedComponent<HomePage> cut) =>
        cut.FindAll("[data-testid=todo-item]").Select(li => (li.GetAttribute("data-kind")!, li.QuerySelector("a")!.GetAttribute("href")!, li.TextContent)).ToList();

    private static string CardFigure(IRenderedComponent<HomePage> cut, string testId) =>
        cut.Find($"[data-testid={testId}] .mud-typography-h5").TextContent.Trim();

    [Fact]
    public async Task AgencyManager_SeesTheReturnedReportWithItsReason_AndTheMonthDue_AsLinks_AndNoOrganisationCounts()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        var (due, returned) = HomeArrange.Months(DateTimeOffset.UtcNow);

        var cut = await RenderHomeAsync(ctx, "kerman.agency.manager");

        var todos = ToDos(cut);
        var back = Assert.Single(todos, t => t.Kind == nameof(ToDoKind.ReportReturned));
        Assert.Equal($"monthly/form?period={returned.Year:0000}-{returned.Month:00}", back.Href);
        Assert.Contains(returned.ToPersianString(), back.Text);
        Assert.Contains(HomeArrange.ReturnReason, back.Text);
        Assert.Contains("از ۱۴", back.Text); // since when, a Jalali date in Persian digits
        Assert.Contains(todos, t => t.Kind == nameof(ToDoKind.ReportDue) && t.Href == $"monthly/form?period={due.Year:0000}-{due.Month:00}");
        Assert.Empty(cut.FindAll("[data-testid^=count-]"));
    }

    [Fact]
    public async Task ReviewOffice_SeesReportsWaiting_LinkedToTheWorklist_AndItsCountsBelow()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();

        var cut = await RenderHomeAsync(ctx, "kerman.review");

        Assert.Contains(ToDos(cut), t => t.Kind == nameof(ToDoKind.ReportsToReview) && t.Href.StartsWith("monthly/worklist?period="));
        Assert.Equal("۲", CardFigure(cut, "count-Agency"));
    }

    [Fact]
    public async Task TreatmentDirectorate_SeesNoticesToAcknowledge_AndItsProvinceTable()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();

        var cut = await RenderHomeAsync(ctx, "kerman.treatment");

        var notices = Assert.Single(ToDos(cut), t => t.Kind == nameof(ToDoKind.NoticesToAcknowledge));
        Assert.Equal("agencies/notices", notices.Href);
        Assert.Contains("اعلام تغییر", notices.Text);
        var row = Assert.Single(cut.FindAll("[data-testid=province-table] tbody tr"));
        Assert.Equal("کرمان", row.QuerySelector("td")!.TextContent.Trim()); // exactly Kerman, not Kermanshah
    }

    [Fact]
    public async Task Governor_SeesTheFileReceived_AndNothingOfAgenciesOrTheOrganisationsCounts()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();

        var cut = await RenderHomeAsync(ctx, "kerman.governor");

        var file = Assert.Single(ToDos(cut), t => t.Kind == nameof(ToDoKind.FileReceived));
        Assert.StartsWith("offset/", file.Href);
        Assert.Contains("۰۸/۱۴۰۵/T۱", file.Text);
        Assert.Empty(cut.FindAll("[data-testid^=count-]"));
        Assert.Empty(cut.FindAll("[data-testid=province-table]"));
        Assert.DoesNotContain("کارگزاری", cut.Markup);
    }

    [Fact]
    public async Task Home_CallCentre_SeesOpenObjections()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();

        var cut = await RenderHomeAsync(ctx, "callcenter");

        Assert.Contains(ToDos(cut), t => t.Kind == nameof(ToDoKind.ObjectionsOpen) && t.Href == "eligibility/objections");
        Assert.Empty(cut.FindAll("[data-testid^=count-]"));
    }

    [Fact]
    public async Task Home_Director_SeesTheFileWaitingToBeSent()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();

        var cut = await RenderHomeAsync(ctx, "kerman.director");

        Assert.Contains(ToDos(cut), t => t.Kind == nameof(ToDoKind.FileToSend) && t.Href.StartsWith("offset/"));
    }

    [Fact]
    public async Task HeadOffice_SeesTheProvincesBehind_ThenEveryProvinceCounted()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();

        var cut = await RenderHomeAsync(ctx, "headoffice");

        Assert.Contains(ToDos(cut), t => t.Kind == nameof(ToDoKind.ProvincesBehindMonthly) && t.Href.StartsWith("monthly?period="));
        Assert.Equal(Provinces, cut.FindAll("[data-testid=province-table] tbody tr").Count);
        Assert.Equal("۶۲", CardFigure(cut, "count-Agency")); // 31 provinces × PortalFactory.AgenciesPerProvince (2)
        Assert.Contains("(۳۱)", cut.Find("[data-testid=province-table] .mud-toolbar").TextContent);
    }

    [Theory]
    [InlineData("kerman.branch.staff", "پرونده فنی در صف اسکن شعبه")]
    [InlineData("kerman.branch.supervisor", "در انتظار تأیید و تطبیق با اصل")]
    public async Task BranchRoles_SeeTheirScanningToDos_AndNoOfficesCounts(string user, string todo)
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();

        var cut = await RenderHomeAsync(ctx, user);

        Assert.Contains(todo, cut.Find("[data-testid=todo]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid^=count-]"));
    }
}
