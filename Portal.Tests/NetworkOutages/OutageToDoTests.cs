using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Domain.Home;
using Portal.Domain.NetworkOutages;
using Portal.Domain.Security;

namespace Portal.Tests.NetworkOutages;

/// <summary>
/// Home to-dos from the outages: the branch follows up its open ones; the general office hears of its branches down for
/// more than <see cref="NetworkOutage.LongOpenHours"/> hours, and of no other province's.
/// </summary>
public sealed class OutageToDoTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private IDbContextFactory<PortalDbContext> Contexts => portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    private async Task<string> BranchNameAsync(string code)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.OrgUnits.Where(u => u.Code == code).Select(u => u.Name).SingleAsync();
    }

    [Fact]
    public async Task TheBranch_IsAskedToFollowUpItsOpenOutage_AndTheProvince_OnlyOnceItIsLong()
    {
        var staff = new ActingAs(await ActingAs.ActorAsync(Contexts, Roles.BranchStaff, "BR-27-06"));
        var desk = ActivatorUtilities.CreateInstance<OutageDesk>(portal.Services, new PortalDb(Contexts, staff));
        var (date, time) = OutageTime.Text(DateTimeOffset.UtcNow.AddHours(-2));
        var (id, _) = await desk.RecordAsync(new OutageForm { StartDate = date, StartTime = time, Cause = OutageCause.WanLink, Description = "قطع خط" });

        var branchToDos = await ActivatorUtilities.CreateInstance<ToDoList>(portal.Services, new PortalDb(Contexts, staff)).ItemsAsync();
        var open = Assert.Single(branchToDos, i => i.Kind == ToDoKind.OutagesOpen);
        Assert.Equal($"outages/{id}", open.Link);

        // Two hours down is not yet the province's business; the demo's outage open since yesterday is.
        var province = Assert.Single(await (await portal.AsAsync<ToDoList>("golestan.generaloffice")).ItemsAsync(), i => i.Kind == ToDoKind.OutagesLong);
        Assert.Equal(1, province.Count);
        Assert.Contains(await BranchNameAsync("BR-27-02"), province.Subject);
        Assert.DoesNotContain(await BranchNameAsync("BR-27-06"), province.Subject);
        Assert.Equal("outages/overview", province.Link);
        Assert.DoesNotContain(await BranchNameAsync("BR-27-02"), (await (await portal.AsAsync<ToDoList>("kerman.generaloffice")).ItemsAsync())
            .Single(i => i.Kind == ToDoKind.OutagesLong).Subject);
        Assert.DoesNotContain(await (await portal.AsAsync<ToDoList>("golestan.review")).ItemsAsync(), i => i.Kind is ToDoKind.OutagesLong or ToDoKind.OutagesOpen);
    }
}
