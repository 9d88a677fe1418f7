using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Tests.Data;

/// <summary>The portal on PostgreSQL (Database:Provider = Postgres): its own migration set, the same rules.</summary>
public sealed class PostgresPortal : IAsyncLifetime
{
    private readonly PostgresServer _server = new();
    public PortalFactory Portal { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        Portal = new PortalFactory
        {
            Settings = { ["Database:Provider"] = "Postgres", ["ConnectionStrings:Portal"] = _server.ConnectionString("portal") },
        };
        await Portal.SeededAsync();
    }

    public async Task DisposeAsync()
    {
        Portal.Dispose();
        await _server.DisposeAsync();
    }
}

public sealed class PostgresTests(PostgresPortal pg) : IClassFixture<PostgresPortal>
{
    private IDbContextFactory<PortalDbContext> Contexts => pg.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    [Fact]
    public async Task Postgres_RunsItsOwnMigrationSet_AndHoldsTheDemoData()
    {
        await using var db = PortalDb.Open(Contexts, Actor.System);
        Assert.True(db.Database.IsNpgsql());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(31, await db.Provinces.CountAsync());
        Assert.Equal(31 * PortalFactory.AgenciesPerProvince, await db.Agencies.CountAsync());
    }

    [Fact]
    public async Task Postgres_ScopeFilter_KermanTreatmentSeesOnlyKerman()
    {
        await using var system = PortalDb.Open(Contexts, Actor.System);
        var td = await system.OrgUnits.SingleAsync(u => u.Code == "TD-08");
        await using var db = PortalDb.Open(Contexts, new Actor("id", "t", Roles.TreatmentDirectorate, td.Id, OrgScope.For(Roles.TreatmentDirectorate, td.Id, td.ProvinceId)));
        Assert.Equal(["AG-08001", "AG-08002"], await db.Agencies.OrderBy(a => a.Code).Select(a => a.Code).ToListAsync());
    }

    [Fact]
    public async Task Postgres_SignInAndScopedHome_Work()
    {
        var client = await PortalFactory.SignedInClientAsync(pg.Portal, "golestan.treatment");
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("گلستان", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Postgres_AgencySearch_FindsVariantSpellingsThroughTheSearchText()
    {
        var search = await pg.Portal.AsAsync<Portal.Domain.Agencies.AgencySearch>("kerman.generaloffice");
        var (byCode, _) = await search.SearchAsync(new Portal.Domain.Agencies.AgencyFilter("ag-08001"), Portal.Domain.Agencies.AgencySort.Code, false, 0, 10);
        var (byName, _) = await search.SearchAsync(new Portal.Domain.Agencies.AgencyFilter("رسميكد۰۸۰۰۲"), Portal.Domain.Agencies.AgencySort.Code, false, 0, 10);
        Assert.Equal(["AG-08001"], byCode.Select(r => r.Code));
        Assert.Equal(["AG-08002"], byName.Select(r => r.Code));
    }

    [Fact]
    public async Task Postgres_AuditDateFilter_TakesTehranDays()
    {
        await using (var db = PortalDb.Open(Contexts, Actor.System))
        {
            db.AuditEntries.Add(new AuditEntry(new DateTimeOffset(2024, 9, 22, 21, 0, 0, TimeSpan.Zero), "t", "PgProbe", "after-midnight", AuditAction.Added, "{}"));
            db.AuditEntries.Add(new AuditEntry(new DateTimeOffset(2024, 9, 22, 20, 0, 0, TimeSpan.Zero), "t", "PgProbe", "before-midnight", AuditAction.Added, "{}"));
            await db.SaveChangesAsync();
        }
        var day = new JalaliDate(1403, 7, 2);
        var (rows, _) = await new AuditSearch(new PortalDb(Contexts, new SystemUser())).SearchAsync(new AuditSearch.Filter("PgProbe", null, null, day, day), 0, 10);
        Assert.Equal(["after-midnight"], rows.Select(r => r.Key));
    }

    private sealed class SystemUser : ICurrentUser
    {
        public ValueTask<Actor> GetAsync() => ValueTask.FromResult(Actor.System);
    }

    [Fact]
    public async Task Postgres_ConcurrentContractIssues_GetDistinctNumbers()
    {
        var drafting = await pg.Portal.AsAsync<Portal.Domain.Contracts.ContractDrafting>("kerman.review");
        var ids = new List<int>();
        for (var i = 0; i < 4; i++)
            ids.Add(await drafting.DraftAsync(await Contracts.ContractsArrange.KermanAgencyAsync(pg.Portal), Contracts.ContractsArrange.Terms));

        await Task.WhenAll(ids.Select(async id => await (await pg.Portal.AsAsync<Portal.Domain.Contracts.ContractIssuing>("kerman.review"))
            .IssueAsync(id, (await Contracts.ContractsArrange.ContractAsync(pg.Portal, id)).Version)));

        await using var db = PortalDb.Open(Contexts, Actor.System);
        var numbers = await db.Contracts.Where(c => ids.Contains(c.Id)).Select(c => c.Number).ToListAsync();
        Assert.Equal(4, numbers.Where(n => n != null).Distinct().Count());
    }

    [Fact]
    public async Task Postgres_InsuredSeed_CopiesHouseholds_RestoresIndexesAndKeys_AndTheInquiryLogsEachAnswer()
    {
        await using var scope = pg.Portal.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<Portal.Demo.DemoSeeder>();
        var seeded = await seeder.SeedInsuredAsync(3_000);

        Assert.NotNull(seeded);
        await using (var db = PortalDb.Open(Contexts, Actor.System))
        {
            Assert.Equal(3_000, await db.InsuredPersons.CountAsync());
            Assert.Equal(seeded.PremiumRows, await db.PremiumMonths.CountAsync());
            Assert.Equal(seeded.Mobiles, await db.RegisteredMobiles.CountAsync());
            Assert.True(await db.InsuredPersons.AnyAsync(p => p.PrincipalId != null), "households: some dependants");
            // Dropped for the load and made again before the commit, from their own definitions.
            var indexes = await db.Database.SqlQueryRaw<string>("""SELECT indexname AS "Value" FROM pg_indexes WHERE tablename = 'InsuredPersons'""").ToListAsync();
            Assert.Contains("IX_InsuredPersons_NationalId", indexes);
            Assert.Contains("IX_InsuredPersons_PrincipalId", indexes);
            var keys = await db.Database.SqlQueryRaw<string>("""SELECT conname AS "Value" FROM pg_constraint WHERE contype = 'f' AND conrelid = '"PremiumMonths"'::regclass""").ToListAsync();
            Assert.Equal(["FK_PremiumMonths_InsuredPersons_PersonId"], keys);
            // The unique index is back: a second person with a seeded national ID is refused.
            var taken = await db.InsuredPersons.OrderBy(p => p.Id).Select(p => p.NationalId).FirstAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "InsuredPersons" ("NationalId", "FirstName", "LastName", "BirthDate", "Sex", "Relation", "BranchId", "PensionActive", "BirthCertificateOnFile") SELECT {0}, 'x', 'y', DATE '1990-01-01', 1, 1, "BranchId", false, false FROM "InsuredPersons" WHERE "Id" = 1""",
                taken));
        }

        // The inquiry on the seeded persons: a burst of answers, each logged (the writer's batch) under its own tracking code.
        var samples = await seeder.InsuredSamplesAsync();
        Assert.NotNull(samples.Covered);
        var desk = pg.Portal.Services.GetRequiredService<Portal.Domain.Eligibility.EligibilityDesk>();
        var requester = new Portal.Domain.Eligibility.Requester("pg-seed-test", null, null);
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            desk.GeneralAsync(samples.Covered, Portal.Domain.Eligibility.InquiryChannel.Api, requester)));
        Assert.All(answers, a => Assert.True(a.IsValid && a.Value!.Covered));
        Assert.Equal(40, answers.Select(a => a.Value!.TrackingCode).Distinct().Count());
        await using var check = PortalDb.Open(Contexts, Actor.System);
        Assert.Equal(40, await check.Inquiries.CountAsync(i => i.Requester == "pg-seed-test" && i.NationalId == samples.Covered && i.Covered));
    }
}
