using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Security;
using Portal.Features.Home;
using Portal.Tests.Support;

namespace Portal.Tests.Components;

/// <summary>The dashboard over a real, seeded SQLite database, counted inside the acting user's scope.</summary>
public sealed class HomeTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private IDbContextFactory<PortalDbContext> Contexts => portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> ProvinceIdAsync(string code)
    {
        await using var db = PortalDb.Open(Contexts, Actor.System);
        return await db.Provinces.Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
    }

    private const int Provinces = 31;

    private IRenderedComponent<Home> RenderHome(BunitContext ctx, Actor actor)
    {
        ctx.AddPortalUi();
        ctx.Services.AddSingleton(Contexts);
        ctx.Services.AddSingleton<ICurrentUser>(new ActingAs(actor));
        ctx.Services.AddScoped<PortalDb>();
        ctx.Services.AddScoped<OrganisationOverview>();
        var cut = ctx.Render<Home>();
        // The figures load asynchronously; the cards replace the progress bar when they arrive.
        cut.WaitForElement("[data-testid=count-users]", TimeSpan.FromSeconds(10));
        return cut;
    }

    private static IReadOnlyList<IElement> ProvinceRows(IRenderedComponent<Home> cut) =>
        cut.FindAll("[data-testid=province-table] tbody tr");

    private static string CardFigure(IRenderedComponent<Home> cut, string testId) =>
        cut.Find($"[data-testid={testId}] .mud-typography-h5").TextContent.Trim();

    private static Actor National() => new("u-national", "headoffice", Roles.HeadOffice, null, OrgScope.National);

    private async Task<Actor> KermanAsync() =>
        new("u-kerman", "kerman.treatment", Roles.TreatmentDirectorate, null, OrgScope.Province(await ProvinceIdAsync("08")));

    [Fact]
    public async Task National_user_sees_every_province_in_the_table()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new BunitContext();

        var cut = RenderHome(ctx, National());

        Assert.Equal(Provinces, ProvinceRows(cut).Count);
        Assert.Contains("(۳۱)", cut.Find("[data-testid=province-table] .mud-toolbar").TextContent);
    }

    [Fact]
    public async Task National_user_sees_every_agency_counted_in_persian_digits()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new BunitContext();

        var cut = RenderHome(ctx, National());

        Assert.Equal("۶۲", CardFigure(cut, "count-Agency")); // 31 provinces × PortalFactory.AgenciesPerProvince (2)
        Assert.Equal("کارگزاری رسمی", cut.Find("[data-testid=count-Agency] .mud-typography-subtitle2").TextContent.Trim());
    }

    [Fact]
    public async Task Provincial_user_sees_only_their_own_provinces_agencies()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new BunitContext();

        var cut = RenderHome(ctx, await KermanAsync());

        Assert.Equal("۲", CardFigure(cut, "count-Agency"));
    }

    [Fact]
    public async Task Provincial_user_sees_a_province_table_of_exactly_their_province()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new BunitContext();

        var cut = RenderHome(ctx, await KermanAsync());

        var row = Assert.Single(ProvinceRows(cut));
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("کرمان", cells[0]); // exactly Kerman, not Kermanshah
        Assert.Equal("۲", cells[2]);     // its agencies
    }
}
