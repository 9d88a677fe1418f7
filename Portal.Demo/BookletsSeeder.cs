using Microsoft.EntityFrameworkCore;
using Portal.Domain.Booklets;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Eligibility;
using Portal.Domain.Organisation;

namespace Portal.Demo;

/// <summary>
/// Treatment booklets and a year of booklet services (seed 004) for every insured person of the demo provinces' branches
/// (Kerman and Golestan): each person holds one booklet in use (some issued this year as a new booklet, a few replaced by
/// a duplicate), extended at the counter to the end of the third Jalali month after the visit (the sixth for pensioners),
/// as a renewal when it had run out and a credit when it had not. About 6 % of visits are refused — for the person's
/// own reason when there is one (a son without a certificate, a daughter without a birth certificate, a stopped pension),
/// otherwise mostly premiums, sometimes the wrong service asked — and under 1 % of done services are later marked
/// corrected. Visits fall on working days and hours, a few minutes after the counter found the person; some persons stop
/// coming, so their booklets have expired. The last done service of each booklet agrees with its validity. Written by
/// <see cref="BulkInsert"/> in one transaction; skipped when booklets exist or no insured persons were seeded.
/// </summary>
internal sealed class BookletsSeeder(PortalDbContext db, TimeProvider clock)
{
    private const double RefusalRate = 0.06, CorrectedRate = 0.007, DuplicateRate = 0.02, NewThisYearRate = 0.12, LapseRate = 0.15;

    private readonly Random _random = new(1403_004);
    private long _serials;

    private sealed record Person(long Id, string NationalId, string Name, InsuranceRelation Relation, int BranchId, int ProvinceId, string Branch,
        DateOnly BirthDate, bool PensionActive, DateOnly? EnrolmentValidUntil, bool BirthCertificateOnFile);

    public async Task<(int Booklets, int Services)?> SeedAsync(IReadOnlyCollection<string> provinceCodes, CancellationToken ct)
    {
        if (await db.Booklets.AnyAsync(ct)) return null;
        var persons = await (from p in db.InsuredPersons.AsNoTracking()
                             join u in db.OrgUnits.IgnoreQueryFilters() on p.BranchId equals u.Id
                             where u.Province != null && provinceCodes.Contains(u.Province.Code)
                             orderby p.Id
                             select new Person(p.Id, p.NationalId, p.FirstName + " " + p.LastName, p.Relation, p.BranchId, u.ProvinceId!.Value, u.Code,
                                 p.BirthDate, p.PensionActive, p.EnrolmentValidUntil, p.BirthCertificateOnFile)).ToListAsync(ct);
        if (persons.Count == 0) return null;
        var now = clock.GetUtcNow();
        var today = JalaliDate.Today(clock);
        var yearStart = today.YearMonth.AddMonths(-11).StartInstant;
        var sqlite = db.Database.IsSqlite();
        object Instant(DateTimeOffset at) => sqlite ? at.UtcTicks : at.ToUniversalTime();
        object Version() => sqlite ? Guid.NewGuid().ToString().ToUpperInvariant() : Guid.NewGuid();

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            using var booklets = new BulkInsert(connection, tx, "Booklets", ["PersonId", "Serial", "IssuedOn", "IssuedAtBranchId", "ValidUntil", "ReplacedAt", "Version"], 12);
            using var services = new BulkInsert(connection, tx, "BookletServices",
                ["Type", "Refusal", "ReplacementReason", "PersonId", "NationalId", "PersonName", "Relation", "BookletSerial", "OldValidUntil", "NewValidUntil",
                    "BranchId", "ProvinceId", "UserName", "RequestedAt", "At", "WaitMinutes", "Month", "CorrectedAt", "CorrectedBy", "CorrectionReason"], 5);
            var (bookletCount, serviceCount) = (0, 0);
            foreach (var p in persons)
            {
                var counter = Counter(p.Branch);
                var months = p.Relation == InsuranceRelation.Pensioner ? 6 : 3;
                void Service(BookletServiceType type, BookletRefusal? refusal, ReplacementReason? replacement, string? serial, DateOnly? old, DateOnly? next, DateTimeOffset at)
                {
                    var wait = _random.NextDouble() < 0.04 ? 0 : _random.Next(1, 16) + _random.NextDouble() * 0.9;
                    var corrected = refusal is null && _random.NextDouble() < CorrectedRate && at.AddDays(5) < now;
                    services.Add((int)type, (int?)refusal, (int?)replacement, p.Id, p.NationalId, p.Name, (int)p.Relation, serial, old, next, p.BranchId, p.ProvinceId,
                        counter.Staff, Instant(at.AddMinutes(-wait)), Instant(at), BookletService.WaitOf(refusal, at.AddMinutes(-wait), at), JalaliMonth.Of(at).Key,
                        corrected ? Instant(at.AddDays(_random.Next(1, 5)).AddHours(1)) : null, corrected ? counter.Supervisor : null,
                        corrected ? "نوع خدمت اشتباه ثبت شده بود" : null);
                    serviceCount++;
                }

                var serial = NextSerial();
                DateOnly issuedOn, validUntil;
                DateTimeOffset visit;
                if (_random.NextDouble() < NewThisYearRate)
                {
                    visit = WorkingTime(yearStart.AddDays(_random.Next(0, 330)));
                    issuedOn = Day(visit);
                    validUntil = EndOfMonthAfter(visit, months);
                    if (visit < now) Service(BookletServiceType.NewBooklet, null, null, serial, null, validUntil, visit);
                }
                else
                {
                    issuedOn = Day(yearStart).AddDays(-_random.Next(200, 3000));
                    validUntil = Day(yearStart).AddDays(_random.Next(-60, 90));
                }
                var lapsesAt = _random.NextDouble() < LapseRate ? yearStart.AddDays(_random.Next(60, 365)) : DateTimeOffset.MaxValue;
                var blocked = OwnRefusal(p, today.ToDateOnly());
                for (visit = NextVisit(validUntil, yearStart); visit < now && visit < lapsesAt; visit = NextVisit(validUntil, visit.AddDays(1)))
                {
                    if (blocked is not null || _random.NextDouble() < RefusalRate)
                    {
                        var reason = blocked ?? CommonRefusal();
                        var asked = reason switch
                        {
                            BookletRefusal.HasBooklet => BookletServiceType.NewBooklet,
                            _ => Day(visit) > validUntil ? BookletServiceType.Renewal : BookletServiceType.Credit,
                        };
                        Service(asked, reason, null, reason == BookletRefusal.NoBooklet ? null : serial, null, null, visit);
                        if (blocked is not null) break; // refused for what only the person can change: no more visits this year
                        visit = WorkingTime(visit.AddDays(_random.Next(3, 20)));
                        if (visit >= now || visit >= lapsesAt) break;
                    }
                    var next = EndOfMonthAfter(visit, months);
                    if (_random.NextDouble() < DuplicateRate)
                    {
                        booklets.Add(p.Id, serial, issuedOn, p.BranchId, validUntil, Instant(visit), Version());
                        bookletCount++;
                        serial = NextSerial();
                        issuedOn = Day(visit);
                        Service(BookletServiceType.Duplicate, null, _random.Next(3) == 0 ? ReplacementReason.Full : ReplacementReason.Lost, serial, validUntil, validUntil, visit);
                        continue; // the duplicate carries the validity; the extension is the next visit
                    }
                    Service(Day(visit) > validUntil ? BookletServiceType.Renewal : BookletServiceType.Credit, null, null, serial, validUntil, next, visit);
                    validUntil = next;
                }
                booklets.Add(p.Id, serial, issuedOn, p.BranchId, validUntil, null, Version());
                bookletCount++;
            }
            booklets.Flush();
            services.Flush();
            await tx.CommitAsync(ct);
            return (bookletCount, serviceCount);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The refusal the person's own record brings (the eligibility policy's reasons), if any.</summary>
    private static BookletRefusal? OwnRefusal(Person p, DateOnly today) => p.Relation switch
    {
        InsuranceRelation.Pensioner when !p.PensionActive => BookletRefusal.PensionStopped,
        InsuranceRelation.Son when p.BirthDate.AddYears(19) <= today && !(p.EnrolmentValidUntil >= today) => BookletRefusal.SonWithoutCertificate,
        InsuranceRelation.Daughter when !p.BirthCertificateOnFile => BookletRefusal.DaughterWithoutBirthCertificate,
        _ => null,
    };

    /// <summary>Mostly premiums; sometimes the principal's cover; now and then the wrong service asked (a counter error).</summary>
    private BookletRefusal CommonRefusal() => _random.Next(100) switch
    {
        < 55 => BookletRefusal.NotEnoughPremium,
        < 80 => BookletRefusal.PrincipalNotCovered,
        < 90 => BookletRefusal.AlreadyValid,
        < 95 => BookletRefusal.NoBooklet,
        _ => BookletRefusal.HasBooklet,
    };

    /// <summary>The counter's and the supervisor's user names: the demo users at each province's first branch.</summary>
    private static (string Staff, string Supervisor) Counter(string branchCode)
    {
        var province = branchCode.Length >= 5 ? branchCode[3..5] : "";
        var name = province == "08" ? "kerman" : province == "27" ? "golestan" : null;
        return branchCode.EndsWith("-01", StringComparison.Ordinal) && name is not null
            ? ($"{name}.branch.staff", $"{name}.branch.supervisor")
            : ($"{branchCode.ToLowerInvariant()}.counter", $"{branchCode.ToLowerInvariant()}.supervisor");
    }

    /// <summary>Ten digits, the first not zero, unique: a counter through n ↦ n·A mod 9·10⁹ (A prime to 9·10⁹), offset by 10⁹.</summary>
    private string NextSerial() => (1_000_000_000L + (++_serials * 2_654_435_761L) % 9_000_000_000L).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Around the day the booklet runs out (some come early, most a little late), not before <paramref name="notBefore"/>.</summary>
    private DateTimeOffset NextVisit(DateOnly validUntil, DateTimeOffset notBefore)
    {
        var around = ToInstant(validUntil).AddDays(_random.Next(-20, 40));
        return WorkingTime(around < notBefore ? notBefore.AddDays(_random.Next(0, 30)) : around);
    }

    /// <summary>The same day or the next working day (Saturday to Wednesday), between 7:30 and 13:30 Tehran time.</summary>
    private DateTimeOffset WorkingTime(DateTimeOffset around)
    {
        var day = Day(around);
        while (day.DayOfWeek is DayOfWeek.Thursday or DayOfWeek.Friday) day = day.AddDays(1);
        return JalaliDate.FromDateOnly(day).StartInstant.AddMinutes(450 + _random.Next(0, 360));
    }

    private static DateOnly Day(DateTimeOffset at) => JalaliDate.FromInstant(at).ToDateOnly();
    private static DateTimeOffset ToInstant(DateOnly day) => JalaliDate.FromDateOnly(day).StartInstant;
    private static DateOnly EndOfMonthAfter(DateTimeOffset at, int months) => JalaliMonth.Of(at).AddMonths(months).Last.ToDateOnly();
}
