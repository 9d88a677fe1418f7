using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Eligibility;
using Portal.Domain.Security;

namespace Portal.Tests.Eligibility;

/// <summary>Insured persons for the eligibility tests (the demo seed has none), and the services as a given user.</summary>
internal static class Insured
{
    private static int _next = Random.Shared.Next(10_000_000, 90_000_000);

    /// <summary>A fresh valid national ID, different on every call.</summary>
    public static string NewNationalId() => NationalId.WithCheckDigit($"{Interlocked.Increment(ref _next):000000000}");

    /// <summary>A main insured of branch <paramref name="branchCode"/> who paid every month of the last year: covered today.</summary>
    public static async Task<string> CoveredMainAsync(PortalFactory portal, string branchCode = "BR-08-01")
    {
        var (main, _) = await ArrangeAsync(portal, branchCode, withSon: false);
        return main;
    }

    /// <summary>A covered main insured and his 22-year-old son without a university certificate (seed 002 note 5).</summary>
    public static async Task<(string Main, string Son)> SonWithoutCertificateAsync(PortalFactory portal, string branchCode = "BR-08-01")
    {
        var (main, son) = await ArrangeAsync(portal, branchCode, withSon: true);
        return (main, son!);
    }

    private static async Task<(string Main, string? Son)> ArrangeAsync(PortalFactory portal, string branchCode, bool withSon)
    {
        await using var db = Acting.SystemDb(portal);
        var branch = await db.OrgUnits.Where(u => u.Code == branchCode).Select(u => u.Id).SingleAsync();
        var today = JalaliDate.Today(TimeProvider.System);
        var main = new InsuredPerson(NewNationalId(), "رضا", "کرمانی", today.ToDateOnly().AddYears(-50), Sex.Male, InsuranceRelation.MainInsured, branch);
        for (var back = 1; back <= 12; back++) main.PayPremium(today.YearMonth.AddMonths(-back), 30);
        main.RegisterMobile("09131234567");
        db.InsuredPersons.Add(main);
        InsuredPerson? son = null;
        if (withSon)
        {
            son = new InsuredPerson(NewNationalId(), "علی", "کرمانی", today.ToDateOnly().AddYears(-22), Sex.Male, InsuranceRelation.Son, branch, main);
            db.InsuredPersons.Add(son);
        }
        await db.SaveChangesAsync();
        return (main.NationalId, son?.NationalId);
    }

    /// <summary>The centre page's service acting as <paramref name="userName"/>.</summary>
    public static async Task<CentreInquiry> CentreAsync(PortalFactory portal, string userName) =>
        new(portal.Services.GetRequiredService<EligibilityDesk>(), new ActingAs(await Acting.ActorAsync(portal, userName)));

    /// <summary>An actor with <paramref name="role"/> in the unit of <paramref name="unitCode"/> (for units without a demo user).</summary>
    public static Task<Actor> ActorAsync(PortalFactory portal, string role, string unitCode) =>
        ActingAs.ActorAsync(portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), role, unitCode);

    public static PortalDb DbAs(PortalFactory portal, Actor actor) =>
        new(portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), new ActingAs(actor));
}
