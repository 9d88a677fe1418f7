using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Tests.Support;

/// <summary>Domain services of the real app, acting as one of the seeded demo users (no browser, no HTTP).</summary>
public static class Acting
{
    /// <summary>
    /// The service as the user would get it; with <paramref name="interceptors"/>, its contexts also run them (a link
    /// dropping, another server's write, at a chosen moment of the service's work).
    /// </summary>
    public static async Task<T> AsAsync<T>(this PortalFactory factory, string userName, params IInterceptor[] interceptors) where T : class
    {
        var actor = await ActorAsync(factory, userName);
        var user = new ActingAs(actor);
        var contexts = interceptors.Length == 0
            ? factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>()
            : new Intercepted(new DbContextOptionsBuilder<PortalDbContext>(factory.Services.GetRequiredService<DbContextOptions<PortalDbContext>>())
                .AddInterceptors(interceptors).Options);
        var takesUser = typeof(T).GetConstructors().Single().GetParameters().Any(p => p.ParameterType == typeof(ICurrentUser));
        object[] arguments = takesUser ? [new PortalDb(contexts, user), user] : [new PortalDb(contexts, user)];
        return ActivatorUtilities.CreateInstance<T>(factory.Services, arguments);
    }

    public static async Task<Actor> ActorAsync(PortalFactory factory, string userName)
    {
        await using var db = SystemDb(factory);
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        var role = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).SingleAsync();
        var unit = await db.OrgUnits.SingleAsync(u => u.Id == user.UnitId);
        return new Actor(user.Id, userName, role!, unit.Id, OrgScope.For(role!, unit.Id, unit.ProvinceId));
    }

    /// <summary>An unfiltered context for arranging and checking data.</summary>
    public static PortalDbContext SystemDb(PortalFactory factory) =>
        PortalDb.Open(factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), Actor.System);

    private sealed class Intercepted(DbContextOptions<PortalDbContext> options) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => new(options);
    }

    public static async Task<int> AgencyIdAsync(PortalFactory factory, string code)
    {
        await using var db = SystemDb(factory);
        return await db.Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync();
    }
}
