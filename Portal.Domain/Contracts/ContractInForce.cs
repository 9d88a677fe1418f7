using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using static Portal.Domain.Contracts.ContractAccess;

namespace Portal.Domain.Contracts;

/// <summary>Puts a signed contract in force, or ends an active one early with a reason.</summary>
public sealed class ContractInForce(PortalDb portalDb, TimeProvider clock)
{
    public Task ActivateAsync(int id, Guid version, CancellationToken ct = default) =>
        ChangeAsync(portalDb, id, version, async (db, c) =>
        {
            // A renewal may be activated ahead of time: it follows its predecessor, it does not overlap it.
            var another = await db.Contracts.AnyAsync(o => o.AgencyId == c.AgencyId && o.Id != c.Id && o.Status == ContractStatus.Active
                && !(o.Id == c.RenewsId && o.EndsOn < c.StartsOn), ct);
            await db.Entry(c).Reference(x => x.Agency).LoadAsync(ct);
            c.Activate(another, db.Actor.UserName, clock.GetUtcNow());
        }, ct);

    public Task TerminateAsync(int id, Guid version, string? reason, CancellationToken ct = default) =>
        ChangeAsync(portalDb, id, version, (db, c) => { c.Terminate(reason ?? "", db.Actor.UserName, clock.GetUtcNow()); return Task.CompletedTask; }, ct);
}
