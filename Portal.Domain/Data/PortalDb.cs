using Microsoft.EntityFrameworkCore;
using Portal.Domain.Security;

namespace Portal.Domain.Data;

/// <summary>
/// The only way to a scoped context: one short-lived context per operation, filtered to the acting user's
/// scope and carrying their name for the audit log.
/// </summary>
public sealed class PortalDb(IDbContextFactory<PortalDbContext> factory, ICurrentUser currentUser)
{
    public async Task<PortalDbContext> OpenAsync(CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync();
        return Open(factory, actor);
    }

    /// <summary>A context acting as <paramref name="actor"/>: for commands, seeding and tests.</summary>
    public static PortalDbContext Open(IDbContextFactory<PortalDbContext> factory, Actor actor)
    {
        return factory.CreateDbContext().ActAs(actor);
    }
}
