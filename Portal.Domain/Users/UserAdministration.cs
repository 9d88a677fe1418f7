using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.Users;

/// <summary>
/// The system administrator's work on accounts. Every command re-checks that the actor is an administrator and
/// renews the security stamp when access changes, so open tabs of the user are signed out at the next revalidation.
/// Errors are message keys (<c>Users.*</c>) the UI words in the user's language.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, ICurrentUser currentUser, TimeProvider clock)
{
    public sealed record UserRow(string Id, string UserName, string FullName, string Role, int UnitId, string UnitName, string? ProvinceFa,
        bool IsDisabled, bool IsLockedOut, bool TwoFactor, bool MustChangePassword);

    public sealed record UserForm(string UserName, string FullName, string Role, int UnitId);

    public sealed record UnitOption(int Id, string Code, string Name, string? ProvinceFa);

    public async Task<(IReadOnlyList<UserRow> Rows, int Total)> ListAsync(string? search, int skip, int take, CancellationToken ct = default)
    {
        await using var op = await BeginAsync();
        var key = SearchKey.Of(search);
        var now = clock.GetUtcNow();
        var query = from u in op.Db.Users
                    join ur in op.Db.UserRoles on u.Id equals ur.UserId
                    join r in op.Db.Roles on ur.RoleId equals r.Id
                    select new { u, Role = r.Name! };
        if (key.Length > 0) query = query.Where(x => x.u.SearchText.Contains(key) || x.u.Unit.SearchText.Contains(key));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(x => x.u.UserName).Skip(skip).Take(take)
            .Select(x => new { x.u.Id, x.u.UserName, x.u.FullName, x.Role, x.u.UnitId, UnitName = x.u.Unit.Name, ProvinceFa = x.u.Unit.Province!.NameFa, x.u.IsDisabled, x.u.LockoutEnd, x.u.TwoFactorEnabled, x.u.MustChangePassword })
            .ToListAsync(ct);
        return (rows.Select(x => new UserRow(x.Id, x.UserName!, x.FullName, x.Role, x.UnitId, x.UnitName, x.ProvinceFa, x.IsDisabled,
            x.LockoutEnd > now, x.TwoFactorEnabled, x.MustChangePassword)).ToList(), total);
    }

    public async Task<IReadOnlyList<UnitOption>> UnitsForRoleAsync(string role, string? search, CancellationToken ct = default)
    {
        await using var op = await BeginAsync();
        var kind = Roles.UnitKindFor(role);
        var key = SearchKey.Of(search);
        var query = op.Db.OrgUnits.Where(u => u.Kind == kind);
        if (key.Length > 0)
        {
            // Thirty-one provinces are folded here rather than given a search column.
            var provinces = (await op.Db.Provinces.AsNoTracking().Select(p => new { p.Id, p.NameFa }).ToListAsync(ct))
                .Where(p => SearchKey.Of(p.NameFa).Contains(key, StringComparison.Ordinal)).Select(p => (int?)p.Id).ToList();
            query = query.Where(u => u.SearchText.Contains(key) || provinces.Contains(u.ProvinceId));
        }
        return await query.OrderBy(u => u.Code).Take(50)
            .Select(u => new UnitOption(u.Id, u.Code, u.Name, u.Province!.NameFa)).ToListAsync(ct);
    }

    /// <summary>Creates the account and returns its first password, shown once.</summary>
    public async Task<Checked<string>> CreateAsync(UserForm form, CancellationToken ct = default)
    {
        await using var op = await BeginAsync();
        var userName = TextNormalizer.Normalize(form.UserName).ToLowerInvariant();
        if (await Validate(op, form with { UserName = userName }, ct) is { } error) return Checked<string>.Fail(error);
        return await CreateAsync(form with { UserName = userName, FullName = TextNormalizer.Normalize(form.FullName) }, op);
    }

    public async Task<string?> UpdateAsync(string userId, UserForm form, CancellationToken ct = default)
    {
        await using var op = await BeginAsync();
        var user = await op.Users.FindByIdAsync(userId);
        if (user is null) return "Users.NotFound";
        if (await Validate(op, form with { UserName = user.UserName! }, ct) is { } error) return error;
        user.Rename(TextNormalizer.Normalize(form.FullName));
        user.MoveTo(form.UnitId);
        var current = (await op.Users.GetRolesAsync(user)).ToList();
        if (current.Count != 1 || current[0] != form.Role)
        {
            if (current.Count > 0) await op.Users.RemoveFromRolesAsync(user, current);
            await op.Users.AddToRoleAsync(user, form.Role);
        }
        await op.Users.UpdateSecurityStampAsync(user); // the user's open tabs get the new role and unit only by signing in again
        return null;
    }

    public Task<string?> DisableAsync(string userId) => ChangeAsync(userId, u => u.Disable());

    public Task<string?> EnableAsync(string userId) => ChangeAsync(userId, u => u.Enable());

    /// <summary>Sets a new generated password (shown once, good only to choose a new one) and lifts any lockout.</summary>
    public async Task<Checked<string>> ResetPasswordAsync(string userId)
    {
        await using var op = await BeginAsync();
        var user = await op.Users.FindByIdAsync(userId);
        if (user is null) return Checked<string>.Fail("Users.NotFound");
        var password = await FirstPassword.IssueAsync(op.Users, user);
        return Checked<string>.Ok(password);
    }

    /// <summary>
    /// Turns two-step sign-in off and voids the authenticator key and recovery codes, for a user who lost both; their
    /// sessions end, and where two-step sign-in is required they enrol again at their next sign-in.
    /// </summary>
    public async Task<string?> ResetTwoFactorAsync(string userId)
    {
        await using var op = await BeginAsync();
        var user = await op.Users.FindByIdAsync(userId);
        if (user is null) return "Users.NotFound";
        if (!user.TwoFactorEnabled) return "Users.NoChange";
        await op.Users.SetTwoFactorEnabledAsync(user, false);
        await op.Users.ResetAuthenticatorKeyAsync(user); // also renews the security stamp
        await op.Users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        return null;
    }

    /// <summary>For the <c>create-admin</c> command: an administrator in the head office.</summary>
    public async Task<Checked<string>> CreateAdminAsync(string userName)
    {
        await using var op = await BeginAsync(Actor.System);
        var unitId = await op.Db.OrgUnits.Where(u => u.Code == OrganisationSeeder.HeadOfficeCode).Select(u => u.Id).SingleAsync();
        return await CreateAsync(new UserForm(TextNormalizer.Normalize(userName).ToLowerInvariant(), userName, Roles.SystemAdmin, unitId), op);
    }

    private async Task<Checked<string>> CreateAsync(UserForm form, Operation op)
    {
        if (await op.Users.FindByNameAsync(form.UserName) is not null) return Checked<string>.Fail("Users.UserNameTaken");
        var user = new PortalUser(form.UserName, form.FullName, form.UnitId, clock.GetUtcNow());
        user.RequirePasswordChange(); // the first password is seen by the administrator too
        var password = FirstPassword.New();
        if (!(await op.Users.CreateAsync(user, password)).Succeeded) return Checked<string>.Fail("Users.UserNameInvalid");
        await op.Users.AddToRoleAsync(user, form.Role);
        return Checked<string>.Ok(password);
    }

    private async Task<string?> ChangeAsync(string userId, Action<PortalUser> change)
    {
        await using var op = await BeginAsync();
        var user = await op.Users.FindByIdAsync(userId);
        if (user is null) return "Users.NotFound";
        try { change(user); }
        catch (InvalidOperationException) { return "Users.NoChange"; }
        await op.Users.UpdateSecurityStampAsync(user); // also saves the change
        return null;
    }

    /// <summary>A sign-in name: short enough to type, and to print beside every act it signs in the audit log.</summary>
    public const int MaxUserNameLength = 64;

    private static async Task<string?> Validate(Operation op, UserForm form, CancellationToken ct)
    {
        if (form.UserName.Length < 3) return "Users.UserNameInvalid";
        if (TextNormalizer.Normalize(form.FullName).Length == 0) return "Users.FullNameRequired";
        if (!Input.Text(form.FullName, TextLength.Name).IsValid) return "Users.FullNameTooLong";
        if (form.UserName.Length > MaxUserNameLength) return "Users.UserNameTooLong";
        if (!Roles.All.Contains(form.Role)) return "Users.RoleRequired";
        var kind = await op.Db.OrgUnits.Where(u => u.Id == form.UnitId).Select(u => (UnitKind?)u.Kind).SingleOrDefaultAsync(ct);
        if (kind is null) return "Users.UnitRequired";
        return kind == Roles.UnitKindFor(form.Role) ? null : "Users.UnitKindMismatch";
    }

    private async Task<Operation> BeginAsync(Actor? actor = null)
    {
        actor ??= await currentUser.GetAsync();
        actor.Require(Permission.Administer);
        var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>().ActAs(actor);
        return new Operation(scope, db, scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>());
    }

    /// <summary>One unit of work: a DI scope whose Identity stores share one context acting as the administrator.</summary>
    private sealed record Operation(AsyncServiceScope Scope, PortalDbContext Db, UserManager<PortalUser> Users) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Scope.DisposeAsync();
    }
}
