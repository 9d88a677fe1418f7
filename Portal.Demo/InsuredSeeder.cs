using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Eligibility;
using Portal.Domain.Organisation;

namespace Portal.Demo;

/// <summary>What <see cref="InsuredSeeder"/> wrote, and how long it took.</summary>
public sealed record InsuredSeedResult(int Persons, int PremiumRows, int Mobiles, TimeSpan Took);

/// <summary>National IDs to try the inquiries with: a covered main insured (and his registered mobile), a son over 19 without a certificate, one not covered.</summary>
public sealed record InsuredSamples(string? Covered, string? CoveredMobile, string? SonWithoutCertificate, string? NotCovered);

/// <summary>
/// Insured persons for the eligibility inquiry (seed 002): households spread over every province's branches by population
/// (Tehran largest), ~45 % main insured, ~12 % pensioners, the rest their spouses, children and some parents; 14 Jalali
/// months of premiums up to last month (most paid in full, some with gaps, some partial, some stopped, so not covered);
/// ~90 % of pensions paid; sons of 19+ with valid, expired or no certificates; daughters mostly with a birth certificate;
/// registered mobiles for most principals and some dependants. National IDs come from a counter through a fixed
/// permutation (unique, valid check digit); ~1 % are foreign nationals' 12-digit numbers. Deterministic; skipped when
/// persons exist. Written by <see cref="BulkInsert"/> in one transaction (a million persons and their ~5.5
/// million premium months take well under two minutes on SQLite); the SQL is plain, so PostgreSQL takes it too.
/// </summary>
internal sealed class InsuredSeeder(PortalDbContext db, TimeProvider clock)
{
    private const int ChunkPersons = 20_000;
    private const int PremiumMonths = 14;

    // Approximate population (hundred thousands, census 1395) by province code: how the persons spread.
    private static readonly Dictionary<string, int> Population = new()
    {
        ["00"] = 14, ["01"] = 25, ["02"] = 33, ["03"] = 39, ["04"] = 33, ["05"] = 20, ["06"] = 47, ["07"] = 49, ["08"] = 32, ["09"] = 64,
        ["10"] = 51, ["11"] = 28, ["12"] = 16, ["13"] = 17, ["14"] = 9, ["15"] = 18, ["16"] = 6, ["17"] = 7, ["18"] = 12, ["19"] = 11,
        ["20"] = 7, ["21"] = 11, ["22"] = 18, ["23"] = 133, ["24"] = 13, ["25"] = 13, ["26"] = 13, ["27"] = 19, ["28"] = 9, ["29"] = 8, ["30"] = 27,
    };

    private static readonly string[] MobilePrefixes =
        ["0912", "0935", "0919", "0901", "0990", "0915", "0917", "0911", "0936", "0939", "0921", "0903", "0938", "0913", "0914", "0916", "0918", "0937", "0910", "0933"];

    private readonly Random _random = new(1402_002);
    private long _nationalCounter;
    private long _foreignCounter;

    internal record struct Person(long Id, string NationalId, string FirstName, string LastName, DateOnly BirthDate, Sex Sex, InsuranceRelation Relation,
        long? PrincipalId, int BranchId, bool PensionActive, DateOnly? EnrolmentValidUntil, bool BirthCertificateOnFile);

    public async Task<InsuredSeedResult?> SeedAsync(int count, CancellationToken ct)
    {
        if (count <= 0 || await db.InsuredPersons.AnyAsync(ct)) return null;
        var watch = Stopwatch.StartNew();
        var branches = await BranchWeightsAsync(ct);
        var today = JalaliDate.Today(clock);
        if (!db.Database.IsSqlite()) return await InsuredCopy.SeedAsync(db, Chunks(count, branches, today), watch, ct);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            BulkInsert.Execute(connection, null, "PRAGMA cache_size = -262144"); // 256 MB while the unique NationalId index grows
            await using var tx = await connection.BeginTransactionAsync(ct);
            using var persons = new BulkInsert(connection, tx, "InsuredPersons", PersonColumns, 8);
            using var premiums = new BulkInsert(connection, tx, "PremiumMonths", ["PersonId", "Period", "PaidDays"], 32);
            using var mobiles = new BulkInsert(connection, tx, "RegisteredMobiles", ["PersonId", "Mobile"], 48);
            var (written, premiumCount, mobileCount) = (0, 0, 0);
            foreach (var chunk in Chunks(count, branches, today))
            {
                // Persons first: premiums and mobiles refer to them.
                foreach (var p in chunk.Persons)
                    persons.Add(p.Id, p.NationalId, p.FirstName, p.LastName, p.BirthDate, (int)p.Sex, (int)p.Relation, p.PrincipalId, p.BranchId, p.PensionActive,
                        p.EnrolmentValidUntil, p.BirthCertificateOnFile);
                persons.Flush();
                foreach (var (id, period, days) in chunk.Premiums) premiums.Add(id, period, days);
                premiums.Flush();
                foreach (var (id, mobile) in chunk.Mobiles) mobiles.Add(id, mobile);
                mobiles.Flush();
                (written, premiumCount, mobileCount) = (written + chunk.Persons.Count, premiumCount + chunk.Premiums.Count, mobileCount + chunk.Mobiles.Count);
            }
            await tx.CommitAsync(ct);
            return new InsuredSeedResult(written, premiumCount, mobileCount, watch.Elapsed);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    internal static readonly string[] PersonColumns =
        ["Id", "NationalId", "FirstName", "LastName", "BirthDate", "Sex", "Relation", "PrincipalId", "BranchId", "PensionActive", "EnrolmentValidUntil",
            "BirthCertificateOnFile"];

    /// <summary>The persons (whole households) with their premium months and mobiles, about <see cref="ChunkPersons"/> persons at a time.</summary>
    internal sealed record Chunk(List<Person> Persons, List<(long PersonId, int Period, int PaidDays)> Premiums, List<(long PersonId, string Mobile)> Mobiles);

    /// <summary>Made lazily, one chunk at a time, in a fixed order: the same count gives the same persons on either database.</summary>
    private IEnumerable<Chunk> Chunks(int count, WeightedBranches branches, JalaliDate today)
    {
        var (written, nextId) = (0, 1L);
        while (written < count)
        {
            var chunk = new Chunk(new List<Person>(ChunkPersons + 8), new List<(long, int, int)>(ChunkPersons * 8), new List<(long, string)>(ChunkPersons));
            while (chunk.Persons.Count < ChunkPersons && written + chunk.Persons.Count < count)
                Household(count - written - chunk.Persons.Count, ref nextId, branches, today, chunk.Persons, chunk.Premiums, chunk.Mobiles);
            written += chunk.Persons.Count;
            yield return chunk;
        }
    }

    /// <summary>Found by query, so the demo prints them also when the persons were seeded by an earlier run.</summary>
    public static async Task<InsuredSamples> SamplesAsync(PortalDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        var today = JalaliDate.Today(clock);
        var lastMonth = today.YearMonth.Previous().Key;
        var covered = await db.InsuredPersons
            .Where(p => p.Relation == InsuranceRelation.MainInsured && p.NationalId.Length == 10 && p.Mobiles.Any()
                && p.Premiums.Any(m => m.Period == lastMonth && m.PaidDays >= 30))
            .OrderBy(p => p.Id).Select(p => new { p.NationalId, Mobile = p.Mobiles.OrderBy(m => m.Mobile).Select(m => m.Mobile).First() })
            .FirstOrDefaultAsync(ct);
        var adult = today.ToDateOnly().AddYears(-20);
        var son = await db.InsuredPersons
            .Where(p => p.Relation == InsuranceRelation.Son && p.EnrolmentValidUntil == null && p.BirthDate <= adult && p.NationalId.Length == 10
                && db.InsuredPersons.Any(h => h.Id == p.PrincipalId && h.Relation == InsuranceRelation.MainInsured
                    && h.Premiums.Any(m => m.Period == lastMonth && m.PaidDays >= 30)))
            .OrderBy(p => p.Id).Select(p => p.NationalId).FirstOrDefaultAsync(ct);
        var notCovered = await db.InsuredPersons
            .Where(p => p.Relation == InsuranceRelation.MainInsured && p.NationalId.Length == 10 && p.Premiums.Any()
                && !p.Premiums.Any(m => m.Period >= lastMonth && m.PaidDays > 0))
            .OrderBy(p => p.Id).Select(p => p.NationalId).FirstOrDefaultAsync(ct);
        return new InsuredSamples(covered?.NationalId, covered?.Mobile, son, notCovered);
    }

    /// <summary>One household (a main insured or a pensioner and up to <paramref name="room"/> − 1 dependants).</summary>
    private void Household(int room, ref long nextId, WeightedBranches branches, JalaliDate today, List<Person> persons, List<(long, int, int)> premiums,
        List<(long, string)> mobiles)
    {
        var on = today.ToDateOnly();
        var branch = branches.Pick(_random);
        var pensioner = _random.Next(57) < 12; // 45 % main insured : 12 % pensioners of all persons
        var headSex = _random.NextDouble() < (pensioner ? 0.82 : 0.74) ? Sex.Male : Sex.Female;
        var headAge = pensioner ? _random.Next(58, 86) : _random.Next(20, 63);
        var headBirth = BirthDate(on, headAge);
        var headLast = LastName();
        var head = new Person(nextId++, NewId(), FirstName(headSex), headLast, headBirth, headSex,
            pensioner ? InsuranceRelation.Pensioner : InsuranceRelation.MainInsured, null, branch, pensioner && _random.NextDouble() < 0.9, null, false);
        persons.Add(head);
        if (_random.NextDouble() < 0.86) AddMobiles(head.Id, _random.NextDouble() < 0.15 ? 2 : 1, mobiles);
        if (!pensioner) Premiums(head.Id, today.YearMonth, premiums);

        // ~0.76 dependants per principal, so dependants are ~43 % of all persons.
        var roll = _random.Next(100);
        var dependants = Math.Min(room - 1, roll < 57 ? 0 : roll < 79 ? 1 : roll < 91 ? 2 : roll < 97 ? 3 : 4);
        // Children carry their father's family name; a wife keeps hers.
        var married = dependants > 0 && _random.NextDouble() < (pensioner ? 0.75 : 0.85) && headAge >= 22;
        var familyName = headSex == Sex.Male || !married ? headLast : LastName();
        for (var d = 0; d < dependants; d++)
        {
            Person dependant;
            if (d == 0 && married)
            {
                var sex = headSex == Sex.Male ? Sex.Female : Sex.Male;
                var age = Math.Clamp(headAge + (sex == Sex.Female ? -_random.Next(0, 9) : _random.Next(0, 7)), 18, 95);
                dependant = new Person(nextId++, NewId(), FirstName(sex), sex == Sex.Male ? familyName : LastName(), BirthDate(on, age), sex,
                    InsuranceRelation.Spouse, head.Id, branch, false, null, false);
            }
            else if (_random.NextDouble() < 0.06 && headAge < 55)
            {
                var sex = _random.Next(2) == 0 ? Sex.Male : Sex.Female;
                dependant = new Person(nextId++, NewId(), FirstName(sex), sex == Sex.Male ? headLast : LastName(), BirthDate(on, headAge + _random.Next(20, 36)), sex,
                    InsuranceRelation.Parent, head.Id, branch, false, null, false);
            }
            else
            {
                var son = _random.Next(2) == 0;
                var age = _random.Next(0, Math.Clamp(headAge - 19, 1, 36));
                var birth = BirthDate(on, age);
                DateOnly? certificate = null;
                if (son && age >= 19)
                {
                    var r = _random.NextDouble();
                    certificate = r < 0.45 ? on.AddDays(_random.Next(20, 400)) : r < 0.75 ? on.AddDays(-_random.Next(15, 700)) : null;
                }
                var sex = son ? Sex.Male : Sex.Female;
                dependant = new Person(nextId++, NewId(), FirstName(sex), familyName, birth, sex, son ? InsuranceRelation.Son : InsuranceRelation.Daughter,
                    head.Id, branch, false, certificate, !son && _random.NextDouble() < 0.85);
            }
            persons.Add(dependant);
            if (dependant.Relation != InsuranceRelation.Son || AgeOf(dependant) >= 15)
                if (_random.NextDouble() < 0.2) AddMobiles(dependant.Id, 1, mobiles);
        }

        int AgeOf(Person p) => on.Year - p.BirthDate.Year;
    }

    /// <summary>
    /// Up to 14 months before <paramref name="current"/>: 66 % paid in full every month, 10 % with a few months missing,
    /// 8 % part-time months, 6 % started recently, 10 % stopped 1–15 months before last month (not covered).
    /// </summary>
    private void Premiums(long personId, JalaliMonth current, List<(long, int, int)> rows)
    {
        var first = current.AddMonths(-PremiumMonths);
        var roll = _random.NextDouble();
        var (from, to) = (first, current.Previous());
        if (roll is >= 0.84 and < 0.90) from = current.AddMonths(-_random.Next(1, 5));
        else if (roll >= 0.90) to = current.AddMonths(-1 - _random.Next(1, 16));
        var gaps = roll is >= 0.66 and < 0.76 ? _random.Next(1, 4) : 0;
        for (var m = from; m <= to; m = m.Next())
        {
            var days = m.Days;
            if (roll is >= 0.76 and < 0.84) days = _random.Next(8, m.Days + 1);
            else if (gaps > 0 && m < to && _random.Next(PremiumMonths) < 3)
            {
                gaps--;
                continue;
            }
            rows.Add((personId, m.Key, days));
        }
    }

    private void AddMobiles(long personId, int count, List<(long, string)> rows)
    {
        var first = Mobile();
        rows.Add((personId, first));
        if (count > 1 && Mobile() is var second && second != first) rows.Add((personId, second));
    }

    private string Mobile() => MobilePrefixes[_random.Next(MobilePrefixes.Length)] + _random.Next(0, 10_000_000).ToString("0000000", CultureInfo.InvariantCulture);

    /// <summary>A unique number: 99 % national IDs (a counter through n ↦ n·A + B mod 9·10⁸, a bijection), 1 % foreign nationals' 12 digits.</summary>
    private string NewId()
    {
        if (_random.Next(100) == 0)
            return "8" + ((_foreignCounter++ * 48_271_000_007L + 3_141_592_653L) % 100_000_000_000L).ToString("00000000000", CultureInfo.InvariantCulture);
        while (true)
        {
            var body = 100_000_000 + (_nationalCounter++ * 618_033_989L + 271_828_182L) % 900_000_000L;
            var id = NationalId.WithCheckDigit(body.ToString(CultureInfo.InvariantCulture));
            if (!TextNormalizer.AllSameDigit(id)) return id;
        }
    }

    private DateOnly BirthDate(DateOnly on, int age) => on.AddYears(-age).AddDays(-_random.Next(0, 365));
    private string FirstName(Sex sex) => sex == Sex.Male
        ? PersianNames.MaleFirstNames[_random.Next(PersianNames.MaleFirstNames.Length)]
        : PersianNames.FemaleFirstNames[_random.Next(PersianNames.FemaleFirstNames.Length)];
    private string LastName() => PersianNames.LastNames[_random.Next(PersianNames.LastNames.Length)];

    private async Task<WeightedBranches> BranchWeightsAsync(CancellationToken ct)
    {
        var branches = await db.OrgUnits.IgnoreQueryFilters().Where(u => u.Kind == UnitKind.Branch && u.Province != null)
            .OrderBy(u => u.Code).Select(u => new { u.Id, u.Code, Province = u.Province!.Code }).ToListAsync(ct);
        if (branches.Count == 0) throw new InvalidOperationException("Seed the organisation (branches) before insured persons.");
        var perProvince = branches.GroupBy(b => b.Province).ToDictionary(g => g.Key, g => g.Count());
        // Within a province, the capital's two branches (01, 02) serve twice as many as a smaller city's.
        return new WeightedBranches(branches.Select(b =>
        {
            var weight = (double)Population.GetValueOrDefault(b.Province, 10) / perProvince[b.Province];
            return (b.Id, b.Code.EndsWith("-01", StringComparison.Ordinal) || b.Code.EndsWith("-02", StringComparison.Ordinal) ? weight * 2 : weight);
        }).ToList());
    }

    private sealed class WeightedBranches(List<(int Id, double Weight)> branches)
    {
        private readonly double[] _cumulative = branches.Select(b => b.Weight).Aggregate(new List<double>(), (acc, w) =>
        {
            acc.Add((acc.Count == 0 ? 0 : acc[^1]) + w);
            return acc;
        }).ToArray();

        public int Pick(Random random)
        {
            var at = random.NextDouble() * _cumulative[^1];
            var i = Array.BinarySearch(_cumulative, at);
            return branches[Math.Min(i < 0 ? ~i : i, branches.Count - 1)].Id;
        }
    }
}
