using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Eligibility;
using Portal.Domain.MonthlyStats;
using Portal.Domain.OffsetFiles;
using Portal.Domain.Security;

namespace Portal.Tests.Home;

/// <summary>
/// Work waiting for each role, in Kerman (08) and Golestan (27) alike, on top of the seeded demo: a returned report and a
/// month not sent for the agency AG-xx001, a report submitted to the review office by AG-xx002, a manager change for the
/// treatment directorate, a file sent to the governor, an open objection, and a locked-out account. Once per factory.
/// </summary>
public static class HomeArrange
{
    public const string ReturnReason = "جمع پرونده‌های دریافتی با فهرست تحویل نمی‌خواند";

    private static readonly ConditionalWeakTable<PortalFactory, Task> Done = [];

    public static Task EnsureAsync(PortalFactory factory)
    {
        lock (Done) return Done.GetValue(factory, f => ArrangeAsync(f));
    }

    /// <summary>The latest month whose report is open (the agency's due month), and the one before it (returned).</summary>
    public static (JalaliMonth Due, JalaliMonth Returned) Months(DateTimeOffset now)
    {
        var due = MonthlyReport.LatestOpen(now);
        return (due, due.Previous());
    }

    private static async Task ArrangeAsync(PortalFactory factory)
    {
        await factory.SeededAsync();
        foreach (var code in new[] { "08", "27" }) await ProvinceAsync(factory, code);
        await using var db = Acting.SystemDb(factory);
        var locked = await db.Users.SingleAsync(u => u.UserName == "golestan.agency.user");
        locked.LockoutEnd = DateTimeOffset.UtcNow.AddHours(1);
        await db.SaveChangesAsync();
    }

    private static async Task ProvinceAsync(PortalFactory factory, string code)
    {
        var now = DateTimeOffset.UtcNow;
        var (due, returned) = Months(now);
        await using var db = Acting.SystemDb(factory);
        var category = await db.ClaimCategories.Where(c => c.IsActive).OrderBy(c => c.SortOrder).Select(c => c.Id).FirstAsync();
        var first = await db.Agencies.Include(a => a.Province).SingleAsync(a => a.Code == $"AG-{code}001");
        var second = await db.Agencies.Include(a => a.Province).SingleAsync(a => a.Code == $"AG-{code}002");
        db.MonthlyReports.RemoveRange(await db.MonthlyReports.Include(r => r.Lines)
            .Where(r => (r.AgencyId == first.Id && (r.Period == due.Key || r.Period == returned.Key)) || (r.AgencyId == second.Id && r.Period == due.Key)).ToListAsync());
        await db.SaveChangesAsync();

        var figures = new ReportFigures([new CategoryFigures(category, 5, 5_000_000)], 3, 1, 1, 4.5m);
        var back = new MonthlyReport(first, returned, 0);
        back.Record(figures);
        back.Submit($"{Slug(code)}.agency.manager", now.AddDays(-3));
        back.Return(ReturnReason, $"{Slug(code)}.review", now.AddDays(-2));
        var waiting = new MonthlyReport(second, due, 0);
        waiting.Record(figures);
        waiting.Submit($"{Slug(code)}.agency.manager", now.AddHours(-5));
        db.MonthlyReports.AddRange(back, waiting);

        var office = await db.OrgUnits.SingleAsync(u => u.Id == second.ReviewOfficeId);
        var form = AgencyProfileForm.From(second);
        form.ManagerName = code == "08" ? "نرگس امیری" : "حمید گلستانی";
        second.Update(form.Validate(JalaliDate.FromInstant(now).ToDateOnly()).Profile!, office, new ChangeStamp($"{Slug(code)}.generaloffice", now.AddDays(-1), new DateOnly(2026, 11, 21)));

        var file = await db.OffsetFiles.Include(f => f.Debtors).Include(f => f.Claims).Where(f => f.ProvinceId == first.ProvinceId && f.Title.Contains("نوبت نخست")).SingleAsync();
        file.Send($"{code}/1405/T1", VerificationCodes.New(), new OffsetFilePapers("a", "b", "c"), $"{Slug(code)}.director", now.AddDays(-4));

        var today = JalaliDate.FromInstant(now);
        var inquiry = new Inquiry(now.AddDays(-2), InquiryReport.DayKey(today), InquiryKind.General, InquiryChannel.Web, "test", null, first.ProvinceId, null,
            NationalId.WithCheckDigit("049937089"), new CoverageDecision(true, null, CoverageReason.Covered));
        db.Inquiries.Add(inquiry);
        await db.SaveChangesAsync();
        db.Objections.Add(new Objection(inquiry, "بیمه‌شده می‌گوید پرداخت کرده است", null, "callcenter", now.AddDays(-1)));
        await db.SaveChangesAsync();
    }

    public static string Slug(string code) => code == "08" ? "kerman" : "golestan";
}
