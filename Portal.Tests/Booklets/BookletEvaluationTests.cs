using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Booklets;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Features.Booklets;
using static Portal.Tests.Booklets.BookletReportArrange;

namespace Portal.Tests.Booklets;

/// <summary>
/// The units' evaluation ranks every branch and general office of the country by the weighted score of usage, correct
/// performance and responsiveness; each reader sees its own place (highlighted) and nothing outside its scope; the page
/// shows the report's figures per branch and type.
/// </summary>
public sealed class BookletEvaluationTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => ArrangeAsync(portal);
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<BookletEvaluation.Result> ReadAsync(string userName, BookletEvaluationOptions? weights = null)
    {
        var actor = await Acting.ActorAsync(portal, userName);
        var evaluation = new BookletEvaluation(Eligibility.Insured.DbAs(portal, actor), weights ?? new BookletEvaluationOptions(),
            portal.Services.GetRequiredService<TimeProvider>());
        return await evaluation.ReadAsync(May, May);
    }

    [Fact]
    public async Task DefaultWeights_RankUsageCorrectnessAndResponsiveness()
    {
        var r = await ReadAsync("registration");
        var (first, golestan, second) = (r.Branches.Single(b => b.Code == "BR-08-01"), r.Branches.Single(b => b.Code == "BR-27-01"), r.Branches.Single(b => b.Code == "BR-08-02"));

        // BR-08-01: most services (usage 1), 2 errors of 8 (a corrected renewal, a counter error): 0.4 + 0.4 × 0.75 + 0.2 = 90.
        Assert.Equal((1, 90.0, 0.75), (first.Rank, Math.Round(first.Score, 2), first.Correctness));
        // BR-27-01: 4 of 6 (usage 2/3), refusals for policy are no errors: 0.4 × 2/3 + 0.4 + 0.2 ≈ 86.67.
        Assert.Equal((2, 86.67), (golestan.Rank, Math.Round(golestan.Score, 2)));
        // BR-08-02: usage 0.5, no errors, 24 of 48 down hours: 0.2 + 0.4 + 0.1 = 70.
        Assert.Equal((3, 70.0, 24.0), (second.Rank, Math.Round(second.Score, 2), second.DownHoursPerMonth));
        // Branches that served nobody share the next place.
        Assert.All(r.Branches.Where(b => b.Done == 0), b => Assert.Equal((4, 60.0), (b.Rank, Math.Round(b.Score, 2))));
        Assert.Equal(r.BranchCount, r.Branches.Count);
        Assert.Equal(1, r.GeneralOffices.Single(o => o.Code == "GO-08-1").Rank);
    }

    [Fact]
    public async Task OnlyCorrectnessWeighed_TheBranchWithErrorsComesLast()
    {
        var r = await ReadAsync("headoffice", new BookletEvaluationOptions { UsageWeight = 0, CorrectnessWeight = 1, ResponsivenessWeight = 0 });
        var first = r.Branches.Single(b => b.Code == "BR-08-01");
        Assert.Equal((r.BranchCount, 75.0), (first.Rank, Math.Round(first.Score, 2)));
        Assert.Equal("Booklets.Evaluation.BadWeights", Assert.Throws<DomainException>(() =>
            new BookletEvaluationOptions { UsageWeight = -1 }.Validate()).Key);
    }

    [Fact]
    public async Task EachUnit_SeesItsOwnPlaceOfAll_AndNothingOutsideItsScope()
    {
        var branch = await ReadAsync("kerman.branch.supervisor");
        var own = Assert.Single(branch.Branches);
        Assert.Equal(("BR-08-01", true, 1), (own.Code, own.Own, own.Rank));
        Assert.True(own.Of > 1);
        Assert.Empty(branch.GeneralOffices);

        var office = await ReadAsync("kerman.generaloffice");
        Assert.All(office.Branches, b => Assert.StartsWith("BR-08-", b.Code));
        Assert.DoesNotContain(office.Branches, b => b.Own);
        var go = Assert.Single(office.GeneralOffices);
        Assert.Equal(("GO-08-1", true), (go.Code, go.Own));
        Assert.Equal(office.GeneralOfficeCount, go.Of);
    }

    [Fact]
    public async Task Page_ShowsTotalsPerBranchAndType_AndTheEvaluationHighlightsTheReadersPlace()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        await ctx.UsePortalAsync(portal, "kerman.branch.supervisor");
        ctx.Services.AddScoped<BookletReport>();
        ctx.Services.AddScoped<BookletEvaluation>();
        ctx.Services.AddSingleton(new BookletEvaluationOptions());
        ctx.RenderInteractivelyOnServer();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"booklets/report?period={Period}");

        var cut = ctx.Render<BookletReportPage>();
        cut.WaitForElement("[data-testid=branch-row]", TimeSpan.FromSeconds(10));
        var row = cut.Find("[data-testid=branch-row][data-code=BR-08-01]");
        Assert.Equal("۶", row.QuerySelector("[data-testid=branch-done]")!.TextContent.Trim());
        Assert.Equal("۳", row.QuerySelector("[data-testid=branch-Renewal]")!.TextContent.Trim());
        Assert.Single(cut.FindAll("[data-testid=branch-row]"));
        Assert.Equal("۳", cut.Find("[data-testid=type-row][data-type=Renewal] [data-testid=type-done]").TextContent.Trim());
        Assert.Equal("۲", cut.Find("[data-testid=refusal-total] td:last-child").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=province]")); // a branch cannot pick another province

        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"booklets/report?period={Period}&view=evaluation");
        cut.WaitForElement("[data-testid=evaluation-branch-row][data-own=true]", TimeSpan.FromSeconds(10));
        Assert.StartsWith("۱ از", cut.Find("[data-testid=evaluation-branch-row][data-own=true] [data-testid=evaluation-rank]").TextContent.Trim());
    }
}
