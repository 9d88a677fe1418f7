using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Organisation;

namespace Portal.Demo;

/// <summary>Adds whatever of one province's demo units is missing.</summary>
internal sealed class ProvinceBuilder(PortalDbContext db, Province province, HashSet<string> existing)
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
