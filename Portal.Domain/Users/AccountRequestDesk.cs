using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.Users;

/// <summary>
/// The acts on account requests (seed 004 §1): the general office files, head office's registration office approves or
/// refuses, the general office hands each first password over once. A request outside the actor's province is "not found";
/// a branch outside it cannot be asked for. Approval creates (or disables) every account of the request in one transaction.
/// </summary>
public sealed class AccountRequestDesk(PortalDb portalDb, ICurrentUser currentUser, IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Files the request; returns its id, or the messages per field (nothing is saved then).</summary>
    public async Task<(int? Id, IReadOnlyDictionary<string, string> Errors)> FileAsync(AccountRequestForm form, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.AccountRequestsFile, ct);
        var office = await db.OrgUnits.Where(u => u.Id == db.Actor.UnitId && u.Kind == UnitKind.GeneralOffice && u.ProvinceId != null)
            .Select(u => new { u.Id, ProvinceId = u.ProvinceId!.Value }).SingleOrDefaultAsync(ct)
            ?? throw DomainException.Forbidden("AccountRequests.OnlyGeneralOffice");
        var (valid, errors) = form.Validate();
        if (valid is null) return (null, errors);
        var lines = valid.Kind == AccountRequestKind.Create
            ? await CreateLinesAsync(db, office.ProvinceId, valid.People, errors, ct)
            : await DisableLinesAsync(db, office.ProvinceId, valid.Accounts, errors, ct);
        if (errors.Count > 0) return (null, errors);
        var request = new AccountRequest(office.ProvinceId, office.Id, valid.Kind, valid.Note, lines, db.Actor.UserName, clock.GetUtcNow());
        db.AccountRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return (request.Id, errors);
    }

    /// <summary>Approves the request as it is on the screen: every account is created (or disabled), or none.</summary>
    public async Task ApproveAsync(int requestId, Guid version, CancellationToken ct = default)
    {
        await using var op = await BeginAsync(Permission.AccountRequestsDecide);
        await using var tx = await op.Db.Database.BeginTransactionAsync(ct);
        var request = await RequestAsync(op.Db, requestId, version, ct);
        var now = clock.GetUtcNow();
        request.Approve(op.Db.Actor.UserName, now);
        await SaveAsync(op.Db, ct); // the version is checked before any account is touched
        if (request.Kind == AccountRequestKind.Create) await CreateAccountsAsync(op, request, now, ct);
        else await DisableAccountsAsync(op, request, ct);
        await SaveAsync(op.Db, ct);
        await tx.CommitAsync(ct);
    }

    public async Task RefuseAsync(int requestId, Guid version, string reason, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.AccountRequestsDecide, ct);
        (await RequestAsync(db, requestId, version, ct)).Refuse(reason, db.Actor.UserName, clock.GetUtcNow());
        await SaveAsync(db, ct);
    }

    /// <summary>
    /// Sets the first password of the line's account and returns it, to be shown this once to the requesting office; the
    /// account must change it at its first sign-in. A second handover of the same line is refused.
    /// </summary>
    public async Task<string> HandOverAsync(int requestId, int lineId, CancellationToken ct = default)
    {
        await using var op = await BeginAsync(Permission.AccountRequestsFile);
        await using var tx = await op.Db.Database.BeginTransactionAsync(ct);
        var request = await RequestAsync(op.Db, requestId, version: null, ct);
        var line = request.HandOver(lineId, op.Db.Actor.UserName, clock.GetUtcNow());
        await SaveAsync(op.Db, ct); // a second click racing the first fails here, on the request's version
        var user = await op.Users.FindByIdAsync(line.UserId!);
        if (user is null || user.IsDisabled) throw DomainException.Of("AccountRequests.AccountDisabled");
        var password = await FirstPassword.IssueAsync(op.Users, user);
        await tx.CommitAsync(ct);
        return password;
    }

    private static async Task<List<AccountRequestLine>> CreateLinesAsync(PortalDbContext db, int provinceId, IReadOnlyList<AccountRequestForm.ValidPerson> people,
        Dictionary<string, string> errors, CancellationToken ct)
    {
        var branchIds = people.Select(p => p.BranchId).Distinct().ToList();
        var branches = await db.OrgUnits.Where(u => branchIds.Contains(u.Id) && u.Kind == UnitKind.Branch && u.ProvinceId == provinceId)
            .Select(u => u.Id).ToListAsync(ct);
        var ids = people.Select(p => p.NationalId).ToList();
        var accounts = await EnabledAccountsAsync(db, ids, ct);
        var asked = await PendingNationalIdsAsync(db, ids, ct);
        foreach (var p in people)
        {
            if (!branches.Contains(p.BranchId)) errors[AccountRequestForm.Field(p.Index, nameof(AccountRequestForm.Person.BranchId))] = Messages.Get("AccountRequests.BranchNotInProvince");
            if (accounts.Contains(p.NationalId)) errors[AccountRequestForm.Field(p.Index, nameof(AccountRequestForm.Person.NationalId))] = Messages.Get("AccountRequests.HasAccount");
            else if (asked.Contains(p.NationalId)) errors[AccountRequestForm.Field(p.Index, nameof(AccountRequestForm.Person.NationalId))] = Messages.Get("AccountRequests.AlreadyRequested");
        }
        return [.. people.Select(p => AccountRequestLine.ToCreate(p.FullName, p.NationalId, p.BranchId, p.Role, p.Mobile))];
    }

    private static async Task<List<AccountRequestLine>> DisableLinesAsync(PortalDbContext db, int provinceId, IReadOnlyList<string> accountIds,
        Dictionary<string, string> errors, CancellationToken ct)
    {
        var found = await AccountRequestQuery.BranchAccounts(db, provinceId).Where(a => accountIds.Contains(a.User.Id)).ToListAsync(ct);
        var pending = await db.AccountRequestLines.IgnoreQueryFilters().Where(l => l.UserId != null && accountIds.Contains(l.UserId)
            && db.AccountRequests.IgnoreQueryFilters().Any(r => r.Id == l.RequestId && r.Status == AccountRequestStatus.Pending)).AnyAsync(ct);
        if (found.Count != accountIds.Count) errors[nameof(AccountRequestForm.Accounts)] = Messages.Get("AccountRequests.AccountNotFound");
        else if (pending) errors[nameof(AccountRequestForm.Accounts)] = Messages.Get("AccountRequests.DisableAlreadyRequested");
        return [.. found.Select(a => AccountRequestLine.ToDisable(a.User, a.Role))];
    }

    private static async Task CreateAccountsAsync(Operation op, AccountRequest request, DateTimeOffset now, CancellationToken ct)
    {
        // Checked again: an account may have been made since the request was filed (one person, one account).
        var ids = request.Lines.Select(l => l.NationalId).ToList();
        if (await EnabledAccountsAsync(op.Db, ids, ct) is { Count: > 0 } taken)
            throw DomainException.Of("AccountRequests.HasAccountNow", request.Lines.First(l => taken.Contains(l.NationalId)).FullName);
        var branchIds = request.Lines.Select(l => l.BranchId).Distinct().ToList();
        var codes = await op.Db.OrgUnits.IgnoreQueryFilters().Where(u => branchIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        foreach (var line in request.Lines)
        {
            var attempt = 1;
            while (await op.Users.FindByNameAsync(AccountRequestLine.UserNameFor(codes[line.BranchId], line.NationalId, attempt)) is not null) attempt++;
            var user = new PortalUser(AccountRequestLine.UserNameFor(codes[line.BranchId], line.NationalId, attempt), line.FullName, line.BranchId, now);
            user.IdentifyAs(line.NationalId, line.Mobile);
            user.RequirePasswordChange();
            // No password yet: nobody can sign in until the requesting office hands the first one over.
            FirstPassword.Check(await op.Users.CreateAsync(user));
            FirstPassword.Check(await op.Users.AddToRoleAsync(user, line.Role));
            line.Created(user);
        }
    }

    private static async Task DisableAccountsAsync(Operation op, AccountRequest request, CancellationToken ct)
    {
        foreach (var line in request.Lines)
        {
            var user = await op.Users.FindByIdAsync(line.UserId!);
            if (user is null || user.IsDisabled) throw DomainException.Of("AccountRequests.AccountGoneNow", line.FullName);
            user.Disable();
            await op.Users.UpdateSecurityStampAsync(user); // their open sessions end at the next revalidation
        }
    }

    private static async Task<HashSet<string>> EnabledAccountsAsync(PortalDbContext db, List<string> nationalIds, CancellationToken ct) =>
        (await db.Users.Where(u => u.NationalId != null && nationalIds.Contains(u.NationalId) && !u.IsDisabled).Select(u => u.NationalId!).ToListAsync(ct)).ToHashSet();

    /// <summary>National IDs already asked for in a request not yet decided, in any province (only whether, nothing else, is read).</summary>
    private static async Task<HashSet<string>> PendingNationalIdsAsync(PortalDbContext db, List<string> nationalIds, CancellationToken ct) =>
        (await db.AccountRequestLines.IgnoreQueryFilters().Where(l => nationalIds.Contains(l.NationalId) && l.UserId == null
            && db.AccountRequests.IgnoreQueryFilters().Any(r => r.Id == l.RequestId && r.Status == AccountRequestStatus.Pending))
            .Select(l => l.NationalId).ToListAsync(ct)).ToHashSet();

    /// <summary>The request in the actor's scope (the query filter, and again here), at the version shown when one is given.</summary>
    private static async Task<AccountRequest> RequestAsync(PortalDbContext db, int id, Guid? version, CancellationToken ct)
    {
        var request = await db.AccountRequests.Include(r => r.Lines).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null || !db.Scope.Covers(request.ProvinceId, request.UnitId)) throw DomainException.Of("AccountRequests.NotFound");
        return version is null || request.Version == version ? request : throw DomainException.Of("AccountRequests.ChangedMeanwhile");
    }

    private static async Task SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw DomainException.Of("AccountRequests.ChangedMeanwhile"); }
    }

    private async Task<Operation> BeginAsync(Permission permission)
    {
        var actor = await currentUser.RequireAsync(permission);
        var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>().ActAs(actor);
        return new Operation(scope, db, scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>());
    }

    /// <summary>One unit of work: a DI scope whose Identity stores share the one context acting as the actor.</summary>
    private sealed record Operation(AsyncServiceScope Scope, PortalDbContext Db, UserManager<PortalUser> Users) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Scope.DisposeAsync();
    }
}
