using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.Contracts;

/// <summary>What every contract command shares: the issuer check, the office's agencies and contracts, the guarded save.</summary>
internal static class ContractAccess
{
    public static void RequireIssuer(PortalDbContext db) => db.Actor.Require(Permission.ContractsIssue, "Contract.OnlyReviewOffice");

    /// <summary>The agencies the acting review office serves and may contract with.</summary>
    public static IQueryable<Agency> Served(PortalDbContext db)
    {
        var officeId = db.Actor.UnitId;
        return db.Agencies.Where(a => a.ReviewOfficeId == officeId && a.Status != AgencyStatus.Closed);
    }

    /// <summary>Contracts of the agencies the acting review office serves now.</summary>
    public static IQueryable<Contract> Managed(PortalDbContext db)
    {
        var officeId = db.Actor.UnitId;
        return db.Contracts.Where(c => c.Agency.ReviewOfficeId == officeId);
    }

    /// <summary>Applies one change to a contract the office manages, refusing a stale version.</summary>
    public static async Task ChangeAsync(PortalDb portalDb, int id, Guid version, Func<PortalDbContext, Contract, Task> change, CancellationToken ct)
    {
        await using var db = await portalDb.OpenAsync(ct);
        RequireIssuer(db);
        var contract = await Managed(db).SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw DomainException.Of("Contract.NotFound");
        if (contract.Version != version) throw DomainException.Of("Contract.ChangedMeanwhile");
        await change(db, contract);
        await SaveAsync(db, ct);
    }

    public static async Task SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw DomainException.Of("Contract.ChangedMeanwhile"); }
    }

    public static async Task LogDeniedAsync(PortalDbContext db, ILogger logger, int id, CancellationToken ct)
    {
        if (await db.Contracts.IgnoreQueryFilters().AnyAsync(c => c.Id == id, ct))
            logger.LogWarning("Denied access: {User} ({Scope}) asked for Contract {Id} outside their scope", db.Actor.UserName, db.Scope, id);
    }
}
