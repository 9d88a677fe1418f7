using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using static Portal.Domain.Contracts.ContractAccess;

namespace Portal.Domain.Contracts;

/// <summary>A review office drafts a contract for an agency it serves, revises the draft, or drafts a renewal.</summary>
public sealed class ContractDrafting(PortalDb portalDb, TimeProvider clock)
{
    public async Task<int> DraftAsync(int agencyId, ContractTerms terms, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        RequireIssuer(db);
        var agency = await Served(db).SingleOrDefaultAsync(a => a.Id == agencyId, ct) ?? throw DomainException.Of("Contract.AgencyNotServed");
        if (await db.Contracts.AnyAsync(c => c.AgencyId == agencyId && Contract.Live.Contains(c.Status), ct)) throw DomainException.Of("Contract.AgencyHasContract");
        var contract = new Contract(agency, terms, db.Actor.UserName, clock.GetUtcNow());
        db.Contracts.Add(contract);
        await db.SaveChangesAsync(ct);
        return contract.Id;
    }

    public Task ReviseAsync(int id, Guid version, ContractTerms terms, CancellationToken ct = default) =>
        ChangeAsync(portalDb, id, version, (_, c) => { c.Revise(terms); return Task.CompletedTask; }, ct);

    /// <summary>A renewal: a new draft that refers to the active or expired contract it follows.</summary>
    public async Task<int> RenewAsync(int id, ContractTerms terms, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        RequireIssuer(db);
        var old = await Managed(db).Include(c => c.Agency).SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw DomainException.Of("Contract.NotFound");
        if (await db.Contracts.AnyAsync(c => c.RenewsId == id, ct)) throw DomainException.Of("Contract.AlreadyRenewed");
        if (await db.Contracts.AnyAsync(c => c.AgencyId == old.AgencyId && Contract.InProgress.Contains(c.Status), ct))
            throw DomainException.Of("Contract.AgencyHasContract");
        var renewal = new Contract(old.Agency, terms, db.Actor.UserName, clock.GetUtcNow(), old);
        db.Contracts.Add(renewal);
        await db.SaveChangesAsync(ct);
        return renewal.Id;
    }
}
