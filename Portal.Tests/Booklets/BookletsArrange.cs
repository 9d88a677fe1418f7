using Microsoft.EntityFrameworkCore;
using Portal.Domain.Booklets;
using Portal.Domain.Common;
using Portal.Domain.Eligibility;
using Portal.Tests.Eligibility;

namespace Portal.Tests.Booklets;

/// <summary>Families with booklets at a Kerman branch, for the counter's tests: each call a fresh family.</summary>
public static class BookletsArrange
{
    public const string Clerk = "kerman.branch.staff";
    public const string Supervisor = "kerman.branch.supervisor";

    public sealed record Household(InsuredPerson Main, InsuredPerson Spouse, InsuredPerson Son, InsuredPerson OlderSon, InsuredPerson Daughter)
    {
        public IEnumerable<InsuredPerson> All => [Main, Spouse, Son, OlderSon, Daughter];
    }

    /// <summary>
    /// A main insured who paid the last twelve months (or none, <paramref name="paid"/> false), his wife, a son of 15, a son
    /// of 22 without a university certificate and a daughter without her birth certificate on file; each with a booklet
    /// valid until <paramref name="validUntil"/> (default: ended last month), or none for those in <paramref name="withoutBooklet"/>.
    /// </summary>
    public static async Task<Household> FamilyAsync(PortalFactory portal, bool paid = true, DateOnly? validUntil = null, params string[] withoutBooklet)
    {
        await using var db = Acting.SystemDb(portal);
        var branch = await db.OrgUnits.Where(u => u.Code == "BR-08-02").Select(u => u.Id).SingleAsync();
        var today = JalaliDate.Today(TimeProvider.System);
        var born = today.ToDateOnly();
        var main = new InsuredPerson(EligibilityArrange.NewNationalId(), "حسین", "رفسنجانی‌نژاد", born.AddYears(-48), Sex.Male, InsuranceRelation.MainInsured, branch);
        if (paid) for (var back = 1; back <= 12; back++) main.PayPremium(today.YearMonth.AddMonths(-back), 30);
        var household = new Household(main,
            new InsuredPerson(EligibilityArrange.NewNationalId(), "زهرا", "کرمانی", born.AddYears(-44), Sex.Female, InsuranceRelation.Spouse, branch, main),
            new InsuredPerson(EligibilityArrange.NewNationalId(), "محمد", "رفسنجانی‌نژاد", born.AddYears(-15), Sex.Male, InsuranceRelation.Son, branch, main),
            new InsuredPerson(EligibilityArrange.NewNationalId(), "علی", "رفسنجانی‌نژاد", born.AddYears(-22), Sex.Male, InsuranceRelation.Son, branch, main),
            new InsuredPerson(EligibilityArrange.NewNationalId(), "مریم", "رفسنجانی‌نژاد", born.AddYears(-12), Sex.Female, InsuranceRelation.Daughter, branch, main));
        db.InsuredPersons.AddRange(household.All);
        await db.SaveChangesAsync();
        var until = validUntil ?? today.YearMonth.Previous().Last.ToDateOnly();
        foreach (var person in household.All.Where(p => !withoutBooklet.Contains(p.FirstName)))
            db.Booklets.Add(new Booklet(person.Id, Booklet.NewSerial(), until.AddYears(-1), branch, until));
        await db.SaveChangesAsync();
        return household;
    }

    public static async Task<Booklet?> BookletAsync(PortalFactory portal, long personId)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.Booklets.AsNoTracking().SingleOrDefaultAsync(b => b.PersonId == personId && b.ReplacedAt == null);
    }

    public static async Task<List<BookletService>> ServicesAsync(PortalFactory portal, long personId)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.BookletServices.AsNoTracking().Where(s => s.PersonId == personId).OrderBy(s => s.Id).ToListAsync();
    }
}
