using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agencies;
using Portal.Domain.Contracts;
using Portal.Domain.Rollout;
using Portal.Tests.Agencies;

namespace Portal.Tests.Contracts;

/// <summary>Fresh agencies for contract tests, so that tests sharing one database never share an agency.</summary>
internal static class ContractsArrange
{
    private static int _next = 500;

    public static readonly ContractTerms Terms = new(new DateOnly(2026, 12, 22), 12, 1_500_000);

    /// <summary>A listed agency of Kerman's review office (RO-08-1) with one representative, trained through all three stages when asked.</summary>
    public static async Task<int> KermanAgencyAsync(PortalFactory portal, bool trained = false)
    {
        await using var db = Acting.SystemDb(portal);
        var province = await db.Provinces.SingleAsync(p => p.Code == "08");
        var general = await db.OrgUnits.SingleAsync(u => u.Code == "GO-08-1");
        var review = await db.OrgUnits.SingleAsync(u => u.Code == "RO-08-1");
        var number = Interlocked.Increment(ref _next);
        var agency = new Agency($"AG-08{number}", $"کارگزاری آزمون {number}", province, general, review);
        agency.Update(AgencyRulesTests.Profile(f => f.Name = $"کارگزاری آزمون {number}"), review,
            new ChangeStamp("test", DateTimeOffset.UtcNow, new DateOnly(2026, 1, 1)));
        agency.NameRepresentative(new RepresentativeInput("زهرا کاظمی", "0499370899", "09131234567"), DateTimeOffset.UtcNow);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        if (trained)
        {
            var on = new DateOnly(2025, 1, 1);
            await db.Representatives.Where(r => r.AgencyId == agency.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.TheoryOn, on).SetProperty(r => r.PracticalOn, on).SetProperty(r => r.SupplementaryOn, on));
        }
        return agency.Id;
    }

    public static async Task<Contract> ContractAsync(PortalFactory portal, int id)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.Contracts.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    /// <summary>Drafts and issues a contract for a new Kerman agency as kerman.review; returns the issued contract.</summary>
    public static async Task<Contract> IssuedAsync(PortalFactory portal)
    {
        var drafting = await portal.AsAsync<ContractDrafting>("kerman.review");
        var issuing = await portal.AsAsync<ContractIssuing>("kerman.review");
        var id = await drafting.DraftAsync(await KermanAgencyAsync(portal), Terms);
        await issuing.IssueAsync(id, (await ContractAsync(portal, id)).Version);
        return await ContractAsync(portal, id);
    }

    public static async Task<Contract> ActiveAsync(PortalFactory portal)
    {
        var scans = await portal.AsAsync<ContractScans>("kerman.review");
        var inForce = await portal.AsAsync<ContractInForce>("kerman.review");
        var issued = await IssuedAsync(portal);
        await scans.RecordSignedScanAsync(issued.Id, new MemoryStream(SampleScan));
        await inForce.ActivateAsync(issued.Id, (await ContractAsync(portal, issued.Id)).Version);
        return await ContractAsync(portal, issued.Id);
    }

    /// <summary>The smallest PNG: a signature and an 8-byte header are all the type check reads.</summary>
    public static readonly byte[] SampleScan = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
