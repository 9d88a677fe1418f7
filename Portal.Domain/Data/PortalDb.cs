using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
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

    /// <summary>A context for an act only some roles hold; anyone else gets the forbidden refusal worded by <paramref name="refusal"/> and no context.</summary>
    public async Task<PortalDbContext> OpenForAsync(Permission permission, string refusal = Permissions.Refused, CancellationToken ct = default)
    {
        var db = await OpenAsync(ct);
        if (db.Actor.Can(permission)) return db;
        await db.DisposeAsync();
        throw DomainException.Forbidden(refusal);
    }

    public Task<PortalDbContext> OpenForAsync(Permission permission, CancellationToken ct) => OpenForAsync(permission, Permissions.Refused, ct);

    /// <summary>A context acting as <paramref name="actor"/>: for commands, seeding and tests.</summary>
    public static PortalDbContext Open(IDbContextFactory<PortalDbContext> factory, Actor actor)
    {
        return factory.CreateDbContext().ActAs(actor);
    }
}
