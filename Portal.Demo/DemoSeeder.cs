using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common.Files;
using Portal.Domain.Contracts;
using Portal.Domain.Accounts;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.OffsetFiles;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Demo;

/// <summary>
/// Realistic demo data on top of the reference data: every province's offices, branches, medical centres and
/// agencies, and one demo user per role (provincial roles in Kerman and Golestan, so scope can be tried).
/// Deterministic and idempotent: running it twice adds nothing.
/// </summary>
public sealed class DemoSeeder(IDbContextFactory<PortalDbContext> factory, OrganisationSeeder reference, UserManager<PortalUser> users,
    IContractPdf pdf, IOffsetPapers offsetPapers, IFileStore files, TimeProvider clock)
{
    public const string DemoPassword = "portal-demo-1403";
    public static readonly string[] DemoProvinces = ["08", "27"]; // Kerman, Golestan
    private const int DemoCentresPerProvince = 6;

    public static IReadOnlyList<DemoAccount> Accounts { get; } = BuildAccounts();

    /// <summary>
    /// Seeds the demo organisation, agencies, training, users and six months of the demo provinces' monthly statistics;
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

    /// <summary>Adds whatever of one province's demo units is missing.</summary>
    private sealed class ProvinceBuilder(PortalDbContext db, Province province, HashSet<string> existing)
    {
        private readonly Random _random = new(int.Parse(province.Code) * 7919 + 17);
        private readonly ProvinceSeed _seed = ReferenceData.Provinces.Single(p => p.Code == province.Code);
        private string Code => province.Code;

        public void Build(int agencies, int medicalCentres)
        {
            var isTehran = Code == "23";
            string[] generalOfficeNames = isTehran
                ? ["استان تهران", "شرق تهران بزرگ", "غرب تهران بزرگ", "شمال تهران بزرگ", "جنوب تهران بزرگ"]
                : [$"استان {province.NameFa}"];
            var generalOffices = generalOfficeNames
                .Select((n, i) => Unit(UnitKind.GeneralOffice, $"GO-{Code}-{i + 1}", $"اداره کل تأمین اجتماعی {n}"))
                .ToList();
            Unit(UnitKind.TreatmentDirectorate, $"TD-{Code}", $"مدیریت درمان تأمین اجتماعی استان {province.NameFa}");
            Unit(UnitKind.GovernorOffice, $"GV-{Code}", $"استانداری {province.NameFa}");
            var reviewCities = _seed.CitiesFa.Take(isTehran ? 3 : Code is "09" or "10" or "07" or "06" ? 2 : 1).ToList();
            var reviewOffices = reviewCities
                .Select((c, i) => Unit(UnitKind.ReviewOffice, $"RO-{Code}-{i + 1}", $"دفتر رسیدگی به اسناد پزشکی {c}"))
                .ToList();
            var cities = _seed.CitiesFa;
            for (var i = 0; i < cities.Length + 1; i++)
            {
                var city = cities[Math.Max(0, i - 1)];
                var name = i < 2 ? $"شعبه {i + 1} {city}" : $"شعبه {city}";
                Unit(UnitKind.Branch, $"BR-{Code}-{i + 1:00}", name, generalOffices[i % generalOffices.Count], city);
            }
            var ownerships = new[] { MedicalCenterOwnership.Public, MedicalCenterOwnership.Private, MedicalCenterOwnership.Charity };
            var centreNames = new HashSet<string>();
            for (var i = 0; i < medicalCentres; i++)
            {
                var code = $"MC-{Code}-{i + 1:00}";
                if (existing.Contains(code)) continue;
                var name = Pick(PersianNames.MedicalCenterNames);
                // A charity's name says so; the others are public or private.
                var ownership = name.Contains("خیریه") ? MedicalCenterOwnership.Charity : ownerships[i % 2];
                var fullName = $"{name} {cities[i % cities.Length]}";
                // A benchmark's hundreds of centres reuse the names: number the later ones, as a chain numbers its branches.
                for (var n = 2; !centreNames.Add(fullName); n++) fullName = $"{name} {TextNormalizer.ToPersianDigits(n.ToString())} {cities[i % cities.Length]}";
                var center = new MedicalCenter(code, fullName, province, ownership);
                center.SetContact(cities[i % cities.Length], Address(cities[i % cities.Length]), Phone());
                db.Add(center);
            }
            for (var i = 1; i <= agencies; i++)
            {
                var code = $"AG-{Code}{i:000}";
                if (existing.Contains(code)) continue;
                var city = cities[(i - 1) % cities.Length];
                var agency = new Agency(code, $"کارگزاری رسمی کد {Code}{i:000} {city}", province,
                    generalOffices[(i - 1) % generalOffices.Count], reviewOffices[(i - 1) % reviewOffices.Count]);
                agency.SetContact(city, Address(city), Phone());
                agency.AppointManager(PersonName(), NationalId.WithCheckDigit(Digits(9)), "09" + Digits(9));
                db.Add(agency);
            }
        }

        private OrgUnit Unit(UnitKind kind, string code, string name, OrgUnit? parent = null, string? city = null)
        {
            var local = db.OrgUnits.Local.FirstOrDefault(u => u.Code == code);
            if (local is not null) return local;
            if (existing.Contains(code)) return db.OrgUnits.Single(u => u.Code == code);
            var unit = new OrgUnit(kind, code, name, province, parent);
            city ??= _seed.CitiesFa[0];
            unit.SetContact(city, Address(city), Phone());
            if (kind == UnitKind.GeneralOffice) unit.SetHead(HeadOf(code));
            db.Add(unit);
            return unit;
        }

        // From the unit's code, not the shared random sequence, so adding heads left every other demo value as it was.
        private static string HeadOf(string code)
        {
            var n = code.Aggregate(17, (h, c) => h * 31 + c) & int.MaxValue;
            return $"{PersianNames.MaleFirstNames[n % PersianNames.MaleFirstNames.Length]} {PersianNames.LastNames[n / 7 % PersianNames.LastNames.Length]}";
        }

        private string Pick(string[] values) => values[_random.Next(values.Length)];
        private string Digits(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => (char)('0' + _random.Next(10))));
        private string PersonName() => $"{Pick(_random.Next(2) == 0 ? PersianNames.MaleFirstNames : PersianNames.FemaleFirstNames)} {Pick(PersianNames.LastNames)}";
        private string Phone() => "0" + (11 + int.Parse(Code)) + Digits(8);

        private string Address(string city) =>
            $"{city}، خیابان {Pick(PersianNames.Streets)}، کوچه {Pick(PersianNames.Alleys)}، پلاک {_random.Next(1, 250)}";
    }
}

public sealed record DemoAccount(string UserName, string Role, string FullName, string UnitCode);
