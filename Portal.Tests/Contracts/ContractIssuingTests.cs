using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Contracts;
using static Portal.Tests.Contracts.ContractsArrange;

namespace Portal.Tests.Contracts;

/// <summary>Drafting and issuing, one contract at a time or a batch, through the review office's services on a real SQLite file and the real PDF engine.</summary>
public sealed class ContractIssuingTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Issue_NumbersTheContract_AndStoresItsPdfByHash()
    {
        var contract = await IssuedAsync(portal);

        Assert.Equal(ContractStatus.Issued, contract.Status);
        Assert.Matches(@"^08-\d{4}-\d{5}$", contract.Number);
        Assert.Equal(1, (await TemplateVersionAsync(contract)));
        await using var pdf = (await portal.Services.GetRequiredService<IFileStore>().OpenReadAsync(contract.PdfSha256!))!;
        var bytes = new MemoryStream();
        await pdf.CopyToAsync(bytes);
        Assert.Equal(contract.PdfSha256, Sha256(bytes.ToArray()));
        Assert.Equal(FileKind.Pdf, FileSignature.Detect(bytes));
    }

    [Fact]
    public async Task ConcurrentIssues_InOneProvince_NeverShareANumber()
    {
        var ids = new List<int>();
        for (var i = 0; i < 6; i++)
            ids.Add(await (await portal.AsAsync<ContractDrafting>("kerman.review")).DraftAsync(await KermanAgencyAsync(portal), Terms));

        // Each issue on its own service and context, all at once: they read the same "next number".
        await Task.WhenAll(ids.Select(async id =>
            await (await portal.AsAsync<ContractIssuing>("kerman.review")).IssueAsync(id, (await ContractAsync(portal, id)).Version)));

        await using var db = Acting.SystemDb(portal);
        var numbers = await db.Contracts.Where(c => ids.Contains(c.Id)).Select(c => c.Number).ToListAsync();
        Assert.Equal(6, numbers.Count(n => n != null));
        Assert.Equal(6, numbers.Distinct().Count());
    }

    [Fact]
    public async Task IssuingTheSameDraftTwice_FromTwoPages_IssuesItOnce()
    {
        var drafting = await portal.AsAsync<ContractDrafting>("kerman.review");
        var issuing = await portal.AsAsync<ContractIssuing>("kerman.review");
        var id = await drafting.DraftAsync(await KermanAgencyAsync(portal), Terms);
        var version = (await ContractAsync(portal, id)).Version;

        await issuing.IssueAsync(id, version);
        var second = await Assert.ThrowsAsync<DomainException>(() => issuing.IssueAsync(id, version));

        Assert.Equal("Contract.ChangedMeanwhile", second.Key);
    }

    private static readonly ContractTerms EndedTerms = new(new JalaliDate(1403, 12, 30).ToDateOnly(), 12, 1_500_000);

    [Fact]
    public async Task Issue_OfAContractWhoseTermHasEnded_IsRefusedWithoutAReason_AndTakesNoNumber()
    {
        var drafting = await portal.AsAsync<ContractDrafting>("kerman.review");
        var issuing = await portal.AsAsync<ContractIssuing>("kerman.review");
        var id = await drafting.DraftAsync(await KermanAgencyAsync(portal), EndedTerms);

        var refused = await Assert.ThrowsAsync<DomainException>(async () => await issuing.IssueAsync(id, (await ContractAsync(portal, id)).Version));
        Assert.Equal("Contract.EndsInPast", refused.Key);
        var draft = await ContractAsync(portal, id);
        Assert.Equal(ContractStatus.Draft, draft.Status);
        Assert.Null(draft.Number);

        await issuing.IssueAsync(id, draft.Version, "قرارداد دوره گذشته برای تسویه حساب");
        var issued = await ContractAsync(portal, id);
        Assert.Equal(ContractStatus.Issued, issued.Status);
        Assert.Equal("قرارداد دوره گذشته برای تسویه حساب", issued.LateIssueReason);
        await using var db = Acting.SystemDb(portal);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(Contract) && a.Key == id.ToString() && a.Changes.Contains("LateIssueReason")));
    }

    [Fact]
    public async Task Draft_WithAnOutOfRangeFee_IsRefused_AndNothingIsSaved()
    {
        var drafting = await portal.AsAsync<ContractDrafting>("kerman.review");
        var agency = await KermanAgencyAsync(portal);

        var refused = await Assert.ThrowsAsync<DomainException>(() => drafting.DraftAsync(agency, Terms with { FeePerFile = 0 }));
        Assert.Equal("Contract.FeeRange", refused.Key);
        await using var db = Acting.SystemDb(portal);
        Assert.False(await db.Contracts.AnyAsync(c => c.AgencyId == agency));
    }

    [Fact]
    public async Task Batch_IssuesEveryTrainedAgencyWithoutAContract_InOneGroup()
    {
        var trained = new[] { await KermanAgencyAsync(portal, trained: true), await KermanAgencyAsync(portal, trained: true) };
        var untrained = await KermanAgencyAsync(portal);
        var batchIssuing = await portal.AsAsync<ContractBatchIssuing>("kerman.review");
        var downloads = await portal.AsAsync<ContractDownloads>("kerman.review");
        var reports = new List<ContractBatchIssuing.BatchProgress>();

        var result = await batchIssuing.IssueBatchAsync(Terms, new SynchronousProgress(reports.Add));

        await using var db = Acting.SystemDb(portal);
        var batch = await db.Contracts.Where(c => c.BatchId == result.BatchId).ToListAsync();
        Assert.Superset(trained.ToHashSet(), batch.Select(c => c.AgencyId).ToHashSet());
        Assert.DoesNotContain(batch, c => c.AgencyId == untrained);
        Assert.All(batch, c => Assert.Equal(ContractStatus.Issued, c.Status));
        Assert.Equal(result.Issued, reports.Last().Done);
        Assert.Equal(0, await batchIssuing.BatchCandidateCountAsync());
        Assert.Equal(batch.Count, (await downloads.BatchFilesAsync(result.BatchId)).Count);
    }

    /// <summary>1403/12/30 for 12 months: ended 1404/12/28, before today.</summary>

    [Fact]
    public async Task Batch_WithTermsThatHaveEnded_IsRefused_AndADraftThatHasEndedIsSkippedAndListed()
    {
        var batchIssuing = await portal.AsAsync<ContractBatchIssuing>("kerman.review");
        var drafting = await portal.AsAsync<ContractDrafting>("kerman.review");
        var issuing = await portal.AsAsync<ContractIssuing>("kerman.review");
        var refused = await Assert.ThrowsAsync<DomainException>(() => batchIssuing.IssueBatchAsync(EndedTerms));
        Assert.Equal("Contract.BatchEndsInPast", refused.Key);

        var agency = await KermanAgencyAsync(portal, trained: true);
        var draftId = await drafting.DraftAsync(agency, EndedTerms);
        var result = await batchIssuing.IssueBatchAsync(Terms);

        var code = (await Acting.SystemDb(portal).Agencies.SingleAsync(a => a.Id == agency)).Code;
        Assert.Contains(result.Failures, f => f.AgencyCode == code && f.Message == DomainException.Of("Contract.EndsInPast", "۱۴۰۴/۱۲/۲۸").Message);
        Assert.Equal(ContractStatus.Draft, (await ContractAsync(portal, draftId)).Status);
        // Issued on its own page with a reason, it leaves the batch's list.
        await issuing.IssueAsync(draftId, (await ContractAsync(portal, draftId)).Version, "پرداخت دوره گذشته");
        Assert.Equal(0, await batchIssuing.BatchCandidateCountAsync());
    }

    [Fact]
    public async Task NewTemplateVersion_IsUsedByNewContracts_OldOnesKeepTheirs()
    {
        var before = await IssuedAsync(portal);
        var templates = await portal.AsAsync<ContractTemplates>("admin");
        var body = (await templates.FindAsync())!.Body + "\n## ماده افزوده\nمتن تازه با {{نام کارگزاری}}";

        var version = await templates.SaveAsync(body, "افزودن ماده");
        var after = await IssuedAsync(portal);

        Assert.True(version.IsValid);
        Assert.Equal(await TemplateVersionAsync(before) + 1, await TemplateVersionAsync(after));
        Assert.DoesNotContain("ماده افزوده", before.Text);
        Assert.Contains("ماده افزوده", after.Text);
        var counts = await templates.VersionsAsync();
        Assert.Contains(counts, v => v.Version == version.Value && v.Contracts >= 1);
    }

    [Fact]
    public async Task TemplateVersion_SavedByAReviewOffice_IsRefused() =>
        await Assert.ThrowsAsync<DomainException>(async () =>
            await (await portal.AsAsync<ContractTemplates>("kerman.review")).SaveAsync("## موضوع\nمتن", null));

    private async Task<int> TemplateVersionAsync(Contract contract)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.ContractTemplates.Where(t => t.Id == contract.TemplateId).Select(t => t.Version).SingleAsync();
    }

    private sealed class SynchronousProgress(Action<ContractBatchIssuing.BatchProgress> report) : IProgress<ContractBatchIssuing.BatchProgress>
    {
        public void Report(ContractBatchIssuing.BatchProgress value) => report(value);
    }
}
