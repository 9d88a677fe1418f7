using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Tests.Security;

/// <summary>The scope rule exists twice on purpose (SQL filter for reads, <see cref="OrgScope.Covers"/> for commands): they must agree.</summary>
public sealed class ScopeRuleTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private IDbContextFactory<PortalDbContext> Contexts => portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    [Theory]
    [InlineData(Roles.HeadOffice, "HQ")]
    [InlineData(Roles.TreatmentDirectorate, "TD-08")]
    [InlineData(Roles.Governor, "GV-27")]
    [InlineData(Roles.AgencyManager, "AG-08002")]
    [InlineData(Roles.BranchStaff, "BR-27-01")]
    public async Task Covers_AgreesWithTheQueryFilter_ForEveryUnit(string role, string unitCode)
    {
        await using var system = PortalDb.Open(Contexts, Actor.System);
        var all = await system.OrgUnits.Select(u => new { u.Id, u.ProvinceId, u.Code }).ToListAsync();
        var own = all.Single(u => u.Code == unitCode);
        var scope = OrgScope.For(role, own.Id, own.ProvinceId);

        await using var scoped = PortalDb.Open(Contexts, new Actor("id", "t", role, own.Id, scope));
        var visible = (await scoped.OrgUnits.Select(u => u.Id).ToListAsync()).ToHashSet();

        Assert.NotEmpty(visible);
        Assert.All(all, u => Assert.Equal(scope.Covers(u.ProvinceId, u.Id), visible.Contains(u.Id)));
    }

    [Fact]
    public void ScopedEntities_InTheModel_EachHaveAQueryFilter()
    {
        using var db = Contexts.CreateDbContext();
        var scoped = db.Model.GetEntityTypes().Where(t => t.BaseType is null && typeof(IScoped).IsAssignableFrom(t.ClrType)).ToList();
        Assert.NotEmpty(scoped);
        Assert.All(scoped, t => Assert.NotEmpty(t.GetDeclaredQueryFilters()));
    }
}
