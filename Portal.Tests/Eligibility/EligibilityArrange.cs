using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Eligibility;
using Portal.Domain.Organisation;

namespace Portal.Tests.Eligibility;

/// <summary>Insured persons for the eligibility tests, with fresh national IDs, kept at a Kerman branch.</summary>
public static class EligibilityArrange
{
    private static int _serial = Random.Shared.Next(1_000, 9_000) * 10_000;

    /// <summary>A valid national ID no other test uses.</summary>
    public static string NewNationalId() =>
        NationalId.WithCheckDigit((200_000_000 + Interlocked.Increment(ref _serial)).ToString(CultureInfo.InvariantCulture));

    /// <summary>A main insured who paid <paramref name="lastMonthDays"/> days last month (covered from 30), saved.</summary>
    public static async Task<InsuredPerson> MainInsuredAsync(PortalFactory portal, int lastMonthDays = 30, string? mobile = null)
    {
        await using var db = Acting.SystemDb(portal);
        var branch = await db.OrgUnits.Where(u => u.Kind == UnitKind.Branch && u.Province!.Code == "08").OrderBy(u => u.Code).Select(u => u.Id).FirstAsync();
        var person = new InsuredPerson(NewNationalId(), "محمد", "کریمی", new DateOnly(1985, 3, 21), Sex.Male, InsuranceRelation.MainInsured, branch);
        person.PayPremium(JalaliDate.Today(TimeProvider.System).YearMonth.Previous(), lastMonthDays);
        if (mobile is not null) person.RegisterMobile(mobile);
        db.InsuredPersons.Add(person);
        await db.SaveChangesAsync();
        return person;
    }
}
