using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Home;
using Portal.Domain.Security;
using Portal.Domain.Users;
using static Portal.Tests.Users.AccountRequestsArrange;

namespace Portal.Tests.Users;

/// <summary>
/// Branch accounts asked for by a province (seed 004 §1, circular 2044/130662): from the request to the first sign-in, the
/// rules of one person one account, the province's own branches and requests only, and the disable path.
/// </summary>
public sealed class AccountRequestTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Request_Approved_HandedOverOnce_ThenTheFirstSignInIsHeldForAPasswordChange()
    {
        using var persian = CultureScope.Persian();
        var branch = await BranchIdAsync(portal, "BR-08-01");
        var nationalId = NewNationalId();
        var id = await FileAsync(portal, CreateForm(Person(branch, nationalId, Roles.BranchSupervisor, "علي كريمي")));

        var request = await ApprovedAsync(portal, id);

        var line = Assert.Single(request.Lines);
        Assert.Equal(AccountRequestStatus.Approved, request.Status);
        Assert.Equal($"br-08-01.{nationalId}", line.UserName);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByIdAsync(line.UserId!))!;
            Assert.Equal("علی کریمی", user.FullName); // Arabic yeh and kaf normalised
            Assert.Equal(nationalId, user.NationalId);
            Assert.Equal(branch, user.UnitId);
            Assert.True(user.MustChangePassword);
            Assert.False(await users.HasPasswordAsync(user)); // the approver saw no password; nobody can sign in yet
            Assert.Equal([Roles.BranchSupervisor], await users.GetRolesAsync(user));
        }

        var desk = await portal.AsAsync<AccountRequestDesk>(Kerman);
        var password = await desk.HandOverAsync(id, line.Id);
        var again = await Assert.ThrowsAsync<DomainException>(() => desk.HandOverAsync(id, line.Id));
        Assert.Equal("AccountRequests.AlreadyHandedOver", again.Key);

        var client = portal.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await PortalFactory.SignInAsync(client, line.UserName!, password)).StatusCode);
        var held = await client.GetAsync("/");
        Assert.Equal("/account/password", held.Headers.Location!.OriginalString);

        await using var db = Acting.SystemDb(portal);
        var handedOver = await db.AccountRequestLines.SingleAsync(l => l.Id == line.Id);
        Assert.Equal(Kerman, handedOver.HandedOverBy);
        var audited = await db.AuditEntries.Where(a => a.Entity == nameof(AccountRequestLine) && a.Key == line.Id.ToString()).Select(a => a.Changes).ToListAsync();
        Assert.Contains(audited, c => c.Contains(nameof(AccountRequestLine.HandedOverBy)) && c.Contains(Kerman));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(AccountRequest) && a.Key == id.ToString() && a.UserName == Registration));
        Assert.DoesNotContain(audited, c => c.Contains(password));
    }

    [Fact]
    public async Task File_BadValues_AreRefusedPerField_AndNothingIsSaved()
    {
        using var persian = CultureScope.Persian();
        var branch = await BranchIdAsync(portal, "BR-08-01");
        var twice = NewNationalId();
        var form = CreateForm(
            new AccountRequestForm.Person { FullName = "  ", NationalId = "1234567890", BranchId = null, Role = Roles.GeneralOffice, Mobile = "0912" },
            Person(branch, twice), Person(branch, TextNormalizer.ToPersianDigits(twice)));
        await using var before = Acting.SystemDb(portal);
        var count = await before.AccountRequests.CountAsync();

        var (id, errors) = await (await portal.AsAsync<AccountRequestDesk>(Kerman)).FileAsync(form);

        Assert.Null(id);
        Assert.Equal("این خانه را پر کنید.", errors[AccountRequestForm.Field(0, "FullName")]);
        Assert.Contains("رقم کنترل", errors[AccountRequestForm.Field(0, "NationalId")]);
        Assert.Equal("شعبه را انتخاب کنید.", errors[AccountRequestForm.Field(0, "BranchId")]);
        Assert.Contains("کاربر شعبه یا مسئول واحد", errors[AccountRequestForm.Field(0, "Role")]);
        Assert.True(errors.ContainsKey(AccountRequestForm.Field(0, "Mobile")));
        Assert.Contains("دو بار", errors[AccountRequestForm.Field(2, "NationalId")]); // the same ID in Persian digits
        Assert.False(errors.ContainsKey(AccountRequestForm.Field(1, "NationalId")));
        await using var after = Acting.SystemDb(portal);
        Assert.Equal(count, await after.AccountRequests.CountAsync());
    }

    [Fact]
    public async Task File_ForAnotherProvincesBranch_IsRefusedOnTheBranch()
    {
        using var persian = CultureScope.Persian();
        var golestanBranch = await BranchIdAsync(portal, "BR-27-01");

        var (id, errors) = await (await portal.AsAsync<AccountRequestDesk>(Kerman)).FileAsync(CreateForm(Person(golestanBranch)));

        Assert.Null(id);
        Assert.Equal("این شعبه از شعب استان شما نیست.", errors[AccountRequestForm.Field(0, "BranchId")]);
        Assert.DoesNotContain(await (await portal.AsAsync<AccountRequestQuery>(Kerman)).BranchesAsync(), b => b.Id == golestanBranch);
    }

    [Fact]
    public async Task AnotherProvincesRequest_IsNotFound_ForReadingAndHandingOver()
    {
        var id = await FileAsync(portal, CreateForm(Person(await BranchIdAsync(portal, "BR-08-01"))));
        var request = await ApprovedAsync(portal, id);

        Assert.Null(await (await portal.AsAsync<AccountRequestQuery>(Golestan)).FindAsync(id));
        Assert.DoesNotContain(await (await portal.AsAsync<AccountRequestQuery>(Golestan)).ListAsync(), r => r.Id == id);
        var refusal = await Assert.ThrowsAsync<DomainException>(() => portal.AsAsync<AccountRequestDesk>(Golestan).Result.HandOverAsync(id, request.Lines[0].Id));
        Assert.Equal("AccountRequests.NotFound", refusal.Key);
        Assert.NotNull(await (await portal.AsAsync<AccountRequestQuery>("kerman.director")).FindAsync(id));
        Assert.NotNull(await (await portal.AsAsync<AccountRequestQuery>(Registration)).FindAsync(id));
    }

    [Fact]
    public async Task OnlyTheRegistrationOfficeDecides_AndOnlyAGeneralOfficeFiles()
    {
        var id = await FileAsync(portal, CreateForm(Person(await BranchIdAsync(portal, "BR-08-01"))));
        var version = (await RequestAsync(portal, id)).Version;

        await Refused.ForbiddenAsync(() => portal.AsAsync<AccountRequestDesk>(Kerman).Result.ApproveAsync(id, version));
        await Refused.ForbiddenAsync(() => portal.AsAsync<AccountRequestDesk>("headoffice").Result.ApproveAsync(id, version));
        await Refused.ForbiddenAsync(() => portal.AsAsync<AccountRequestDesk>(Registration).Result.FileAsync(CreateForm(Person(1))));
        await Refused.ForbiddenAsync(() => portal.AsAsync<AccountRequestQuery>("kerman.branch.staff").Result.ListAsync());
        Assert.Equal(AccountRequestStatus.Pending, (await RequestAsync(portal, id)).Status);
    }

    [Fact]
    public async Task OnePersonOneAccount_AnEnabledAccountOrAPendingRequest_RefusesTheNationalId_AndApprovalChecksAgain()
    {
        using var persian = CultureScope.Persian();
        var branch = await BranchIdAsync(portal, "BR-08-01");
        var existing = NewNationalId();
        var first = await FileAsync(portal, CreateForm(Person(branch, existing)));
        var kerman = await portal.AsAsync<AccountRequestDesk>(Kerman);

        var (_, pendingErrors) = await (await portal.AsAsync<AccountRequestDesk>(Golestan)).FileAsync(CreateForm(Person(await BranchIdAsync(portal, "BR-27-01"), existing)));
        Assert.Contains("در انتظار تصمیم", pendingErrors[AccountRequestForm.Field(0, "NationalId")]);

        await ApprovedAsync(portal, first);
        var (_, accountErrors) = await kerman.FileAsync(CreateForm(Person(branch, existing)));
        Assert.Contains("هر نفر فقط یک حساب", accountErrors[AccountRequestForm.Field(0, "NationalId")]);

        // An account made for the person after the request was filed stops the approval, and no account is created.
        var later = NewNationalId();
        var second = await FileAsync(portal, CreateForm(Person(branch), Person(branch, later)));
        await using (var db = Acting.SystemDb(portal))
            await db.Users.Where(u => u.UserName == "kerman.branch.staff").ExecuteUpdateAsync(s => s.SetProperty(u => u.NationalId, later));
        var refusal = await Assert.ThrowsAsync<DomainException>(() => ApprovedAsync(portal, second));
        Assert.Equal("AccountRequests.HasAccountNow", refusal.Key);
        var request = await RequestAsync(portal, second);
        Assert.Equal(AccountRequestStatus.Pending, request.Status);
        Assert.All(request.Lines, l => Assert.Null(l.UserId));
        await using (var db = Acting.SystemDb(portal))
        {
            Assert.False(await db.Users.AnyAsync(u => u.NationalId == request.Lines[0].NationalId));
            await db.Users.Where(u => u.UserName == "kerman.branch.staff").ExecuteUpdateAsync(s => s.SetProperty(u => u.NationalId, (string?)null));
        }
    }

    [Fact]
    public async Task Refuse_NeedsAReason_IsFinal_AndLeavesNothingToHandOver()
    {
        using var persian = CultureScope.Persian();
        var id = await FileAsync(portal, CreateForm(Person(await BranchIdAsync(portal, "BR-08-01"))));
        var registration = await portal.AsAsync<AccountRequestDesk>(Registration);
        var version = (await RequestAsync(portal, id)).Version;

        var empty = await Assert.ThrowsAsync<DomainException>(() => registration.RefuseAsync(id, version, "  "));
        Assert.StartsWith("دلیل رد:", empty.Message);
        await registration.RefuseAsync(id, version, "كد ملي با نام نمي‌خواند");
        var refused = await RequestAsync(portal, id);

        Assert.Equal(AccountRequestStatus.Refused, refused.Status);
        Assert.Equal("کد ملی با نام نمی‌خواند", refused.RefusalReason);
        Assert.Equal("AccountRequests.AlreadyDecided", (await Assert.ThrowsAsync<DomainException>(() => registration.ApproveAsync(id, refused.Version))).Key);
        Assert.Equal("AccountRequests.ChangedMeanwhile", (await Assert.ThrowsAsync<DomainException>(() => registration.ApproveAsync(id, version))).Key);
        Assert.Equal("AccountRequests.NotApproved", (await Assert.ThrowsAsync<DomainException>(() =>
            portal.AsAsync<AccountRequestDesk>(Kerman).Result.HandOverAsync(id, refused.Lines[0].Id))).Key);
        var todo = await (await portal.AsAsync<ToDoList>(Kerman)).ItemsAsync();
        Assert.Contains(todo, i => i.Kind == ToDoKind.AccountRequestRefused && i.Link == $"account-requests/{id}" && i.Detail == refused.RefusalReason);
    }

    [Fact]
    public async Task Disable_Approved_DisablesTheAccount_EndsItsSessions_AndTheSamePersonMayBeAskedForAgain()
    {
        using var persian = CultureScope.Persian();
        var branch = await BranchIdAsync(portal, "BR-08-02");
        var nationalId = NewNationalId();
        var created = await ApprovedAsync(portal, await FileAsync(portal, CreateForm(Person(branch, nationalId))));
        var userId = created.Lines[0].UserId!;
        Assert.Contains(await (await portal.AsAsync<AccountRequestQuery>(Kerman)).AccountsAsync(), a => a.Id == userId);
        var kerman = await portal.AsAsync<AccountRequestDesk>(Kerman);

        var (_, noReason) = await kerman.FileAsync(new AccountRequestForm { Kind = AccountRequestKind.Disable, Accounts = [userId] });
        Assert.Contains("دلیل غیرفعال‌شدن", noReason[nameof(AccountRequestForm.Note)]);
        var (_, elsewhere) = await (await portal.AsAsync<AccountRequestDesk>(Golestan)).FileAsync(new AccountRequestForm { Kind = AccountRequestKind.Disable, Accounts = [userId], Note = "انتقال" });
        Assert.True(elsewhere.ContainsKey(nameof(AccountRequestForm.Accounts)));

        string stamp;
        await using (var db = Acting.SystemDb(portal)) stamp = (await db.Users.SingleAsync(u => u.Id == userId)).SecurityStamp!;
        var disable = await FileAsync(portal, new AccountRequestForm { Kind = AccountRequestKind.Disable, Accounts = [userId], Note = "انتقال به استان دیگر" });
        var (_, twice) = await kerman.FileAsync(new AccountRequestForm { Kind = AccountRequestKind.Disable, Accounts = [userId], Note = "تکرار" });
        Assert.Contains("در انتظار تصمیم", twice[nameof(AccountRequestForm.Accounts)]);
        await ApprovedAsync(portal, disable);

        await using (var db = Acting.SystemDb(portal))
        {
            var user = await db.Users.SingleAsync(u => u.Id == userId);
            Assert.True(user.IsDisabled);
            Assert.NotEqual(stamp, user.SecurityStamp);
        }
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
            Assert.False(await signIn.CanSignInAsync((await signIn.UserManager.FindByIdAsync(userId))!));
        }
        // Back in the same branch later: a new account, the old name kept by the disabled one.
        var back = await ApprovedAsync(portal, await FileAsync(portal, CreateForm(Person(branch, nationalId))));
        Assert.Equal($"br-08-02.{nationalId}-2", back.Lines[0].UserName);
    }

    [Fact]
    public async Task Home_TheRegistrationOfficeSeesRequestsToDecide_TheGeneralOfficeThePasswordsToTake()
    {
        var id = await FileAsync(portal, CreateForm(Person(await BranchIdAsync(portal, "BR-08-01"))));
        var decide = await (await portal.AsAsync<ToDoList>(Registration)).ItemsAsync();
        Assert.Contains(decide, i => i.Kind == ToDoKind.AccountRequestsToDecide && i.Count >= 1);
        Assert.DoesNotContain(await (await portal.AsAsync<ToDoList>("headoffice")).ItemsAsync(), i => i.Kind == ToDoKind.AccountRequestsToDecide);

        var request = await ApprovedAsync(portal, id);
        var take = await (await portal.AsAsync<ToDoList>(Kerman)).ItemsAsync();
        Assert.Contains(take, i => i.Kind == ToDoKind.FirstPasswordsToHandOver && i.Count >= 1);
        Assert.DoesNotContain(await (await portal.AsAsync<ToDoList>(Golestan)).ItemsAsync(),
            i => i.Kind == ToDoKind.FirstPasswordsToHandOver && i.Link == $"account-requests/{id}");
        Assert.NotNull(request.DecidedAt);
    }
}
