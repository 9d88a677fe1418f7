using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Rollout;
using Portal.Domain.Security;
using Portal.Features.Rollout;

namespace Portal.Tests.Rollout;

/// <summary>The rollout dashboard over a real seeded database: one province for its treatment director, all 31 for head office.</summary>
public sealed class RolloutOverviewTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private IRenderedComponent<RolloutOverview> Render(PortalTestContext ctx, Actor actor)
    {
        ctx.UsePortal(portal, actor);
        ctx.Services.AddScoped<RolloutDashboard>();
        ctx.Services.AddScoped<RolloutPlanning>();
        var cut = ctx.Render<RolloutOverview>();
        cut.WaitForElement("[data-testid=ready-percent]", TimeSpan.FromSeconds(10));
        return cut;
    }

    [Fact]
    public async Task TreatmentDirector_SeesTheirProvinceByStep_WithEveryCountLinkingToItsAgencies()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        var actor = await Acting.ActorAsync(portal, "kerman.treatment");

        var cut = Render(ctx, actor);

        var rows = cut.FindAll("[data-testid=position-table] tbody tr");
        Assert.Equal(10, rows.Count);
        var counts = rows.Select(r => int.Parse(Portal.Domain.Common.TextNormalizer.DigitsOnly(r.QuerySelector("a")!.TextContent))).ToList();
        Assert.Equal(PortalFactory.AgenciesPerProvince, counts.Sum());
        Assert.All(rows.Select(r => r.QuerySelector("a")!.GetAttribute("href")), href => Assert.Matches($"^agencies\\?province={actor.Scope.ProvinceId}&position=\\d$", href));
        Assert.Equal("۰٪", cut.Find("[data-testid=ready-percent]").TextContent.Trim()); // no agency can be ready before contracts exist
        Assert.Empty(cut.FindAll("[data-testid=province-table]"));
    }

    [Fact]
    public async Task RolloutOverview_HeadOffice_SeesAllProvincesSideBySide()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();

        var cut = Render(ctx, await Acting.ActorAsync(portal, "headoffice"));

        cut.WaitForAssertion(() => Assert.Equal(31, cut.FindAll("[data-testid=province-table] tbody tr").Count));
        Assert.Contains(cut.FindAll("[data-testid=province-table] tbody tr"), r => r.TextContent.Contains("گلستان") && r.TextContent.Contains("۱۳۹۷/۰۷/۰۱"));
    }
}
