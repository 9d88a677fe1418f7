using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.Users;

/// <summary>
/// Account requests as their readers see them: the general office its province's, head office's registration office all
/// of them; the branches and accounts a general office may name in a new request.
/// </summary>
public sealed class AccountRequestQuery(PortalDb portalDb)
{
    public sealed record Row(int Id, AccountRequestKind Kind, AccountRequestStatus Status, string ProvinceFa, string OfficeName, DateTimeOffset RequestedAt,
        int People, DateTimeOffset? DecidedAt, int HandedOver);

    public sealed record LineView(AccountRequestLine Line, string BranchName, string? HandedOverByName);

    /// <summary>One request with what its reader may do: decide (head office, while pending), hand over (the province's office, once approved).</summary>
    public sealed record Details(AccountRequest Request, string ProvinceFa, string OfficeName, string RequestedByName, string? DecidedByName,
        IReadOnlyList<LineView> Lines, bool CanDecide, bool CanHandOver);

    public sealed record Option(int Id, string Code, string Name);

    public sealed record Account(string Id, string UserName, string FullName, string Role, string BranchName);

    /// <summary>An account with its role; built by member initialisation so that queries can go on ordering and projecting it.</summary>
    internal sealed class BranchAccount
    {
        public PortalUser User { get; init; } = null!;
        public string Role { get; init; } = "";
    }

    public async Task<IReadOnlyList<Row>> ListAsync(AccountRequestStatus? status = null, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var query = db.AccountRequests.AsNoTracking();
        if (status is { } s) query = query.Where(r => r.Status == s);
        var rows = await query.OrderBy(r => r.Status == AccountRequestStatus.Pending ? 0 : 1).ThenByDescending(r => r.RequestedAt).Take(200)
            .Select(r => new { r.Id, r.Kind, r.Status, r.ProvinceId, r.UnitId, r.RequestedAt, People = r.Lines.Count, r.DecidedAt, HandedOver = r.Lines.Count(l => l.HandedOverAt != null) })
            .ToListAsync(ct);
        var units = rows.Select(r => r.UnitId).Distinct().ToList();
        var names = await db.OrgUnits.IgnoreQueryFilters().Where(u => units.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var provinces = await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.NameFa, ct);
        return [.. rows.Select(r => new Row(r.Id, r.Kind, r.Status, provinces[r.ProvinceId], names[r.UnitId], r.RequestedAt, r.People, r.DecidedAt, r.HandedOver))];
    }

    /// <summary>The request with its people, or null when it does not exist or lies outside the reader's scope.</summary>
    public async Task<Details?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var request = await db.AccountRequests.AsNoTracking().Include(r => r.Lines.OrderBy(l => l.Id)).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return null;
        var unitIds = request.Lines.Select(l => l.BranchId).Append(request.UnitId).Distinct().ToList();
        var units = await db.OrgUnits.IgnoreQueryFilters().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var province = await db.Provinces.Where(p => p.Id == request.ProvinceId).Select(p => p.NameFa).SingleAsync(ct);
        var people = await UserNames.FullNamesAsync(db, request.Lines.Select(l => l.HandedOverBy).Append(request.RequestedBy).Append(request.DecidedBy), ct);
        string Name(string? userName) => userName is null ? "" : people.GetValueOrDefault(userName, userName);
        var actor = db.Actor;
        return new Details(request, province, units[request.UnitId], Name(request.RequestedBy), request.DecidedBy is null ? null : Name(request.DecidedBy),
            [.. request.Lines.Select(l => new LineView(l, units[l.BranchId], l.HandedOverBy is null ? null : Name(l.HandedOverBy)))],
            CanDecide: request.Status == AccountRequestStatus.Pending && actor.Can(Permission.AccountRequestsDecide),
            CanHandOver: request.Status == AccountRequestStatus.Approved && request.Kind == AccountRequestKind.Create && actor.Can(Permission.AccountRequestsFile));
    }

    /// <summary>The branches of the general office's province, for a new request's lines.</summary>
    public async Task<IReadOnlyList<Option>> BranchesAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.AccountRequestsFile, ct);
        var province = await ProvinceOfAsync(db, ct);
        return await db.OrgUnits.Where(u => u.Kind == UnitKind.Branch && u.ProvinceId == province).OrderBy(u => u.Code)
            .Select(u => new Option(u.Id, u.Code, u.Name)).ToListAsync(ct);
    }

    /// <summary>The enabled accounts of the province's branches' staff, which a disable request may name.</summary>
    public async Task<IReadOnlyList<Account>> AccountsAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.AccountRequestsFile, ct);
        var province = await ProvinceOfAsync(db, ct);
        return await BranchAccounts(db, province).OrderBy(a => a.User.Unit.Code).ThenBy(a => a.User.FullName).Take(500)
            .Select(a => new Account(a.User.Id, a.User.UserName!, a.User.FullName, a.Role, a.User.Unit.Name)).ToListAsync(ct);
    }

    /// <summary>Enabled accounts in the province's branches with a branch role: what a general office may ask to disable.</summary>
    internal static IQueryable<BranchAccount> BranchAccounts(PortalDbContext db, int provinceId) =>
        from u in db.Users
        where !u.IsDisabled && u.Unit.Kind == UnitKind.Branch && u.Unit.ProvinceId == provinceId
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == Roles.BranchStaff || r.Name == Roles.BranchSupervisor
        select new BranchAccount { User = u, Role = r.Name! };

    private async Task<PortalDbContext> OpenAsync(CancellationToken ct)
    {
        var db = await portalDb.OpenAsync(ct);
        if (db.Actor.Can(Permission.AccountRequestsFile) || db.Actor.Can(Permission.AccountRequestsDecide)) return db;
        await db.DisposeAsync();
        throw DomainException.Forbidden(Permissions.Refused);
    }

    private static async Task<int> ProvinceOfAsync(PortalDbContext db, CancellationToken ct) =>
        await db.OrgUnits.Where(u => u.Id == db.Actor.UnitId).Select(u => u.ProvinceId).SingleOrDefaultAsync(ct)
            ?? throw DomainException.Forbidden("AccountRequests.OnlyGeneralOffice");
}
