using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Tests.Support;

/// <summary>A fixed signed-in user for domain services under test, built from a seeded unit's code.</summary>
public sealed class ActingAs(Actor actor) : ICurrentUser
{
    public ValueTask<Actor> GetAsync() => ValueTask.FromResult(actor);

    /// <summary>An actor with the role in the unit of that code, scoped exactly as a signed-in user would be.</summary>
    public static async Task<Actor> ActorAsync(IDbContextFactory<PortalDbContext> contexts, string role, string unitCode, string? userName = null)
    {
        await using var db = PortalDb.Open(contexts, Actor.System);
        var unit = await db.OrgUnits.Where(u => u.Code == unitCode).Select(u => new { u.Id, u.ProvinceId }).SingleAsync();
        return new Actor($"id-{role}-{unitCode}", userName ?? $"{role}.{unitCode}".ToLowerInvariant(), role, unit.Id, OrgScope.For(role, unit.Id, unit.ProvinceId));
    }
}
