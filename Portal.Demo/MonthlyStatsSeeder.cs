using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.MonthlyStats;

namespace Portal.Demo;

/// <summary>
/// Demo monthly reports for the demo provinces' agencies over the months just ended: figures that balance month to
/// month, most forwarded (a few late), some accepted or submitted but not yet forwarded, some returned, some missing.
/// The last month is left half done, as it would be early in the following month.
/// </summary>
internal sealed class MonthlyStatsSeeder(PortalDbContext db, TimeProvider clock)
{
    public async Task SeedAsync(IReadOnlyCollection<string> provinceCodes, int months, CancellationToken ct)
    {
        if (await db.MonthlyReports.AnyAsync(ct)) return;
        var categories = await db.ClaimCategories.Where(c => c.IsActive).OrderBy(c => c.SortOrder).Select(c => c.Id).ToListAsync(ct);
        var agencies = await db.Agencies.Where(a => provinceCodes.Contains(a.Province!.Code) && a.Status != AgencyStatus.Closed)
            .OrderBy(a => a.Code).ToListAsync(ct);
        var thisMonth = JalaliDate.Today(clock).YearMonth;
        foreach (var agency in agencies)
        {
            var random = new Random(agency.Id * 7 + 3);
            var pending = random.Next(0, 15);
            for (var back = months; back >= 1; back--)
            {
                var month = thisMonth.AddMonths(-back);
                if (back == 1 && random.Next(5) == 0) break; // not started yet
                var report = new MonthlyReport(agency, month, pending);
                var lines = categories.Select(id => (id, files: random.Next(0, 4) == 0 ? 0 : random.Next(1, 40)))
                    .Select(l => new CategoryFigures(l.id, l.files, l.files * (long)random.Next(300, 4000) * 10_000)).Where(l => l.FilesReceived > 0).ToList();
                var received = lines.Sum(l => l.FilesReceived);
                var returned = Math.Min(random.Next(0, 4), pending + received);
                var forwarded = Math.Max(0, pending + received - returned - random.Next(0, 10));
                pending = pending + received - forwarded - returned;
                report.Record(new ReportFigures(lines, forwarded, returned, pending, forwarded == 0 ? null : random.Next(10, 80) / 10m));
                Advance(report, month, back, random, clock.GetUtcNow());
                db.MonthlyReports.Add(report);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Moves the report along at plausible times: submitted by about the 5th, forwarded by the 10th (or a little late);
    /// the month just ended goes only as far as today allows.
    /// </summary>
    private static void Advance(MonthlyReport report, JalaliMonth month, int back, Random random, DateTimeOffset now)
    {
        var next = month.Next().First;
        var roll = random.Next(100);
        DateTimeOffset At(int day, int hour) => next.AddDays(day).StartInstant.AddHours(hour);
        bool Due(DateTimeOffset at) => at <= now;

        var submitted = At(random.Next(1, 7), 10);
        if (back == 1 && roll < 30 || !Due(submitted)) return; // still a draft
        report.Submit("demo.agency.manager", submitted);
        if (back == 1 && roll < 55 || !Due(At(8, 12))) return; // waiting for the review office
        if (roll % 17 == 0)
        {
            report.Return("پرونده‌های عودتی با فهرست تحویل نمی‌خواند", "demo.review", At(7, 9));
            if (back == 1) return;
            report.Submit("demo.agency.manager", At(8, 11));
        }
        report.Accept("demo.review", At(8, 12));
        var forwarded = At(roll % 9 == 0 ? 11 + random.Next(5) : 9, 14); // one in nine late
        if (back == 1 && roll < 75 || !Due(forwarded)) return; // accepted, to be forwarded
        report.Forward("demo.review", forwarded);
    }
}
