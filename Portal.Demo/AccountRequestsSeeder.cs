using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Demo;

/// <summary>
/// Branch account requests of the demo provinces, made through the desk as the demo users would: one approved (accounts
/// created, the first one's password handed over, the second's still waiting for the general office), one waiting at head
/// office's registration office, and in Golestan one refused with its reason. Idempotent: a province with requests gets none.
/// </summary>
internal sealed class AccountRequestsSeeder(IDbContextFactory<PortalDbContext> factory, IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task SeedAsync(IEnumerable<string> provinceCodes, CancellationToken ct)
    {
        foreach (var code in provinceCodes)
        {
            await using var db = PortalDb.Open(factory, Actor.System);
            var province = await db.Provinces.Where(p => p.Code == code).Select(p => p.Id).SingleAsync(ct);
            if (await db.AccountRequests.AnyAsync(r => r.ProvinceId == province, ct)) continue;
            var name = code == "08" ? "kerman" : "golestan";
            var office = await DeskAsync($"{name}.generaloffice", ct);
            var registration = await DeskAsync("registration", ct);
            var branches = await db.OrgUnits.Where(u => u.ProvinceId == province && u.Kind == Domain.Organisation.UnitKind.Branch)
                .OrderBy(u => u.Code).Select(u => u.Id).Take(2).ToListAsync(ct);
            var random = new Random(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture));
            var people = Enumerable.Range(0, 5).Select(i => Person(random, branches[Math.Min(1, branches.Count - 1)], i % 2 == 0 ? Roles.BranchStaff : Roles.BranchSupervisor)).ToList();

            var approved = await FileAsync(office, new AccountRequestForm { People = [people[0], people[1]], Note = "کارکنان تازه شعبه" }, ct);
            await registration.ApproveAsync(approved, await VersionAsync(db, approved, ct), ct);
            var first = await db.AccountRequestLines.Where(l => l.RequestId == approved).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync(ct);
            await office.HandOverAsync(approved, first, ct); // the demo discards it, as the office would once passed on

            people[2].BranchId = people[3].BranchId = branches[0];
            await FileAsync(office, new AccountRequestForm { People = [people[2], people[3]] }, ct);

            if (code == "08") continue;
            var refused = await FileAsync(office, new AccountRequestForm { People = [people[4]] }, ct);
            await registration.RefuseAsync(refused, await VersionAsync(db, refused, ct), "نامه معرفی شعبه پیوست نشده است؛ با نامه معرفی دوباره درخواست دهید.", ct);
        }
    }

    private static AccountRequestForm.Person Person(Random random, int branchId, string role)
    {
        var female = random.Next(2) == 0;
        var first = female ? PersianNames.FemaleFirstNames : PersianNames.MaleFirstNames;
        return new AccountRequestForm.Person
        {
            FullName = $"{first[random.Next(first.Length)]} {PersianNames.LastNames[random.Next(PersianNames.LastNames.Length)]}",
            NationalId = NationalId.WithCheckDigit(random.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            BranchId = branchId,
            Role = role,
            Mobile = $"0913{random.Next(1_000_000, 9_999_999)}",
        };
    }

    private static async Task<int> FileAsync(AccountRequestDesk desk, AccountRequestForm form, CancellationToken ct)
    {
        var (id, errors) = await desk.FileAsync(form, ct);
        return id ?? throw new InvalidOperationException("Demo account request refused: " + string.Join("; ", errors.Values));
    }

    private static Task<Guid> VersionAsync(PortalDbContext db, int id, CancellationToken ct) =>
        db.AccountRequests.Where(r => r.Id == id).Select(r => r.Version).SingleAsync(ct);

    private async Task<AccountRequestDesk> DeskAsync(string userName, CancellationToken ct)
    {
        await using var db = PortalDb.Open(factory, Actor.System);
        var user = await db.Users.SingleAsync(u => u.UserName == userName, ct);
        var role = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).SingleAsync(ct);
        var unit = await db.OrgUnits.Where(u => u.Id == user.UnitId).Select(u => new { u.Id, u.ProvinceId }).SingleAsync(ct);
        var current = new Demo(new Actor(user.Id, userName, role!, unit.Id, OrgScope.For(role!, unit.Id, unit.ProvinceId)));
        return new AccountRequestDesk(new PortalDb(factory, current), current, scopes, clock);
    }

    private sealed class Demo(Actor actor) : ICurrentUser
    {
        public ValueTask<Actor> GetAsync() => ValueTask.FromResult(actor);
    }
}
