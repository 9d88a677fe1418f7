using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Demo;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Tests.Security;

public sealed class ScopeTests : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private readonly PortalFactory _factory;
    private IDbContextFactory<PortalDbContext> Contexts => _factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    public ScopeTests(PortalFactory factory) => _factory = factory;
    public async Task InitializeAsync() => await _factory.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(int Id, int? ProvinceId)> UnitAsync(string code)
    {
        await using var db = PortalDb.Open(Contexts, Actor.System);
        return await db.OrgUnits.Where(u => u.Code == code).Select(u => ValueTuple.Create(u.Id, u.ProvinceId)).SingleAsync();
    }

    private static Actor As(string role, int unitId, int? provinceId) =>
        new("id", "tester", role, unitId, OrgScope.For(role, unitId, provinceId));

    [Fact]
    public async Task Governor_IsRefusedTheOrganisationsUnits_ByListAndById()
    {
        var directory = await _factory.AsAsync<OrganisationDirectory>("kerman.governor");
        var agency = await UnitAsync("AG-08001");
        await Assert.ThrowsAsync<DomainException>(() => directory.SearchAsync(null, null, null, 0, 25));
        await Assert.ThrowsAsync<DomainException>(() => directory.FindAsync(agency.Id));
    }

    [Fact]
    public async Task UnscopedContext_SeesNoUnits_FailClosed()
    {
        await using var db = Contexts.CreateDbContext();
        Assert.Equal(0, await db.OrgUnits.CountAsync());
    }

    [Fact]
    public async Task Agencies_KermanTreatmentDirector_SeesOnlyKerman()
    {
        var td = await UnitAsync("TD-08");
        await using var db = PortalDb.Open(Contexts, As(Roles.TreatmentDirectorate, td.Id, td.ProvinceId));
        Assert.All(await db.OrgUnits.Select(u => u.ProvinceId).ToListAsync(), p => Assert.Equal(td.ProvinceId, p));
        Assert.Equal(2, await db.Agencies.CountAsync());
        Assert.Null(await db.Agencies.SingleOrDefaultAsync(a => a.Code == "AG-27001"));
    }

    [Fact]
    public async Task Agencies_AgencyUser_SeesOnlyTheirAgency()
    {
        var agency = await UnitAsync("AG-08001");
        await using var db = PortalDb.Open(Contexts, As(Roles.AgencyUser, agency.Id, agency.ProvinceId));
        Assert.Equal(["AG-08001"], await db.OrgUnits.Select(u => u.Code).ToListAsync());
    }

    [Fact]
    public async Task Agencies_HeadOffice_SeesAllProvinces()
    {
        var hq = await UnitAsync(OrganisationSeeder.HeadOfficeCode);
        await using var db = PortalDb.Open(Contexts, As(Roles.HeadOffice, hq.Id, null));
        Assert.Equal(31, await db.Agencies.Select(a => a.ProvinceId).Distinct().CountAsync());
    }

    [Fact]
    public async Task Agencies_ProvincialRoleWithoutProvince_GetsNothing()
    {
        var hq = await UnitAsync(OrganisationSeeder.HeadOfficeCode);
        Assert.Equal(OrgScope.None, OrgScope.For(Roles.TreatmentDirectorate, hq.Id, null));
    }

    [Fact]
    public async Task DemoSeeding_Twice_AddsNothing()
    {
        int Count(PortalDbContext db) => db.OrgUnits.Count();
        await using var before = PortalDb.Open(Contexts, Actor.System);
        var units = Count(before);
        var users = await before.Users.CountAsync();
        await using (var scope = _factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(PortalFactory.AgenciesPerProvince);
        await using var after = PortalDb.Open(Contexts, Actor.System);
        Assert.Equal(units, Count(after));
        Assert.Equal(users, await after.Users.CountAsync());
        // The demo's own accounts, and those its branch account requests created (which carry a national ID).
        Assert.Equal(DemoSeeder.Accounts.Count, await after.Users.CountAsync(u => u.NationalId == null));
    }

    [Fact]
    public async Task Migrations_NewDatabaseFile_AreAllApplied()
    {
        await using var db = PortalDb.Open(Contexts, Actor.System);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task DemoSeed_Seeded_HasAllProvincesWavesAndValidManagerIds()
    {
        await using var db = PortalDb.Open(Contexts, Actor.System);
        Assert.Equal(31, await db.Provinces.CountAsync());
        Assert.Equal([1, 17, 13], await db.Provinces.GroupBy(p => p.RolloutWave.Number).OrderBy(g => g.Key).Select(g => g.Count()).ToListAsync());
        Assert.All(await db.Agencies.Select(a => a.ManagerNationalId).ToListAsync(), id => Assert.True(Portal.Domain.Common.NationalId.IsValid(id), id));
    }
}
