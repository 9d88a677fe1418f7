using Microsoft.EntityFrameworkCore;
using Portal.Domain.Home;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Tests.Home;

/// <summary>The home page's to-do queries on a real SQLite database: each role's own work, in its own scope only.</summary>
public sealed class ToDoListTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => HomeArrange.EnsureAsync(factory);
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<IReadOnlyList<ToDoItem>> ItemsAsync(string user) => await (await factory.AsAsync<ToDoList>(user)).ItemsAsync();

    [Fact]
    public async Task AgencyManager_SeesTheReturnedReportWithItsReason_AndTheOpenMonthNotSent()
    {
        var (due, returned) = HomeArrange.Months(DateTimeOffset.UtcNow);
        var items = await ItemsAsync("kerman.agency.manager");

        var back = Assert.Single(items, i => i.Kind == ToDoKind.ReportReturned);
        Assert.Equal(returned, back.Period);
        Assert.Equal(HomeArrange.ReturnReason, back.Detail);
        Assert.Equal($"monthly/form?period={returned.Year:0000}-{returned.Month:00}", back.Link);
        Assert.NotNull(back.Since);
        var open = Assert.Single(items, i => i.Kind == ToDoKind.ReportDue && i.Period == due);
        Assert.Equal($"monthly/form?period={due.Year:0000}-{due.Month:00}", open.Link);
        Assert.Equal(due.Last.StartInstant, open.Since); // due from the day it opens
        Assert.DoesNotContain(items, i => i.Kind == ToDoKind.ReportDue && i.Period == returned); // returned, not "due" twice
    }

    [Fact]
    public async Task ToDo_MonthNotYetOpened_IsNeverDue()
    {
        var now = DateTimeOffset.UtcNow;
        var items = await ItemsAsync("kerman.agency.manager");
        Assert.All(items.Where(i => i.Kind == ToDoKind.ReportDue), i => Assert.True(i.Period!.Value.Last.StartInstant <= now));
    }

    [Fact]
    public async Task ReviewOffice_SeesTheSubmittedReportWaiting_LinkedToTheMonthsWorklist()
    {
        var (due, _) = HomeArrange.Months(DateTimeOffset.UtcNow);
        var items = await ItemsAsync("kerman.review");
        var waiting = Assert.Single(items, i => i.Kind == ToDoKind.ReportsToReview && i.Period == due);
        Assert.True(waiting.Count >= 1);
        Assert.Equal($"monthly/worklist?period={due.Year:0000}-{due.Month:00}", waiting.Link);
    }

    [Fact]
    public async Task ToDo_TreatmentDirectorate_CountsOnlyItsOwnProvincesUnacknowledgedNotices()
    {
        await using var db = Acting.SystemDb(factory);
        var kerman = await db.Provinces.Where(p => p.Code == "08").Select(p => p.Id).SingleAsync();
        var expected = await db.ChangeNotices.CountAsync(n => n.ProvinceId == kerman && n.AcknowledgedAt == null);
        var all = await db.ChangeNotices.CountAsync(n => n.AcknowledgedAt == null);
        Assert.True(all > expected, "Golestan has waiting notices too");

        var notices = Assert.Single(await ItemsAsync("kerman.treatment"), i => i.Kind == ToDoKind.NoticesToAcknowledge);
        Assert.Equal(expected, notices.Count);
        Assert.Equal("agencies/notices", notices.Link);
    }

    [Fact]
    public async Task Governor_SeesOnlyItsProvincesFileReceived_AndNothingOfAgencies()
    {
        var items = await ItemsAsync("kerman.governor");
        var file = Assert.Single(items, i => i.Kind == ToDoKind.FileReceived);
        Assert.Equal("08/1405/T1", file.Subject);
        Assert.StartsWith("offset/", file.Link);
        Assert.DoesNotContain(items, i => i.Subject?.StartsWith("27/") == true);
        Assert.All(items, i => Assert.StartsWith("offset/", i.Link));
        await Refused.ByRoleAsync(async () => await (await factory.AsAsync<OrganisationOverview>("kerman.governor")).GetAsync());
    }

    [Fact]
    public async Task Director_SeesTheCompiledDraftToSend_OfItsOwnProvinceOnly()
    {
        await using var db = Acting.SystemDb(factory);
        var golestanFiles = await db.OffsetFiles.Where(f => f.Number == null && f.Title.Contains("گلستان")).Select(f => $"offset/{f.Id}").ToListAsync();

        var items = await ItemsAsync("kerman.director");
        var send = Assert.Single(items, i => i.Kind == ToDoKind.FileToSend);
        Assert.Contains("کرمان", send.Subject);
        Assert.DoesNotContain(items, i => golestanFiles.Contains(i.Link));
    }

    [Fact]
    public async Task CallCentre_SeesOpenObjections_SinceTheOldest()
    {
        var open = Assert.Single(await ItemsAsync("callcenter"), i => i.Kind == ToDoKind.ObjectionsOpen);
        Assert.Equal(2, open.Count); // one from each province: the call centre is national
        Assert.Equal("eligibility/objections", open.Link);
    }

    [Fact]
    public async Task HeadOffice_SeesProvincesBehindWithTheMonthlyStatistics_ByName()
    {
        var behind = Assert.Single(await ItemsAsync("headoffice"), i => i.Kind == ToDoKind.ProvincesBehindMonthly);
        Assert.True(behind.Count > 1);
        Assert.StartsWith("monthly?period=", behind.Link);
        Assert.DoesNotMatch("[0-9]", behind.Subject!); // names, not codes
    }

    [Fact]
    public async Task ToDo_Admin_SeesLockedOutAccounts()
    {
        var locked = Assert.Single(await ItemsAsync("admin"), i => i.Kind == ToDoKind.UsersLockedOut);
        Assert.True(locked.Count >= 1);
        Assert.Equal("admin/users", locked.Link);
    }

    [Fact]
    public async Task BranchStaff_SeeTheirScanningQueue_TheSupervisorAlsoVerificationsDiscrepanciesAndTheDueDestruction()
    {
        var staff = await ItemsAsync("kerman.branch.staff");
        var queue = Assert.Single(staff);
        Assert.Equal((ToDoKind.FilesInQueue, "electronic-files", true), (queue.Kind, queue.Link, queue.Overdue)); // the demo queue has files out of turn
        Assert.True(queue.Count >= 20);

        var supervisor = (await ItemsAsync("kerman.branch.supervisor")).ToDictionary(i => i.Kind);
        Assert.Equal("electronic-files?step=QualityChecked", supervisor[ToDoKind.FilesToVerify].Link);
        Assert.True(supervisor[ToDoKind.DiscrepanciesToResolve].Count >= 1);
        Assert.Equal(("electronic-files/destruction", 6), (supervisor[ToDoKind.DestructionDue].Link, supervisor[ToDoKind.DestructionDue].Count));
        // Another province's branch sees its own queue, not Kerman's.
        Assert.DoesNotContain(await ItemsAsync("golestan.branch.staff"), i => i.Kind != ToDoKind.FilesInQueue);
    }
}
