using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Rollout;
using Portal.Domain.Security;
using Portal.Domain.Users;
using Portal.Domain.SignIn;

namespace Portal.Domain.Agencies;

/// <summary>
/// The general office's register of its agencies (seed 000 §1-1, §1-2) and an agency manager's view of their own.
/// Reads go through the scope filters; every command re-checks the actor's role, and an agency outside the scope
/// is simply not found.
/// </summary>
public sealed class AgencyRegistry(PortalDb portalDb, ICurrentUser currentUser, IServiceScopeFactory scopes, TimeProvider clock)
{
    public sealed record UserRow(string Id, string UserName, string FullName, string Role, bool IsDisabled);

    public sealed record Details(Agency Agency, string ProvinceFa, string GeneralOffice, string ReviewOffice, AgencyReadiness Readiness,
        IReadOnlyList<UserRow> Users, IReadOnlyList<ChangeNoticeInbox.Row> Notices, IReadOnlyList<ToolDeployment> Tools);

    public async Task<Details?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        var agency = await db.Agencies.AsNoTracking().AsSplitQuery()
            .Include(a => a.Board).Include(a => a.Representatives.Where(r => r.RemovedAt == null)).Include(a => a.Province)
            .SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agency is null) return null;
        // Read untracked, so the concealed copy can never be saved over the real one.
        if (PersonalData.For(db.Actor.Role) is { IsWhole: false } personal) agency.ConcealFor(personal);
        // The offices an agency deals with are named on its page even for its own manager, whose scope is the agency alone.
        var offices = await db.OrgUnits.IgnoreQueryFilters().Where(u => u.Id == agency.ParentId || u.Id == agency.ReviewOfficeId)
            .ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var today = JalaliDate.Today(clock).ToDateOnly();
        var readiness = await db.Readiness(today).SingleAsync(r => r.AgencyId == id, ct);
        var users = await UsersAsync(db, id, ct);
        var notices = await ChangeNoticeInbox.RowsAsync(db, db.ChangeNotices.AsNoTracking().Where(n => n.AgencyId == id).OrderByDescending(n => n.Id), ct);
        var tools = await db.ToolDeployments.AsNoTracking().Where(t => t.AgencyId == id).OrderByDescending(t => t.DeployedOn).ToListAsync(ct);
        return new Details(agency, agency.Province!.NameFa, offices.GetValueOrDefault(agency.ParentId ?? 0, ""), offices[agency.ReviewOfficeId], readiness,
            users, notices, tools);
    }

    /// <summary>Review offices an agency of the province may file with.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> ReviewOfficesAsync(int provinceId, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        var rows = await db.OrgUnits.Where(u => u.ProvinceId == provinceId && u.Kind == Organisation.UnitKind.ReviewOffice)
            .OrderBy(u => u.Code).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }

    /// <summary>Saves a profile edit. Returns messages per field; empty when saved.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SaveAsync(int id, AgencyProfileForm form, int reviewOfficeId, Guid version,
        JalaliDate effective, CancellationToken ct = default)
    {
        var today = JalaliDate.Today(clock).ToDateOnly();
        var (profile, errors) = form.Validate(today);
        if (profile is null) return errors;
        await using var db = await portalDb.OpenForAsync(Permission.AgenciesEdit, ct);
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw DomainException.Of("Agency.NotFound");
        if (agency.Version != version) throw DomainException.Of("Agency.ChangedMeanwhile");
        // A closure records what happened: its date (the effective date) is not after today. Other changes may be planned ahead.
        if (profile.Status == AgencyStatus.Closed && !agency.IsClosed && effective.ToDateOnly() > today)
            return new Dictionary<string, string> { ["Effective"] = FieldCheck.Refusal("Agency.ClosedOnField", Messages.Get("Date.InFuture")).Message };
        var reviewOffice = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == reviewOfficeId, ct) ?? throw DomainException.Of("Agency.ReviewOfficeOutside");
        agency.Update(profile, reviewOffice, Stamp(db, effective));
        await SaveAsync(db, ct);
        return errors;
    }

    public async Task ReplaceBoardAsync(int id, IReadOnlyList<BoardMemberInput> members, CancellationToken ct = default)
    {
        var checkedMembers = members.Select(PersonRules.Check).ToList();
        if (checkedMembers.FirstOrDefault(c => !c.IsValid) is { Error: { } error }) throw new DomainException(error);
        await using var db = await portalDb.OpenForAsync(Permission.AgenciesEdit, ct);
        var agency = await db.Agencies.Include(a => a.Board).SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw DomainException.Of("Agency.NotFound");
        agency.ReplaceBoard(checkedMembers.Select(c => c.Value!));
        await SaveAsync(db, ct);
    }

    public async Task NameRepresentativeAsync(int id, RepresentativeInput input, CancellationToken ct = default)
    {
        var valid = PersonRules.Check(input);
        if (!valid.IsValid) throw new DomainException(valid.Error!);
        await using var db = await portalDb.OpenForAsync(Permission.RepresentativesEdit, ct);
        var agency = await db.Agencies.Include(a => a.Representatives).SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw DomainException.Of("Agency.NotFound");
        agency.NameRepresentative(valid.Value!, clock.GetUtcNow());
        await SaveAsync(db, ct);
    }

    public async Task RemoveRepresentativeAsync(int id, int representativeId, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.RepresentativesEdit, ct);
        var agency = await db.Agencies.Include(a => a.Representatives).SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw DomainException.Of("Agency.NotFound");
        agency.RemoveRepresentative(representativeId, clock.GetUtcNow());
        await SaveAsync(db, ct);
    }

    /// <summary>Opens an account for the agency (manager or user) and returns its first password, shown once.</summary>
    public async Task<string> AddUserAsync(int id, string userName, string fullName, string role, JalaliDate effective, CancellationToken ct = default)
    {
        if (role is not (Roles.AgencyManager or Roles.AgencyUser)) throw DomainException.Of("Agency.UserRole");
        var name = TextNormalizer.Normalize(userName).ToLowerInvariant();
        var full = TextNormalizer.Normalize(fullName);
        if (name.Length < 3) throw new DomainException(Messages.Get("Agency.UserNameInvalid"));
        if (full.Length == 0) throw DomainException.Of("Person.NameRequired");
        Input.Text(full, TextLength.Name).OrRefuse("Person.NameField");
        if (name.Length > Users.UserAdministration.MaxUserNameLength) throw DomainException.Of("Agency.UserNameInvalid");
        var password = RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz23456789", 16);
        await ChangeUsersAsync(id, effective, async (agency, users) =>
        {
            agency.EnsureAcceptsUsers();
            if (await users.FindByNameAsync(name) is not null) throw DomainException.Of("Agency.UserNameTaken");
            var user = new PortalUser(name, full, agency.Id, clock.GetUtcNow());
            user.RequirePasswordChange(); // the first password is seen by whoever opened the account
            if (!(await users.CreateAsync(user, password)).Succeeded) throw DomainException.Of("Agency.UserNameInvalid");
            await users.AddToRoleAsync(user, role);
        }, ct);
        return password;
    }

    public Task DisableUserAsync(int id, string userId, JalaliDate effective, CancellationToken ct = default) =>
        ChangeUsersAsync(id, effective, async (agency, users) =>
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null || user.UnitId != agency.Id || user.IsDisabled) throw DomainException.Of("Agency.UserNotFound");
            user.Disable();
            await users.UpdateSecurityStampAsync(user); // signs the user's open tabs out at the next revalidation
        }, ct);

    /// <summary>Everything that changed on the agency and the records that belong to it, newest first.</summary>
    public async Task<IReadOnlyList<AuditLine>> HistoryAsync(int id, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!await db.Agencies.AnyAsync(a => a.Id == id, ct)) return [];
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.UnitId == id).OrderByDescending(e => e.Id).Take(500).ToListAsync(ct);
        return await AuditView.LinesAsync(db, entries, ct);
    }

    /// <summary>
    /// Adding or disabling an agency account changes its user set: one transaction saves the account and the change
    /// notice, so the treatment directorate never misses one nor sees one for an account that was not saved.
    /// </summary>
    private async Task ChangeUsersAsync(int id, JalaliDate effective, Func<Agency, UserManager<PortalUser>, Task> change, CancellationToken ct)
    {
        var actor = await currentUser.RequireAsync(Permission.AgenciesEdit);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>().ActAs(actor);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw DomainException.Of("Agency.NotFound");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = await ActiveUserNamesAsync(db, id, ct);
        await change(agency, users);
        agency.UsersChanged(before, await ActiveUserNamesAsync(db, id, ct), Stamp(db, effective));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static Task<List<string>> ActiveUserNamesAsync(PortalDbContext db, int agencyId, CancellationToken ct) =>
        db.Users.Where(u => u.UnitId == agencyId && !u.IsDisabled).Select(u => u.UserName!).ToListAsync(ct);

    private static async Task<IReadOnlyList<UserRow>> UsersAsync(PortalDbContext db, int agencyId, CancellationToken ct)
    {
        var rows = await (from u in db.Users
                          where u.UnitId == agencyId
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          orderby u.UserName
                          select new UserRow(u.Id, u.UserName!, u.FullName, r.Name!, u.IsDisabled)).ToListAsync(ct);
        return rows;
    }

    private ChangeStamp Stamp(PortalDbContext db, JalaliDate effective) => new(db.Actor.UserName, clock.GetUtcNow(), effective.ToDateOnly());

    private static async Task SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw DomainException.Of("Agency.ChangedMeanwhile"); }
    }
}
