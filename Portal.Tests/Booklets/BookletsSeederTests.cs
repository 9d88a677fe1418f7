using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Demo;
using Portal.Domain.Booklets;
using Portal.Domain.Common;

namespace Portal.Tests.Booklets;

/// <summary>
/// The demo's booklets: every insured person of Kerman's and Golestan's branches holds one booklet in use whose validity
/// is what its last done service gave; a year of services with a realistic mix, on every branch that has insured persons.
/// </summary>
public sealed class BookletsSeederTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Demo_GivesEveryPersonOfKermanAndGolestanABooklet_AndAYearOfServicesThatAgreeWithIt()
    {
        await using (var scope = portal.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(PortalFactory.AgenciesPerProvince, insuredPersons: 20_000);
        await using var db = Acting.SystemDb(portal);
        var demo = await db.OrgUnits.Where(u => u.Province != null && (u.Province.Code == "08" || u.Province.Code == "27")).Select(u => u.Id).ToListAsync();
        var persons = await db.InsuredPersons.Where(p => demo.Contains(p.BranchId)).Select(p => p.Id).ToListAsync();
        var inUse = await db.Booklets.Where(b => b.ReplacedAt == null).ToListAsync();

        Assert.True(persons.Count > 500);
        Assert.Equal(persons.Order(), inUse.Select(b => b.PersonId).Order());
        Assert.Equal(inUse.Count + await db.Booklets.CountAsync(b => b.ReplacedAt != null), await db.Booklets.Select(b => b.Serial).Distinct().CountAsync());
        Assert.Contains(inUse, b => b.ValidUntil < DateOnly.FromDateTime(DateTime.UtcNow)); // some have run out

        var last = await db.BookletServices.Where(s => s.Refusal == null)
            .GroupBy(s => s.BookletSerial).Select(g => new { Serial = g.Key, Until = g.OrderByDescending(s => s.At).Select(s => s.NewValidUntil).First() }).ToListAsync();
        var validity = inUse.ToDictionary(b => b.Serial, b => b.ValidUntil);
        var served = last.Where(l => validity.ContainsKey(l.Serial!)).ToList();
        Assert.True(served.Count > persons.Count / 2);
        Assert.All(served, l => Assert.Equal(validity[l.Serial!], l.Until));

        var services = await db.BookletServices.GroupBy(s => new { s.Type, Refused = s.Refusal != null }).Select(g => new { g.Key.Type, g.Key.Refused, Count = g.Count() }).ToListAsync();
        var all = services.Sum(s => s.Count);
        var refused = services.Where(s => s.Refused).Sum(s => s.Count);
        Assert.InRange((double)refused / all, 0.04, 0.12);
        Assert.All(Enum.GetValues<BookletServiceType>(), t => Assert.Contains(services, s => s.Type == t && !s.Refused));
        Assert.True(services.Where(s => s.Type is BookletServiceType.Credit or BookletServiceType.Renewal && !s.Refused).Sum(s => s.Count) > all * 0.7);
        Assert.True(await db.BookletServices.AnyAsync(s => s.CorrectedAt != null));
        var months = await db.BookletServices.Select(s => s.Month).Distinct().ToListAsync();
        Assert.InRange(months.Count, 11, 12); // this month has none yet before the first working hour
        Assert.True(await db.BookletServices.AllAsync(s => s.RequestedAt <= s.At));
        var branchesWithPersons = await db.InsuredPersons.Where(p => demo.Contains(p.BranchId)).Select(p => p.BranchId).Distinct().CountAsync();
        Assert.Equal(branchesWithPersons, await db.BookletServices.Select(s => s.BranchId).Distinct().CountAsync());
    }
}
