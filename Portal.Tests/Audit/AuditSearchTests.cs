using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Tests.Audit;

public sealed class AuditSearchTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private sealed class Admin : ICurrentUser
    {
        public ValueTask<Actor> GetAsync() => ValueTask.FromResult(Actor.System);
    }

    [Fact]
    public async Task DateFilter_UsesTehranDays_EntryJustAfterTehranMidnightIsOnTheNewDay()
    {
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = PortalDb.Open(contexts, Actor.System))
        {
            // 21:00 UTC on 22 Sep 2024 is 00:30 on 1403/07/02 in Tehran; 20:00 UTC is 23:30 on 1403/07/01.
            db.AuditEntries.Add(new AuditEntry(new DateTimeOffset(2024, 9, 22, 21, 0, 0, TimeSpan.Zero), "t", "Probe", "after-midnight", AuditAction.Added, "{}"));
            db.AuditEntries.Add(new AuditEntry(new DateTimeOffset(2024, 9, 22, 20, 0, 0, TimeSpan.Zero), "t", "Probe", "before-midnight", AuditAction.Added, "{}"));
            await db.SaveChangesAsync();
        }
        var search = new AuditSearch(new PortalDb(contexts, new Admin()));
        var day = new JalaliDate(1403, 7, 2);

        var (rows, _) = await search.SearchAsync(new AuditSearch.Filter("Probe", null, null, day, day), 0, 10);

        Assert.Equal(["after-midnight"], rows.Select(r => r.Key));
    }
}
