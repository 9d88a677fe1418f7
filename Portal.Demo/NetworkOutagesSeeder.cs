using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.NetworkOutages;
using Portal.Domain.Organisation;

namespace Portal.Demo;

/// <summary>
/// A year of network outages for every branch of the demo provinces (seed 004 §3): a few a branch, from half an hour to
/// a day and a half, each with the support company's reference and one to three follow-ups; the second branch of each
/// province has one still open (since yesterday afternoon, so longer than <see cref="NetworkOutage.LongOpenHours"/>
/// hours and on the general office's to-do). Skipped for a province whose branches already have outages.
/// </summary>
internal sealed class NetworkOutagesSeeder(PortalDbContext db, TimeProvider clock)
{
    private static readonly string[] Descriptions =
    [
        "سامانه‌ها از دسترس خارج شد؛ چراغ لینک روی مودم خاموش است.",
        "ارتباط با سایت مرکزی برقرار نمی‌شود؛ شبکهٔ داخلی شعبه سالم است.",
        "برق ساختمان قطع شد و دستگاه برق اضطراری فقط سرورها را نگه داشت.",
        "کندی شدید و قطع و وصل مکرر ارتباط؛ درخواست‌های وب پاسخ نمی‌گیرند.",
        "روتر شعبه پس از نوسان برق راه‌اندازی نمی‌شود.",
    ];

    private static readonly string[] Notes =
    [
        "با پشتیبانی شرکت خدمات ماشینی تأمین تماس گرفته و شمارهٔ پیگیری دریافت شد.",
        "کارشناس شرکت اعلام کرد اشکال از خط مخابرات است؛ موضوع به مخابرات ارجاع شد.",
        "دوباره پیگیری شد؛ کارشناس فنی به شعبه اعزام می‌شود.",
        "کارشناس فنی در شعبه حاضر شد و تجهیزات را بررسی کرد.",
    ];

    public async Task SeedAsync(IReadOnlyCollection<string> provinceCodes, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var code in provinceCodes.Order())
        {
            var branches = await db.OrgUnits.Where(u => u.Kind == UnitKind.Branch && u.Code.StartsWith($"BR-{code}-")).OrderBy(u => u.Code).ToListAsync(ct);
            var ids = branches.Select(b => b.Id).ToList();
            if (branches.Count == 0 || await db.NetworkOutages.AnyAsync(o => ids.Contains(o.BranchId), ct)) continue;
            var place = code == "08" ? "kerman" : "golestan";
            var random = new Random(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) * 31 + 7);
            var ticket = 40_000 + random.Next(1000);
            for (var b = 0; b < branches.Count; b++)
            {
                var branch = branches[b];
                var by = b == 0 ? $"{place}.branch.staff" : "system";
                // Three to five outages over the year, oldest first, none overlapping.
                var count = 3 + random.Next(3);
                for (var i = 0; i < count; i++)
                {
                    var start = now.AddDays(-360 + i * (340 / count) + random.Next(20)).AddHours(-random.Next(12));
                    var length = TimeSpan.FromMinutes(30 + random.Next(36 * 60));
                    var outage = new NetworkOutage(branch.Id, branch.ProvinceId ?? 0, start, (OutageCause)(1 + random.Next(5)),
                        Descriptions[random.Next(Descriptions.Length)], $"TMT-{ticket++}", by, start.AddMinutes(10));
                    var steps = 1 + random.Next(3);
                    for (var s = 0; s < steps; s++) outage.FollowUp(Notes[Math.Min(s, Notes.Length - 1)], null, by, start + length * (s + 1) / (steps + 1));
                    outage.Resolve(start + length, "ارتباط برقرار شد و سامانه‌ها آزمایش شدند.", by, start + length + TimeSpan.FromMinutes(5));
                    db.NetworkOutages.Add(outage);
                }
                // The second branch, so that the demo branch users (first branch) can record one of their own.
                if (b != 1) continue;
                var open = now.AddHours(-20);
                var still = new NetworkOutage(branch.Id, branch.ProvinceId ?? 0, open, OutageCause.WanLink, Descriptions[0], $"TMT-{ticket++}", by, open.AddMinutes(15));
                still.FollowUp(Notes[0], null, by, open.AddMinutes(20));
                still.FollowUp(Notes[1], null, by, open.AddHours(3));
                db.NetworkOutages.Add(still);
            }
            await db.SaveChangesAsync(ct);
        }
    }
}
