using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Contracts;
using static Portal.Tests.Contracts.ContractsArrange;

namespace Portal.Tests.Contracts;

/// <summary>Who reads which contract, and what the public verification page says.</summary>
public sealed class ContractQueriesTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReviewOffice_CannotDraftForAnotherProvincesAgency_NorReadItsContract()
    {
        var golestanAgency = await Acting.AgencyIdAsync(portal, "AG-27002");
        var kermanDrafting = await portal.AsAsync<ContractDrafting>("kerman.review");
        var kermanQueries = await portal.AsAsync<ContractQueries>("kerman.review");
        var kermanDownloads = await portal.AsAsync<ContractDownloads>("kerman.review");
        var kermanInForce = await portal.AsAsync<ContractInForce>("kerman.review");
        await Assert.ThrowsAsync<DomainException>(() => kermanDrafting.DraftAsync(golestanAgency, Terms));

        var golestanContract = await (await portal.AsAsync<ContractDrafting>("golestan.review")).DraftAsync(golestanAgency, Terms);
        Assert.Null(await kermanQueries.FindAsync(golestanContract));
        Assert.Null(await kermanDownloads.OpenPdfAsync(golestanContract));
        await Assert.ThrowsAsync<DomainException>(() => kermanInForce.TerminateAsync(golestanContract, Guid.Empty, "دلیل"));
    }

    [Fact]
    public async Task AgencyManager_ReadsOwnContracts_NotOthers_AndItsDataEntryUserNone()
    {
        var drafting = await portal.AsAsync<ContractDrafting>("kerman.review");
        var own = await drafting.DraftAsync(await Acting.AgencyIdAsync(portal, "AG-08001"), Terms);
        var other = await drafting.DraftAsync(await KermanAgencyAsync(portal), Terms);

        var manager = await portal.AsAsync<ContractQueries>("kerman.agency.manager");
        Assert.NotNull(await manager.FindAsync(own));
        Assert.Null(await manager.FindAsync(other));
        Assert.False((await manager.FindAsync(own))!.CanManage);
        Assert.DoesNotContain((await manager.ListAsync(new(), 0, 100)).Rows, r => r.Id == other);
        await Assert.ThrowsAsync<DomainException>(async () => await (await portal.AsAsync<ContractIssuing>("kerman.agency.manager")).IssueAsync(own, Guid.Empty));

        var user = await portal.AsAsync<ContractQueries>("kerman.agency.user");
        Assert.Null(await user.FindAsync(own));
        Assert.Empty((await user.ListAsync(new(), 0, 100)).Rows);
    }

    [Fact]
    public async Task Verification_SaysNumberStatusAgencyAndDates_ForTheQrCodeOnly()
    {
        var contract = await IssuedAsync(portal);
        // The public page: no one signed in.
        var verification = ActivatorUtilities.CreateInstance<ContractVerification>(portal.Services);

        var verified = await verification.VerifyAsync(contract.VerificationCode!.ToLowerInvariant());

        Assert.Equal(contract.Number, verified!.Number);
        Assert.Equal(ContractStatus.Issued, verified.Status);
        Assert.StartsWith("کارگزاری آزمون", verified.AgencyName);
        Assert.Null(await verification.VerifyAsync("ABCDEFGHJKLMNPQ2"));
    }
}
