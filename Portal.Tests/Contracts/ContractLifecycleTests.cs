using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Contracts;
using static Portal.Tests.Contracts.ContractsArrange;

namespace Portal.Tests.Contracts;

/// <summary>An issued contract's life after issue: its signed scan, activation, renewal, termination and expiry.</summary>
public sealed class ContractLifecycleTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReadinessStep_ActiveContract_IsMet()
    {
        var contract = await ActiveAsync(portal);

        var details = await (await portal.AsAsync<AgencyRegistry>("kerman.review")).FindAsync(contract.AgencyId);
        Assert.True(details!.Readiness.ContractSigned);
        Assert.Equal(ContractStatus.Active, contract.Status);
    }

    [Fact]
    public async Task SignedScan_Uploaded_IsCheckedByContent()
    {
        var scans = await portal.AsAsync<ContractScans>("kerman.review");
        var contract = await IssuedAsync(portal);

        var refused = await Assert.ThrowsAsync<DomainException>(() => scans.RecordSignedScanAsync(contract.Id, new MemoryStream("not a scan"u8.ToArray())));
        Assert.Equal("Contract.ScanType", refused.Key);
        Assert.Equal(ContractStatus.Issued, (await ContractAsync(portal, contract.Id)).Status);

        await scans.RecordSignedScanAsync(contract.Id, new MemoryStream(SampleScan));
        var signed = await ContractAsync(portal, contract.Id);
        Assert.Equal(ContractStatus.Signed, signed.Status);
        Assert.Equal(FileKind.Png, signed.ScanKind);
    }

    [Fact]
    public async Task Renewal_RefersToTheOldContract_AndIsItsOnlyRenewal()
    {
        var drafting = await portal.AsAsync<ContractDrafting>("kerman.review");
        var queries = await portal.AsAsync<ContractQueries>("kerman.review");
        var old = await ActiveAsync(portal);

        var renewal = await drafting.RenewAsync(old.Id, Terms with { StartsOn = old.EndsOn.AddDays(1) });

        Assert.Equal(old.Id, (await ContractAsync(portal, renewal)).RenewsId);
        Assert.Equal(renewal, (await queries.FindAsync(old.Id))!.RenewedById);
        await Assert.ThrowsAsync<DomainException>(() => drafting.RenewAsync(old.Id, Terms));
    }

    [Fact]
    public async Task Renewal_IsActivatedAheadOfTime_ButAnOverlappingContractIsNot()
    {
        var drafting = await portal.AsAsync<ContractDrafting>("kerman.review");
        var issuing = await portal.AsAsync<ContractIssuing>("kerman.review");
        var scans = await portal.AsAsync<ContractScans>("kerman.review");
        var inForce = await portal.AsAsync<ContractInForce>("kerman.review");
        var old = await ActiveAsync(portal);
        var renewal = await drafting.RenewAsync(old.Id, Terms with { StartsOn = old.EndsOn.AddDays(1) });
        await issuing.IssueAsync(renewal, (await ContractAsync(portal, renewal)).Version);
        await scans.RecordSignedScanAsync(renewal, new MemoryStream(SampleScan));

        await inForce.ActivateAsync(renewal, (await ContractAsync(portal, renewal)).Version);

        Assert.Equal(ContractStatus.Active, (await ContractAsync(portal, renewal)).Status);
        var overlapping = await drafting.RenewAsync(renewal, Terms with { StartsOn = old.EndsOn });
        await issuing.IssueAsync(overlapping, (await ContractAsync(portal, overlapping)).Version);
        await scans.RecordSignedScanAsync(overlapping, new MemoryStream(SampleScan));
        var refused = await Assert.ThrowsAsync<DomainException>(async () => await inForce.ActivateAsync(overlapping, (await ContractAsync(portal, overlapping)).Version));
        Assert.Equal("Contract.AlreadyActive", refused.Key);
    }

    [Fact]
    public async Task Terminate_RecordsTheReason_AndTheStepIsNoLongerMet()
    {
        var inForce = await portal.AsAsync<ContractInForce>("kerman.review");
        var contract = await ActiveAsync(portal);

        await inForce.TerminateAsync(contract.Id, contract.Version, "عدم رعایت مهلت ارسال آمار");

        var terminated = await ContractAsync(portal, contract.Id);
        Assert.Equal(ContractStatus.Terminated, terminated.Status);
        Assert.Equal("kerman.review", terminated.TerminatedBy);
        Assert.False((await (await portal.AsAsync<AgencyRegistry>("kerman.review")).FindAsync(contract.AgencyId))!.Readiness.ContractSigned);
    }

    [Fact]
    public async Task ExpiryRun_EndsActiveContractsPastTheirLastDay_Only()
    {
        var due = await ActiveAsync(portal);
        var current = await ActiveAsync(portal);
        await using var db = Acting.SystemDb(portal);

        var expired = await ContractExpiry.ExpireDueAsync(db, due.EndsOn.AddDays(1));

        Assert.True(expired >= 2); // every active contract of these terms ends the same day
        Assert.Equal(ContractStatus.Expired, (await ContractAsync(portal, due.Id)).Status);
        Assert.Equal(0, await ContractExpiry.ExpireDueAsync(db, current.EndsOn));
    }
}
