using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Domain.Data;
using Portal.Domain.NetworkOutages;
using Portal.Domain.Security;
using Portal.Components.Shared;
using Portal.Features.NetworkOutages;

namespace Portal.Tests.NetworkOutages;

/// <summary>The outage pages over a real, seeded database: the province's open outages, "not found" out of scope, and a stale follow-up that keeps what was typed.</summary>
public sealed class OutagePagesTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private IDbContextFactory<PortalDbContext> Contexts => portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    private static void AddModule(PortalTestContext ctx)
    {
        ctx.Services.AddScoped<OutageQuery>();
        ctx.Services.AddScoped<OutageDesk>();
        ctx.RenderInteractivelyOnServer();
    }

    [Fact]
    public async Task TheGeneralOffice_SeesItsBranchsOpenOutage_AsLong_WithTheMonthsHours()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        await ctx.UsePortalAsync(portal, "kerman.generaloffice");
        AddModule(ctx);
        string branch;
        await using (var db = Acting.SystemDb(portal))
            branch = await db.OrgUnits.Where(u => u.Code == "BR-08-02").Select(u => u.Name).SingleAsync();

        var cut = ctx.Render<OutagesOverviewPage>();

        cut.WaitForAssertion(() => Assert.Contains(Display.Text(branch), cut.FindAll("[data-testid=open-branch]").Select(b => b.TextContent.Trim())), TimeSpan.FromSeconds(10));
        Assert.NotEmpty(cut.FindAll("[data-testid=open-long]"));
        Assert.DoesNotContain(cut.FindAll("[data-testid=open-branch]"), b => b.TextContent.Contains("گرگان"));
        // Every Kerman branch is listed for the month, a branch with no outage at zero, and the total reads in Persian digits.
        Assert.Equal(7, cut.FindAll("[data-testid=hours-branch]").Count);
        Assert.Matches("^[۰-۹٬٫]+$", cut.Find("[data-testid=hours-total]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=outage-province]"));
    }

    [Fact]
    public async Task AnotherProvincesOutage_ReadsNotFound()
    {
        using var culture = CultureScope.Persian();
        int id;
        await using (var db = Acting.SystemDb(portal))
            id = await db.NetworkOutages.Where(o => db.OrgUnits.Any(u => u.Id == o.BranchId && u.Code == "BR-08-02")).Select(o => o.Id).FirstAsync();
        await using var ctx = new PortalTestContext();
        await ctx.UsePortalAsync(portal, "golestan.generaloffice");
        AddModule(ctx);

        var cut = ctx.Render<OutageDetailsPage>(p => p.Add(x => x.Id, id));

        cut.WaitForElement("[data-testid=outage-not-found]", TimeSpan.FromSeconds(10));
        Assert.Empty(cut.FindAll("[data-testid=outage-timeline]"));
    }

    [Fact]
    public async Task AStaleFollowUp_IsRefusedWithAClearMessage_AndTheNoteTypedStays()
    {
        using var culture = CultureScope.Persian();
        var actor = await ActingAs.ActorAsync(Contexts, Roles.BranchStaff, "BR-27-05");
        var desk = ActivatorUtilities.CreateInstance<OutageDesk>(portal.Services, new PortalDb(Contexts, new ActingAs(actor)));
        var (date, time) = OutageTime.Text(DateTimeOffset.UtcNow.AddHours(-2));
        var (recorded, _) = await desk.RecordAsync(new OutageForm { StartDate = date, StartTime = time, Cause = OutageCause.Router, Description = "روتر خاموش است" });
        var id = recorded!.Value;
        await using var ctx = new PortalTestContext();
        ctx.UsePortal(portal, actor);
        AddModule(ctx);
        var cut = ctx.Render<OutageDetailsPage>(p => p.Add(x => x.Id, id));
        cut.WaitForElement("[data-testid=followup-note]", TimeSpan.FromSeconds(10));

        // A colleague follows the outage up while this page is open.
        var version = (await ActivatorUtilities.CreateInstance<OutageQuery>(portal.Services, new PortalDb(Contexts, new ActingAs(actor))).FindAsync(id))!.Outage.Version;
        await desk.FollowUpAsync(id, version, new FollowUpForm { Note = "پیگیری همکار" });
        cut.Find("textarea[data-testid=followup-note]").Change("تماس دوم با پشتیبانی");
        cut.Find("[data-testid=followup-save]").Click();

        var snackbar = ctx.Services.GetRequiredService<ISnackbar>();
        cut.WaitForAssertion(() => Assert.Contains(snackbar.ShownSnackbars, s => s.Message!.Contains("کاربر دیگری تغییر کرده")), TimeSpan.FromSeconds(10));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=outage-followup]")));
        Assert.Equal("تماس دوم با پشتیبانی", cut.Find("textarea[data-testid=followup-note]").GetAttribute("value") ?? cut.Find("textarea[data-testid=followup-note]").TextContent);

        // Sent again on the outage as it now stands, it is kept.
        cut.Find("[data-testid=followup-save]").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=outage-followup]").Count), TimeSpan.FromSeconds(10));
    }
}
