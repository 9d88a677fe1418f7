using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;
using static Portal.Domain.Contracts.ContractAccess;

namespace Portal.Domain.Contracts;

/// <summary>The contracts a reader sees: the list, one contract's page, and the agencies a review office may draft for.</summary>
public sealed class ContractQueries(PortalDb portalDb, ILogger<ContractQueries> logger)
{
    public sealed record Filter(string? Text = null, ContractStatus? Status = null, int? TemplateVersion = null, int? AgencyId = null, Guid? BatchId = null);

    public sealed record Row(int Id, string? Number, string AgencyCode, string AgencyName, ContractStatus Status,
        DateOnly StartsOn, DateOnly EndsOn, long FeePerFile, DateTimeOffset? IssuedAt, int? TemplateVersion);

    public sealed record Page(IReadOnlyList<Row> Rows, int Total);

    public sealed record Details(Contract Contract, string AgencyCode, string AgencyName, string ProvinceFa,
        string? RenewsNumber, int? RenewedById, string? RenewedByNumber, int? TemplateVersion, bool CanManage)
    {
        /// <summary>What the actor may do to this contract now: none unless their office manages it, and a contract is renewed once.</summary>
        public ContractActions Actions => !CanManage ? ContractActions.None
            : RenewedById is null ? Contract.AllowedActions : Contract.AllowedActions & ~ContractActions.Renew;

        public bool Allows(ContractActions action) => (Actions & action) == action;
    }

    public sealed record AgencyOption(int Id, string Code, string Name);

    public async Task<Page> ListAsync(Filter filter, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!db.Actor.Can(Permission.ContractsRead)) return new Page([], 0);
        var query = db.Contracts.AsQueryable();
        if (SearchKey.Of(filter.Text) is { Length: > 0 } key)
            query = query.Where(c => c.Number!.Contains(key) || c.Agency.SearchText.Contains(key));
        if (filter.Status is { } status) query = query.Where(c => c.Status == status);
        if (filter.TemplateVersion is { } version) query = query.Where(c => c.Template!.Version == version);
        if (filter.AgencyId is { } agencyId) query = query.Where(c => c.AgencyId == agencyId);
        if (filter.BatchId is { } batchId) query = query.Where(c => c.BatchId == batchId);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.Id).Skip(skip).Take(take)
            .Select(c => new Row(c.Id, c.Number, c.Agency.Code, c.Agency.Name, c.Status, c.StartsOn, c.EndsOn, c.FeePerFile, c.IssuedAt,
                c.Template == null ? null : c.Template.Version))
            .ToListAsync(ct);
        return new Page(rows, total);
    }

    /// <summary>A contract with what its page shows; null when it does not exist or is outside the actor's scope.</summary>
    public async Task<Details?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!db.Actor.Can(Permission.ContractsRead)) return null;
        var contract = await db.Contracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            await LogDeniedAsync(db, logger, id, ct);
            return null;
        }
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == contract.AgencyId)
            .Select(a => new { a.Code, a.Name, a.ReviewOfficeId, Province = a.Province!.NameFa }).SingleAsync(ct);
        var renews = contract.RenewsId is { } renewsId ? await db.Contracts.Where(c => c.Id == renewsId).Select(c => c.Number).SingleOrDefaultAsync(ct) : null;
        var renewal = await db.Contracts.Where(c => c.RenewsId == id).Select(c => new { c.Id, c.Number }).FirstOrDefaultAsync(ct);
        var version = contract.TemplateId is { } templateId ? await db.ContractTemplates.Where(t => t.Id == templateId).Select(t => (int?)t.Version).SingleAsync(ct) : null;
        return new Details(contract, agency.Code, agency.Name, agency.Province, renews, renewal?.Id, renewal?.Number, version,
            db.Actor.Can(Permission.ContractsIssue) && agency.ReviewOfficeId == db.Actor.UnitId);
    }

    /// <summary>The open agencies the acting review office serves that have no open or active contract.</summary>
    public async Task<IReadOnlyList<AgencyOption>> DraftableAgenciesAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!db.Actor.Can(Permission.ContractsIssue)) return [];
        return await Served(db).Where(a => !db.Contracts.Any(c => c.AgencyId == a.Id && Contract.Live.Contains(c.Status)))
            .OrderBy(a => a.Code).Select(a => new AgencyOption(a.Id, a.Code, a.Name)).ToListAsync(ct);
    }
}
