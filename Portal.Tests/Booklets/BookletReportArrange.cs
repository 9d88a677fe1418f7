using Microsoft.EntityFrameworkCore;
using Portal.Domain.Booklets;
using Portal.Domain.Common;
using Portal.Domain.Eligibility;
using Portal.Domain.NetworkOutages;
using Portal.Tests.Eligibility;

namespace Portal.Tests.Booklets;

/// <summary>
/// A small, known month of booklet services in months no other test writes to (1398/05 and 1398/06):
/// <list type="bullet">
/// <item>BR-08-01 (Kerman), 1398/05: 3 renewals (one later corrected, waits 4 min), 2 credits (10 min), 1 new booklet (not
/// measured), refused: not enough premium (renewal), has a booklet (new booklet: a counter error); 1398/06: 5 credits;</item>
/// <item>BR-08-02 (Kerman), 1398/05: 2 credits, 1 duplicate, refused: son without certificate (credit); down 24 hours;</item>
/// <item>BR-27-01 (Golestan), 1398/05: 4 renewals, refused twice: pension stopped (renewal).</item>
/// </list>
/// </summary>
internal static class BookletReportArrange
{
    public static readonly JalaliMonth May = new(1398, 5), June = new(1398, 6);
    public const string Period = "1398-05";

    public static async Task ArrangeAsync(PortalFactory portal)
    {
        await portal.SeededAsync();
        await using var db = Acting.SystemDb(portal);
        if (await db.BookletServices.AnyAsync(s => s.Month == May.Key)) return; // the fixture's database outlives each test
        var units = await db.OrgUnits.Where(u => u.Code == "BR-08-01" || u.Code == "BR-08-02" || u.Code == "BR-27-01")
            .ToDictionaryAsync(u => u.Code, u => (u.Id, Province: u.ProvinceId!.Value));
        var day = May.First.StartInstant.AddDays(3).AddHours(9);
        var n = 0;
        BookletService Row(string branch, BookletServiceType type, BookletRefusal? refusal = null, int waitMinutes = 0, JalaliMonth? month = null)
        {
            var at = (month ?? May).First.StartInstant.AddDays(3).AddHours(9).AddMinutes(++n);
            var (id, province) = units[branch];
            return BookletService.Seeded(type, refusal, 900_000 + n, Insured.NewNationalId(), "بیمه‌شده آزمون", InsuranceRelation.MainInsured,
                refusal is null ? $"9{n:000000000}" : null, null, refusal is null ? DateOnly.FromDateTime(at.UtcDateTime).AddMonths(3) : null, id, province,
                "kerman.branch.staff", at.AddMinutes(-waitMinutes), at, (month ?? May).Key);
        }
        var corrected = Row("BR-08-01", BookletServiceType.Renewal, waitMinutes: 4);
        corrected.Correct("ثبت اشتباه", "kerman.branch.supervisor", day.AddDays(1));
        db.BookletServices.AddRange(
            corrected, Row("BR-08-01", BookletServiceType.Renewal, waitMinutes: 4), Row("BR-08-01", BookletServiceType.Renewal, waitMinutes: 4),
            Row("BR-08-01", BookletServiceType.Credit, waitMinutes: 10), Row("BR-08-01", BookletServiceType.Credit, waitMinutes: 10),
            Row("BR-08-01", BookletServiceType.NewBooklet),
            Row("BR-08-01", BookletServiceType.Renewal, BookletRefusal.NotEnoughPremium, 3), Row("BR-08-01", BookletServiceType.NewBooklet, BookletRefusal.HasBooklet, 2),
            Row("BR-08-02", BookletServiceType.Credit, waitMinutes: 7), Row("BR-08-02", BookletServiceType.Credit, waitMinutes: 7),
            Row("BR-08-02", BookletServiceType.Duplicate, waitMinutes: 20), Row("BR-08-02", BookletServiceType.Credit, BookletRefusal.SonWithoutCertificate),
            Row("BR-27-01", BookletServiceType.Renewal, waitMinutes: 5), Row("BR-27-01", BookletServiceType.Renewal, waitMinutes: 5),
            Row("BR-27-01", BookletServiceType.Renewal, waitMinutes: 5), Row("BR-27-01", BookletServiceType.Renewal, waitMinutes: 5),
            Row("BR-27-01", BookletServiceType.Renewal, BookletRefusal.PensionStopped), Row("BR-27-01", BookletServiceType.Renewal, BookletRefusal.PensionStopped));
        for (var i = 0; i < 5; i++) db.BookletServices.Add(Row("BR-08-01", BookletServiceType.Credit, waitMinutes: 3, month: June));
        var (down, kerman) = units["BR-08-02"];
        var outage = new NetworkOutage(down, kerman, day, OutageCause.WanLink, "قطعی خط", null, "kerman.branch.staff", day);
        outage.Resolve(day.AddHours(24), "وصل شد", "kerman.branch.staff", day.AddHours(25));
        db.NetworkOutages.Add(outage);
        await db.SaveChangesAsync();
    }
}
