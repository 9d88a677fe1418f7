using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;

namespace Portal.Tests.Support;

public static class ActingAtClock
{
    /// <summary>A domain service of the real app acting as a demo user, reading the given clock instead of the system's.</summary>
    public static async Task<T> AsAtAsync<T>(this PortalFactory factory, string userName, TimeProvider clock) where T : class
    {
        var user = new ActingAs(await Acting.ActorAsync(factory, userName));
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        return ActivatorUtilities.CreateInstance<T>(factory.Services, new PortalDb(contexts, user), clock);
    }
}
