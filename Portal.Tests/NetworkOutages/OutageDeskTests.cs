using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.NetworkOutages;
using Portal.Domain.Security;

namespace Portal.Tests.NetworkOutages;

/// <summary>
/// The branch's desk on a real, seeded database (seed 004 §3): record, follow up, resolve; a stale edit refused with
/// nothing changed; scope — another province's or another branch's outage is "not found" in the desk and the query,
/// and a branch records only for itself.
/// </summary>
public sealed class OutageDeskTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private IDbContextFactory<PortalDbContext> Contexts => portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    /// <summary>A service acting as a branch role of the branch of that code (each test its own branch, so their outages never overlap).</summary>
    private async Task<T> AtBranchAsync<T>(string unitCode, string role = Roles.BranchStaff) where T : class
    {
        var user = new ActingAs(await ActingAs.ActorAsync(Contexts, role, unitCode));
        return ActivatorUtilities.CreateInstance<T>(portal.Services, new PortalDb(Contexts, user));
    }

    private static OutageForm Form(DateTimeOffset start, string reference = "TMT-9001")
    {
        var (date, time) = OutageTime.Text(start);
        return new OutageForm { StartDate = date, StartTime = time, Cause = OutageCause.WanLink, Description = "لینک شعبه قطع است", SupportReference = reference };
    }

    private async Task<int> RecordAsync(string unitCode, DateTimeOffset start)
    {
        var (id, errors) = await (await AtBranchAsync<OutageDesk>(unitCode)).RecordAsync(Form(start));
        Assert.Empty(errors);
        return id!.Value;
    }

    [Fact]
    public async Task Branch_RecordsFollowsUpAndResolves_AndItsListShowsOpenOnesFirst()
    {
        var start = DateTimeOffset.UtcNow.AddHours(-5);
        var id = await RecordAsync("BR-08-03", start);
        var query = await AtBranchAsync<OutageQuery>("BR-08-03");
        var desk = await AtBranchAsync<OutageDesk>("BR-08-03");

        Assert.Equal(id, (await query.BranchAsync())[0].Id);
        var shown = (await query.FindAsync(id))!;
        Assert.True(shown.CanAct);
        Assert.Empty(await desk.FollowUpAsync(id, shown.Outage.Version, new FollowUpForm { Note = "با پشتیبانی تماس گرفته شد", SupportReference = "TMT-9002" }));
        var followed = (await query.FindAsync(id))!.Outage;
        Assert.Equal("TMT-9002", followed.SupportReference);
        var (date, time) = OutageTime.Text(start.AddHours(2));
        Assert.Empty(await desk.ResolveAsync(id, followed.Version, new ResolveForm { EndDate = date, EndTime = time, Note = "مودم تعویض شد" }));

        var resolved = (await query.FindAsync(id))!;
        Assert.False(resolved.CanAct);
        Assert.Equal(["با پشتیبانی تماس گرفته شد", "مودم تعویض شد"], resolved.Outage.FollowUps.Select(f => f.Note));
        Assert.Equal(2, Math.Round(((resolved.Outage.EndedAt!.Value - resolved.Outage.StartedAt).TotalMinutes)) / 60);
        Assert.NotNull(resolved.Outage.ResolvedBy);
    }

    [Fact]
    public async Task StaleEdit_IsRefusedWithTheChangedMeanwhileMessage_AndChangesNothing()
    {
        using var persian = CultureScope.Persian();
        var id = await RecordAsync("BR-08-04", DateTimeOffset.UtcNow.AddHours(-2));
        var desk = await AtBranchAsync<OutageDesk>("BR-08-04");
        var seen = (await (await AtBranchAsync<OutageQuery>("BR-08-04")).FindAsync(id))!.Outage.Version;
        Assert.Empty(await desk.FollowUpAsync(id, seen, new FollowUpForm { Note = "پیگیری همکار" }));

        var refusal = await Assert.ThrowsAsync<DomainException>(() => desk.FollowUpAsync(id, seen, new FollowUpForm { Note = "پیگیری من" }));
        Assert.Equal(Messages.Get("Outages.ChangedMeanwhile"), refusal.Message);
        await using var db = Acting.SystemDb(portal);
        Assert.Equal(["پیگیری همکار"], await db.NetworkOutages.Where(o => o.Id == id).SelectMany(o => o.FollowUps).Select(f => f.Note).ToListAsync());
    }

    [Fact]
    public async Task AnOverlappingOutage_IsRefusedOnTheStart_AndNotKept()
    {
        using var persian = CultureScope.Persian();
        await RecordAsync("BR-08-05", DateTimeOffset.UtcNow.AddHours(-6));
        var (id, errors) = await (await AtBranchAsync<OutageDesk>("BR-08-05")).RecordAsync(Form(DateTimeOffset.UtcNow.AddHours(-1)));
        Assert.Null(id);
        Assert.Contains("هم‌پوشانی", errors[nameof(OutageForm.StartDate)]);
        await using var db = Acting.SystemDb(portal);
        Assert.Equal(1, await db.NetworkOutages.CountAsync(o => o.BranchId == db.OrgUnits.Single(u => u.Code == "BR-08-05").Id && o.EndedAt == null));
    }

    [Fact]
    public async Task AnotherProvincesOutage_IsNotFound_InTheQueryAndTheDesk()
    {
        using var persian = CultureScope.Persian();
        var id = await RecordAsync("BR-08-06", DateTimeOffset.UtcNow.AddHours(-3));
        var version = (await (await AtBranchAsync<OutageQuery>("BR-08-06")).FindAsync(id))!.Outage.Version;

        Assert.Null(await (await portal.AsAsync<OutageQuery>("golestan.generaloffice")).FindAsync(id));
        Assert.DoesNotContain(await (await portal.AsAsync<OutageQuery>("golestan.generaloffice")).OpenAsync(), r => r.Id == id);
        Assert.Contains(await (await portal.AsAsync<OutageQuery>("kerman.generaloffice")).OpenAsync(), r => r.Id == id);
        Assert.Null(await (await portal.AsAsync<OutageQuery>("golestan.branch.staff")).FindAsync(id));
        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            portal.AsAsync<OutageDesk>("golestan.branch.staff").Result.FollowUpAsync(id, version, new FollowUpForm { Note = "نه" }));
        Assert.Equal(Messages.Get("Outages.NotFound"), refusal.Message);
        // Head office reads every province, narrowed to one when it asks.
        var national = await portal.AsAsync<OutageQuery>("headoffice");
        Assert.Contains(await national.OpenAsync("08"), r => r.Id == id);
        Assert.DoesNotContain(await national.OpenAsync("27"), r => r.Id == id);
    }

    [Fact]
    public async Task ABranch_CannotActOnAnotherBranchsOutage_EvenInItsProvince_AndRecordsOnlyForItself()
    {
        using var persian = CultureScope.Persian();
        var id = await RecordAsync("BR-27-03", DateTimeOffset.UtcNow.AddHours(-3));
        var version = (await (await AtBranchAsync<OutageQuery>("BR-27-03")).FindAsync(id))!.Outage.Version;
        var neighbour = await AtBranchAsync<OutageDesk>("BR-27-04", Roles.BranchSupervisor);
        var refusal = await Assert.ThrowsAsync<DomainException>(() => neighbour.ResolveAsync(id, version,
            new ResolveForm { EndDate = JalaliDate.FromInstant(DateTimeOffset.UtcNow).ToString(), EndTime = "00:00" }));
        Assert.Equal(Messages.Get("Outages.NotFound"), refusal.Message);

        // What a branch records is its own: the desk takes the branch from the user, never from the form.
        var (own, _) = await neighbour.RecordAsync(Form(DateTimeOffset.UtcNow.AddHours(-1)));
        await using var db = Acting.SystemDb(portal);
        Assert.Equal("BR-27-04", await db.NetworkOutages.Where(o => o.Id == own).Select(o => db.OrgUnits.Single(u => u.Id == o.BranchId).Code).SingleAsync());
    }

    [Fact]
    public async Task TheProvinceAndHeadOffice_ReadButDoNotRecord()
    {
        await Refused.ByRoleAsync(async () => await (await portal.AsAsync<OutageDesk>("kerman.generaloffice")).RecordAsync(Form(DateTimeOffset.UtcNow.AddHours(-1))));
        await Refused.ByRoleAsync(async () => await (await portal.AsAsync<OutageDesk>("headoffice")).RecordAsync(Form(DateTimeOffset.UtcNow.AddHours(-1))));
    }
}
