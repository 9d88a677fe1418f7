using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common.Files;
using Portal.Domain.Contracts;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.OffsetFiles;
using Portal.Domain.Organisation;
using Portal.Domain.Security;
using Portal.Domain.Users;
using Portal.Domain.SignIn;

namespace Portal.Demo;

/// <summary>
/// Realistic demo data on top of the reference data: every province's offices, branches, medical centres and
/// agencies, and one demo user per role (provincial roles in Kerman and Golestan, so scope can be tried).
/// Deterministic and idempotent: running it twice adds nothing.
/// </summary>
public sealed class DemoSeeder(IDbContextFactory<PortalDbContext> factory, OrganisationSeeder reference, UserManager<PortalUser> users,
    IContractPdf pdf, IOffsetPapers offsetPapers, IFileStore files, TimeProvider clock, Microsoft.Extensions.DependencyInjection.IServiceScopeFactory scopes)
{
    public const string DemoPassword = "portal-demo-1403";
    public static readonly string[] DemoProvinces = ["08", "27"]; // Kerman, Golestan
    private const int DemoCentresPerProvince = 6;

    public static IReadOnlyList<DemoAccount> Accounts { get; } = BuildAccounts();

    /// <summary>
    /// Seeds the demo organisation, agencies, training, users, six months of the demo provinces' monthly statistics and
    /// their first branches' scanning queues (<see cref="ElectronicFilesSeeder"/>) and received papers (<see cref="ReceivedPapersSeeder"/>);
    /// with <paramref name="documents"/>, also makes what needs the PDF engine: demo contracts in the demo provinces and the
    /// cover letter of their offset file under review. <paramref name="offset"/> sizes the demo provinces' offset data
    /// (default: <see cref="OffsetDemoSize.Demo"/>); <paramref name="insuredPersons"/> insured persons for the eligibility inquiry
    /// (none by default; the demo command asks for 100,000, the eligibility benchmark for 1,000,000), reported through
    /// <paramref name="insuredSeeded"/> when written. Returns a note on anything left out.
    /// </summary>
    public async Task<string?> SeedAsync(int agenciesPerProvince = 40, int? representativesPerAgency = null, bool documents = false,
        OffsetDemoSize? offset = null, int insuredPersons = 0, Action<InsuredSeedResult>? insuredSeeded = null, CancellationToken ct = default)
    {
        offset ??= OffsetDemoSize.Demo;
        await reference.SeedAsync(ct);
        await using (var db = PortalDb.Open(factory, Actor.System))
        {
            var existing = await db.OrgUnits.Select(u => u.Code).ToHashSetAsync(ct);
            foreach (var province in await db.Provinces.OrderBy(p => p.Code).ToListAsync(ct))
                new ProvinceBuilder(db, province, existing).Build(agenciesPerProvince,
                    DemoProvinces.Contains(province.Code) ? Math.Max(offset.CentresPerProvince, DemoCentresPerProvince) : DemoCentresPerProvince);
            await db.SaveChangesAsync(ct);
            await new RolloutSeeder(db, clock, representativesPerAgency).SeedAsync(ct);
        }
        await SeedUsersAsync(ct);
        await using (var statsDb = PortalDb.Open(factory, Actor.System))
            await new MonthlyStatsSeeder(statsDb, clock).SeedAsync(DemoProvinces, months: 6, ct);
        await using (var offsetDb = PortalDb.Open(factory, Actor.System))
            await new OffsetSeeder(offsetDb, documents ? offsetPapers : null, files, clock).SeedAsync(DemoProvinces, offset, ct);
        if (insuredPersons > 0)
        {
            await using var insuredDb = PortalDb.Open(factory, Actor.System);
            if (await new InsuredSeeder(insuredDb, clock).SeedAsync(insuredPersons, ct) is { } seeded) insuredSeeded?.Invoke(seeded);
        }
        await using (var bookletsDb = PortalDb.Open(factory, Actor.System))
            await new BookletsSeeder(bookletsDb, clock).SeedAsync(DemoProvinces, ct);
        await using (var filesDb = PortalDb.Open(factory, Actor.System))
        {
            await new ElectronicFilesSeeder(filesDb, files, clock).SeedAsync(DemoProvinces, ct);
            await new ReceivedPapersSeeder(filesDb, files, clock).SeedAsync(DemoProvinces, ct);
        }
        await new AccountRequestsSeeder(factory, scopes, clock).SeedAsync(DemoProvinces, ct);
        await using (var outagesDb = PortalDb.Open(factory, Actor.System))
            await new NetworkOutagesSeeder(outagesDb, clock).SeedAsync(DemoProvinces, ct);
        if (!documents) return null;
        await using var contractsDb = PortalDb.Open(factory, Actor.System);
        try
        {
            await new ContractSeeder(contractsDb, pdf, files, clock).SeedAsync(DemoProvinces, ct);
            return null;
        }
        catch (DomainException e)
        {
            return e.Message; // no PDF engine: the demo runs without contracts
        }
    }

    /// <summary>Only the insured persons (skipped when there are some): on PostgreSQL by binary COPY (<see cref="InsuredCopy"/>).</summary>
    public async Task<InsuredSeedResult?> SeedInsuredAsync(int count, CancellationToken ct = default)
    {
        await using var db = PortalDb.Open(factory, Actor.System);
        return await new InsuredSeeder(db, clock).SeedAsync(count, ct);
    }

    /// <summary>National IDs to try the eligibility inquiries with (nulls when no insured persons were seeded).</summary>
    public async Task<InsuredSamples> InsuredSamplesAsync(CancellationToken ct = default)
    {
        await using var db = PortalDb.Open(factory, Actor.System);
        return await InsuredSeeder.SamplesAsync(db, clock, ct);
    }

    private async Task SeedUsersAsync(CancellationToken ct)
    {
        await using var db = PortalDb.Open(factory, Actor.System);
        foreach (var account in Accounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not null) continue;
            var unitId = await db.OrgUnits.Where(u => u.Code == account.UnitCode).Select(u => u.Id).SingleAsync(ct);
            var user = new PortalUser(account.UserName, account.FullName, unitId, clock.GetUtcNow());
            Check(await users.CreateAsync(user, DemoPassword));
            Check(await users.AddToRoleAsync(user, account.Role));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    private static List<DemoAccount> BuildAccounts()
    {
        var list = new List<DemoAccount>
        {
            new("admin", Roles.SystemAdmin, "مدیر سامانه", OrganisationSeeder.HeadOfficeCode),
            new("headoffice", Roles.HeadOffice, "کارشناس اداره کل امور کارگزاری‌های رسمی", OrganisationSeeder.HeadOfficeCode),
            new("callcenter", Roles.CallCenter, "کارشناس سامانه ۱۴۲۰", OrganisationSeeder.CallCenterCode),
            new("registration", Roles.RegistrationOffice, "کارشناس اداره کل نامنویسی و حساب‌های انفرادی", OrganisationSeeder.HeadOfficeCode),
        };
        foreach (var code in DemoProvinces)
        {
            var name = code == "08" ? "kerman" : "golestan";
            (string Suffix, string Role, string Unit, string Title)[] perProvince =
            [
                ("generaloffice", Roles.GeneralOffice, $"GO-{code}-1", "کارشناس اداره کل"),
                ("director", Roles.GeneralOfficeDirector, $"GO-{code}-1", "مدیرکل"),
                ("treatment", Roles.TreatmentDirectorate, $"TD-{code}", "مدیر درمان"),
                ("review", Roles.ReviewOffice, $"RO-{code}-1", "رئیس دفتر رسیدگی"),
                ("agency.manager", Roles.AgencyManager, $"AG-{code}001", "مسئول کارگزاری"),
                ("agency.user", Roles.AgencyUser, $"AG-{code}001", "کاربر کارگزاری"),
                ("governor", Roles.Governor, $"GV-{code}", "کارشناس استانداری"),
                ("branch.staff", Roles.BranchStaff, $"BR-{code}-01", "کاربر شعبه"),
                ("branch.supervisor", Roles.BranchSupervisor, $"BR-{code}-01", "مسئول واحد اسناد"),
                ("medical", Roles.MedicalCenter, $"MC-{code}-01", "کاربر مرکز درمانی"),
            ];
            var place = code == "08" ? "کرمان" : "گلستان";
            list.AddRange(perProvince.Select(p => new DemoAccount($"{name}.{p.Suffix}", p.Role, $"{p.Title} {place}", p.Unit)));
        }
        return list;
    }
}

public sealed record DemoAccount(string UserName, string Role, string FullName, string UnitCode);
