using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Data;
using Portal.Demo;
using Portal.Domain.Security;
using Portal.Hosting;
using Portal.Domain.Users;

namespace Portal.Tests.Users;

public sealed class UserAdministrationTests : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private readonly PortalFactory _factory;

    public UserAdministrationTests(PortalFactory factory) => _factory = factory;
    public async Task InitializeAsync() => await _factory.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<T> AsAsync<T>(string userName, Func<UserAdministration, PortalDbContext, Task<T>> act)
    {
        var contexts = _factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = PortalDb.Open(contexts, Actor.System);
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        var role = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).SingleAsync();
        var unit = await db.OrgUnits.SingleAsync(u => u.Id == user.UnitId);
        var actor = new Actor(user.Id, userName, role!, unit.Id, OrgScope.For(role!, unit.Id, unit.ProvinceId));
        var admin = new UserAdministration(_factory.Services.GetRequiredService<IServiceScopeFactory>(), new ActingAs(actor), TimeProvider.System);
        return await act(admin, db);
    }

    [Fact]
    public async Task Accounts_ListedByANonAdmin_AreRefused()
    {
        await Refused.ByRoleAsync(() =>
            AsAsync("headoffice", (admin, _) => admin.ListAsync(null, 0, 10)));
    }

    [Fact]
    public async Task Create_WithAFullNameLongerThanANameMayBe_IsRefused_NotCut()
    {
        var error = await AsAsync("admin", async (admin, db) =>
        {
            var governor = await db.OrgUnits.Where(u => u.Code == "GV-08").Select(u => u.Id).SingleAsync();
            return (await admin.CreateAsync(new UserAdministration.UserForm("long.name", new string('ن', 525), Roles.Governor, governor))).Error;
        });
        Assert.Equal("Users.FullNameTooLong", error);
    }

    [Fact]
    public async Task Create_RoleInWrongKindOfUnit_IsRefused()
    {
        var error = await AsAsync("admin", async (admin, db) =>
        {
            var branch = await db.OrgUnits.Where(u => u.Code == "BR-08-01").Select(u => u.Id).SingleAsync();
            return (await admin.CreateAsync(new UserAdministration.UserForm("new.governor", "کاربر آزمایشی", Roles.Governor, branch))).Error;
        });
        Assert.Equal("Users.UnitKindMismatch", error);
    }

    [Fact]
    public async Task Create_ThenSignInWithTheFirstPassword_AndAuditRecordsIt()
    {
        var password = await AsAsync("admin", async (admin, db) =>
        {
            var td = await db.OrgUnits.Where(u => u.Code == "TD-27").Select(u => u.Id).SingleAsync();
            var created = await admin.CreateAsync(new UserAdministration.UserForm("Golestan.Expert", "كارشناس  درمان", Roles.TreatmentDirectorate, td));
            Assert.True(created.IsValid, created.Error);
            return created.Value!;
        });
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByNameAsync("golestan.expert");
        Assert.NotNull(user);
        Assert.Equal("کارشناس درمان", user.FullName); // Arabic kaf and double space normalised
        Assert.True(await users.CheckPasswordAsync(user, password));

        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>().ActAs(Actor.System);
        var entry = await db.AuditEntries.SingleAsync(a => a.Entity == nameof(PortalUser) && a.Key == user.Id && a.Action == Portal.Domain.Audit.AuditAction.Added);
        Assert.Equal("admin", entry.UserName);
        Assert.Contains("کارشناس درمان", entry.Changes);
        Assert.DoesNotContain("PasswordHash", entry.Changes);
    }

    [Fact]
    public async Task Disable_RenewsStampAndBlocksSignIn_EnableRestores()
    {
        var id = await AsAsync("admin", async (admin, db) =>
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "golestan.branch.staff");
            Assert.Null(await admin.DisableAsync(user.Id));
            var after = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
            Assert.True(after.IsDisabled);
            Assert.NotEqual(user.SecurityStamp, after.SecurityStamp);
            Assert.Equal("Users.NoChange", await admin.DisableAsync(user.Id));
            return user.Id;
        });
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
            var user = await signIn.UserManager.FindByIdAsync(id);
            Assert.False(await signIn.CanSignInAsync(user!));
        }
        await AsAsync("admin", async (admin, _) => { Assert.Null(await admin.EnableAsync(id)); return 0; });
    }

    [Fact]
    public async Task DemoPasswordGuard_AccountsStillOnTheDemoPassword_AreNamed()
    {
        var found = await DemoPasswordGuard.AccountsWithDemoPasswordAsync(_factory.Services);
        Assert.Contains("admin", found);
        Assert.Contains("kerman.treatment", found);
    }

    [Fact]
    public async Task ResetPassword_OldStopsWorking_NewWorks()
    {
        var (id, password) = await AsAsync("admin", async (admin, db) =>
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "golestan.governor");
            var reset = await admin.ResetPasswordAsync(user.Id);
            return (user.Id, reset.Value!);
        });
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(id);
        Assert.False(await users.CheckPasswordAsync(user!, DemoSeeder.DemoPassword));
        Assert.True(await users.CheckPasswordAsync(user!, password));
        Assert.True(user!.MustChangePassword);
    }

    [Fact]
    public async Task DemoAccounts_Seeded_AreNotForcedToChangeTheirPassword()
    {
        await using var db = Acting.SystemDb(_factory);
        Assert.False(await db.Users.AnyAsync(u => u.MustChangePassword && (u.UserName == "kerman.treatment" || u.UserName == "admin")));
    }

    [Fact]
    public async Task ResetTwoFactor_TurnsItOff_AndVoidsKeyAndRecoveryCodes()
    {
        string id;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByNameAsync("golestan.director"))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
            id = user.Id;
        }

        Assert.Null(await AsAsync("admin", (admin, _) => admin.ResetTwoFactorAsync(id)));

        await using var check = _factory.Services.CreateAsyncScope();
        var manager = check.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var reset = (await manager.FindByIdAsync(id))!;
        Assert.False(await manager.GetTwoFactorEnabledAsync(reset));
        Assert.Equal(0, await manager.CountRecoveryCodesAsync(reset));
    }
}
