using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.Data;
using Portal.Domain.ElectronicFiles;
using Portal.Domain.Eligibility;
using Portal.Domain.Organisation;
using Portal.Domain.Rollout;
using Portal.Domain.Security;

namespace Portal.Tests.Cluster;

/// <summary>
/// Numbers the portal issues stay unique when both servers issue them at the same moment: each server's callers wait at
/// one gate and are released together. Counters (contract and file numbers) are also without gaps; so are the numbers
/// taken as the highest plus one (rollout waves, document headings), which try again when the other server took theirs.
/// </summary>
[Collection(TwoServersCollection.Name)]
public sealed class IssuedNumbersTests(TwoServers servers)
{
    private const int PerServer = 25;

    /// <summary><paramref name="perServer"/> calls on each server, all released at one moment; the results of all.</summary>
    private async Task<List<T>> OnBothAtOnce<T>(int perServer, Func<TwoServers.Server, int, Task<T>> issue)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = new[] { servers.A, servers.B }.SelectMany(server => Enumerable.Range(0, perServer)
            .Select(i => Task.Run(async () => { await go.Task; return await issue(server, i); }))).ToList();
        go.SetResult();
        return [.. await Task.WhenAll(calls)];
    }

    private static IDbContextFactory<PortalDbContext> Contexts(PortalFactory server) => server.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    private static void AssertDistinctAndGapFree(IReadOnlyCollection<int> numbers, int first)
    {
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(first, numbers.Count), numbers.Order());
    }

    [Fact]
    public async Task ContractNumbers_FromBothServersAtOnce_AreDistinctAndGapFree()
    {
        int province;
        await using (var db = Acting.SystemDb(servers.A)) province = await db.Provinces.Where(p => p.Code == "08").Select(p => p.Id).SingleAsync();

        var numbers = await OnBothAtOnce(PerServer, async (server, _) =>
        {
            await using var db = PortalDb.Open(Contexts(server), Actor.System);
            return await ContractCounter.NextAsync(db, province, 1499, CancellationToken.None);
        });

        AssertDistinctAndGapFree(numbers, 1);
    }

    [Fact]
    public async Task TechnicalFileNumbers_FromBothServersAtOnce_AreDistinctAndGapFree()
    {
        int branch, last;
        await using (var db = Acting.SystemDb(servers.A))
        {
            branch = await db.OrgUnits.Where(u => u.Kind == UnitKind.Branch).OrderBy(u => u.Code).Select(u => u.Id).FirstAsync();
            last = await db.Set<TechnicalFileCounter>().Where(c => c.BranchId == branch).Select(c => (int?)c.Last).SingleOrDefaultAsync() ?? 0;
        }

        var numbers = await OnBothAtOnce(PerServer, async (server, _) =>
        {
            await using var db = PortalDb.Open(Contexts(server), Actor.System);
            return await TechnicalFileCounter.NextAsync(db, branch, CancellationToken.None);
        });

        AssertDistinctAndGapFree(numbers, last + 1);
    }

    [Fact]
    public async Task TrackingCodes_OfInquiriesLoggedOnBothServersAtOnce_AreDistinct()
    {
        var codes = await OnBothAtOnce(PerServer * 2, async (server, i) =>
        {
            var inquiry = new Inquiry(server.Clock.GetUtcNow(), InquiryReport.DayKey(JalaliDate.Today(server.Clock)), InquiryKind.General, InquiryChannel.Api, "api:cluster-test", null, null, null,
                $"00{i:D8}", new CoverageDecision(false, null, CoverageReason.PrincipalNotCovered));
            await server.Services.GetRequiredService<InquiryLog>().RecordAsync(inquiry);
            return inquiry.TrackingCode;
        });

        Assert.Equal(PerServer * 4, codes.Distinct().Count());
        Assert.All(codes, code => Assert.True(TrackingCode.Check(code).IsValid));
    }

    [Fact]
    public async Task RolloutWaveNumbers_OpenedOnBothServersAtOnce_AreDistinctAndGapFree()
    {
        List<int> provinces;
        int last;
        await using (var db = Acting.SystemDb(servers.A))
        {
            provinces = await db.Provinces.OrderBy(p => p.Code).Select(p => p.Id).Take(8).ToListAsync();
            last = await db.RolloutWaves.MaxAsync(w => (int?)w.Number) ?? 0;
        }

        var ids = await OnBothAtOnce(4, async (server, i) =>
            await (await server.AsAsync<RolloutPlanning>("admin")).OpenWaveAsync($"مرحله هم‌زمان {(server == servers.A ? "الف" : "ب")} {TextNormalizer.ToPersianDigits(i.ToString())}", null,
                JalaliDate.Create(1406, 1, 15), [provinces[(server == servers.A ? 0 : 4) + i]]));

        await using var check = Acting.SystemDb(servers.B);
        AssertDistinctAndGapFree(await check.RolloutWaves.Where(w => ids.Contains(w.Id)).Select(w => w.Number).ToListAsync(), last + 1);
    }

    [Fact]
    public async Task DocumentHeadingCodes_AddedOnBothServersAtOnce_AreDistinct()
    {
        var ids = await OnBothAtOnce(4, async (server, i) =>
            await (await server.AsAsync<DocumentTaxonomyRegistry>("admin")).AddGroupAsync($"سرفصل هم‌زمان {(server == servers.A ? "الف" : "ب")} {TextNormalizer.ToPersianDigits(i.ToString())}"));

        await using var check = Acting.SystemDb(servers.B);
        var codes = await check.DocumentGroups.Where(g => ids.Contains(g.Id)).Select(g => g.Code).ToListAsync();
        Assert.Equal(8, codes.Distinct().Count());
        AssertDistinctAndGapFree([.. codes.Select(int.Parse)], codes.Select(int.Parse).Min());
    }
}
