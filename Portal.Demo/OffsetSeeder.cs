using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using Portal.Domain.OffsetFiles;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Demo;

/// <summary>
/// Demo offset data for the demo provinces: hard-to-collect debtors (companies and persons, debts of 1388–1395) with
/// some seized assets, claims of every contracted centre, a draft file, and a file under review at the governor's
/// with a meeting and agreements the insurance side has confirmed (the treatment side's confirmation is left to do).
/// The sent file is sent the way the director-general sends one, with its letter and lists; without papers (no PDF
/// engine, or tests that do without it) it stays a draft.
/// </summary>
internal sealed class OffsetSeeder(PortalDbContext db, IOffsetPapers? papers, IFileStore store, TimeProvider clock)
{
    // Debtors are saved this many at a time (with their assets): one save of tens of thousands of rows and their
    // audit entries holds them all in memory at once for nothing.
    private const int DebtorsPerSave = 1_000;

    private static readonly string[] Trades = ["ریخته‌گری", "نساجی", "کاشی و سرامیک", "صنایع غذایی", "ساختمانی", "حمل و نقل", "پلاستیک", "مصالح ساختمانی", "فرش", "چاپ و بسته‌بندی"];

    public async Task SeedAsync(IReadOnlyCollection<string> provinceCodes, OffsetDemoSize size, CancellationToken ct)
    {
        if (await db.DebtorWorkshops.AnyAsync(ct)) return;
        foreach (var province in await db.Provinces.Where(p => provinceCodes.Contains(p.Code)).OrderBy(p => p.Code).ToListAsync(ct))
        {
            var random = new Random(province.Id * 31);
            var city = province.NameFa;
            var debtors = Enumerable.Range(1, size.DebtorsPerProvince).Select(i => Debtor(province, i, city, size.AssetsPerDebtor, random)).ToList();
            var centres = await db.OrgUnits.OfType<MedicalCenter>().Where(m => m.ProvinceId == province.Id).OrderBy(m => m.Code).Select(m => m.Id).ToListAsync(ct);
            var claims = centres.Select(id => new CenterClaim(province.Id, id, Rials(random, 200, 9_000), new JalaliMonth(1398, random.Next(1, 7)), new JalaliMonth(1401, random.Next(1, 13)))).ToList();
            foreach (var chunk in debtors.Chunk(DebtorsPerSave))
            {
                db.AddRange(chunk);
                await db.SaveChangesAsync(ct);
            }
            db.AddRange(claims);
            await db.SaveChangesAsync(ct);

            var at = clock.GetUtcNow();
            var draft = new OffsetFile(province.Id, $"پرونده تهاتر {city} — در دست تهیه", "demo.generaloffice", at.AddDays(-3));
            draft.Compile(debtors.Skip(10).Take(6).ToList(), claims.Skip(3).Take(2).ToList());
            var sent = new OffsetFile(province.Id, $"پرونده تهاتر {city} — نوبت نخست", "demo.generaloffice", at.AddDays(-40));
            var (pickedDebtors, pickedClaims) = (debtors.Take(5).ToList(), claims.Take(3).ToList());
            sent.Compile(pickedDebtors, pickedClaims);
            db.AddRange(draft, sent);
            await db.SaveChangesAsync(ct);
            if (papers is not { IsAvailable: true }) continue;
            var director = DemoSeeder.Accounts.First(a => a.Role == Roles.GeneralOfficeDirector && a.UnitCode == $"GO-{province.Code}-1").UserName;
            await OffsetDesk.SendAsync(db, sent, papers, store, director, at.AddDays(-35), ct);
            var meetingDay = JalaliDate.FromInstant(at.AddDays(-20));
            sent.RecordMeeting(meetingDay.ToDateOnly(), $"معاون هماهنگی امور اقتصادی استانداری {city}، مدیرکل تأمین اجتماعی، مدیر درمان، کارفرمایان و نمایندگان مراکز درمانی",
                "کارفرمایان نخست و دوم با تهاتر بخشی از بدهی با مطالبات مراکز درمانی موافقت کردند؛ کارفرمای سوم نپذیرفت.");
            for (var i = 0; i < 3; i++)
            {
                long? amount = i == 2 ? null : Math.Min(pickedDebtors[i].InitialDebt, pickedClaims[i].Amount) / 2 / 1_000_000 * 1_000_000;
                var agreement = sent.RecordOutcome(pickedDebtors[i].Id, pickedClaims[i].Id, amount, "demo.governor", at.AddDays(-19));
                if (amount is not null) agreement.Confirm(ExecutionSide.Insurance, "demo.generaloffice", at.AddDays(-10));
            }
            await db.SaveChangesAsync(ct);
        }
    }

    /// <param name="assets">Assets seized from each debtor; null for the demo's 0–2.</param>
    private static DebtorWorkshop Debtor(Province province, int i, string city, int? assets, Random random)
    {
        var company = random.Next(3) > 0;
        var name = company
            ? $"شرکت {Trades[random.Next(Trades.Length)]} {PersianNames.LastNames[random.Next(PersianNames.LastNames.Length)]} {city}"
            : $"{PersianNames.MaleFirstNames[random.Next(PersianNames.MaleFirstNames.Length)]} {PersianNames.LastNames[random.Next(PersianNames.LastNames.Length)]}";
        var id = company
            ? LegalEntityId.WithCheckDigit("10" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture))
            : NationalId.WithCheckDigit(random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture));
        var first = new JalaliMonth(random.Next(1388, 1394), random.Next(1, 13));
        var last = new JalaliMonth(random.Next(first.Year, 1396), random.Next(1, 13));
        if (last < first) last = first;
        var code = (int.Parse(province.Code, CultureInfo.InvariantCulture) * 100_000 + i).ToString("0000000", CultureInfo.InvariantCulture);
        var workshop = new DebtorWorkshop(province.Id, code, name, id, Rials(random, 50, 6_000), first, last);
        for (var a = assets ?? random.Next(0, 3); a > 0; a--)
        {
            var kind = (AssetKind)random.Next(1, 7);
            workshop.Seize(kind, AssetDescription(kind, city), Rials(random, 100, 20_000), new DateOnly(2015 + random.Next(0, 5), random.Next(1, 13), random.Next(1, 28)),
                $"{random.Next(88, 99)}/{random.Next(100, 9999)}");
        }
        return workshop;
    }

    private static string AssetDescription(AssetKind kind, string city) => kind switch
    {
        AssetKind.RealEstate => $"ملک تجاری، {city}، بلوار جمهوری",
        AssetKind.Vehicle => "خودروی سواری پژو ۴۰۵",
        AssetKind.BankAccount => "موجودی حساب جاری نزد بانک ملی",
        AssetKind.Machinery => "ماشین‌آلات خط تولید",
        AssetKind.Shares => "سهام شرکت در بورس",
        _ => "اموال منقول کارگاه",
    };

    /// <summary>A round amount between <paramref name="minMillions"/> and <paramref name="maxMillions"/> million Rials.</summary>
    private static long Rials(Random random, int minMillions, int maxMillions) => random.Next(minMillions, maxMillions) * 1_000_000L;
}

/// <summary>
/// How much offset data each demo province gets: the demo's few dozen debtors and six centres, or a benchmark's
/// thousands (<c>seed-demo --offset-debtors 5000 --offset-assets-per-debtor 4 --offset-centres 800</c>, see bench/offset-files.sh).
/// Every centre has one claim.
/// </summary>
/// <param name="AssetsPerDebtor">Seized from every debtor; null for 0–2 at random.</param>
public sealed record OffsetDemoSize(int DebtorsPerProvince = 60, int? AssetsPerDebtor = null, int CentresPerProvince = 6)
{
    public static readonly OffsetDemoSize Demo = new();
}
