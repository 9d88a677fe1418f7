using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Contracts;
using static Portal.Tests.Contracts.ContractsArrange;

namespace Portal.Tests.Contracts;

/// <summary>The contract lifecycle through the review office's service, on a real SQLite file and the real PDF engine.</summary>
public sealed class ContractOfficeTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
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
        await using var pdf = portal.Services.GetRequiredService<IFileStore>().OpenRead(contract.PdfSha256!)!;
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
            ids.Add(await (await portal.AsAsync<ContractOffice>("kerman.review")).DraftAsync(await KermanAgencyAsync(portal), Terms));

        // Each issue on its own service and context, all at once: they read the same "next number".
        await Task.WhenAll(ids.Select(async id =>
            await (await portal.AsAsync<ContractOffice>("kerman.review")).IssueAsync(id, (await ContractAsync(portal, id)).Version)));

        await using var db = Acting.SystemDb(portal);
        var numbers = await db.Contracts.Where(c => ids.Contains(c.Id)).Select(c => c.Number).ToListAsync();
        Assert.Equal(6, numbers.Count(n => n != null));
        Assert.Equal(6, numbers.Distinct().Count());
    }

    [Fact]
    public async Task IssuingTheSameDraftTwice_FromTwoPages_IssuesItOnce()
    {
        var office = await portal.AsAsync<ContractOffice>("kerman.review");
        var id = await office.DraftAsync(await KermanAgencyAsync(portal), Terms);
        var version = (await ContractAsync(portal, id)).Version;

        await office.IssueAsync(id, version);
        var second = await Assert.ThrowsAsync<DomainException>(() => office.IssueAsync(id, version));

        Assert.Equal("Contract.ChangedMeanwhile", second.Key);
    }

    [Fact]
    public async Task ReviewOffice_CannotDraftForAnotherProvincesAgency_NorReadItsContract()
    {
        var golestanAgency = await Acting.AgencyIdAsync(portal, "AG-27002");
        var kerman = await portal.AsAsync<ContractOffice>("kerman.review");
        await Assert.ThrowsAsync<DomainException>(() => kerman.DraftAsync(golestanAgency, Terms));

        var golestanContract = await (await portal.AsAsync<ContractOffice>("golestan.review")).DraftAsync(golestanAgency, Terms);
        Assert.Null(await kerman.FindAsync(golestanContract));
        Assert.Null(await kerman.OpenPdfAsync(golestanContract));
        await Assert.ThrowsAsync<DomainException>(() => kerman.TerminateAsync(golestanContract, Guid.Empty, "دلیل"));
    }

    [Fact]
    public async Task AgencyManager_ReadsOwnContracts_NotOthers_AndItsDataEntryUserNone()
    {
        var office = await portal.AsAsync<ContractOffice>("kerman.review");
        var own = await office.DraftAsync(await Acting.AgencyIdAsync(portal, "AG-08001"), Terms);
        var other = await office.DraftAsync(await KermanAgencyAsync(portal), Terms);

        var manager = await portal.AsAsync<ContractOffice>("kerman.agency.manager");
        Assert.NotNull(await manager.FindAsync(own));
        Assert.Null(await manager.FindAsync(other));
        Assert.False((await manager.FindAsync(own))!.CanManage);
        Assert.DoesNotContain((await manager.ListAsync(new(), 0, 100)).Rows, r => r.Id == other);
        await Assert.ThrowsAsync<DomainException>(() => manager.IssueAsync(own, Guid.Empty));

        var user = await portal.AsAsync<ContractOffice>("kerman.agency.user");
        Assert.Null(await user.FindAsync(own));
        Assert.Empty((await user.ListAsync(new(), 0, 100)).Rows);
    }

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
        var office = await portal.AsAsync<ContractOffice>("kerman.review");
        var contract = await IssuedAsync(portal);

        var refused = await Assert.ThrowsAsync<DomainException>(() => office.RecordSignedScanAsync(contract.Id, new MemoryStream("not a scan"u8.ToArray())));
        Assert.Equal("Contract.ScanType", refused.Key);
        Assert.Equal(ContractStatus.Issued, (await ContractAsync(portal, contract.Id)).Status);

        await office.RecordSignedScanAsync(contract.Id, new MemoryStream(SampleScan));
        var signed = await ContractAsync(portal, contract.Id);
        Assert.Equal(ContractStatus.Signed, signed.Status);
        Assert.Equal(FileKind.Png, signed.ScanKind);
    }

    [Fact]
    public async Task Renewal_RefersToTheOldContract_AndIsItsOnlyRenewal()
    {
        var office = await portal.AsAsync<ContractOffice>("kerman.review");
        var old = await ActiveAsync(portal);

        var renewal = await office.RenewAsync(old.Id, Terms with { StartsOn = old.EndsOn.AddDays(1) });

        Assert.Equal(old.Id, (await ContractAsync(portal, renewal)).RenewsId);
        Assert.Equal(renewal, (await office.FindAsync(old.Id))!.RenewedById);
        await Assert.ThrowsAsync<DomainException>(() => office.RenewAsync(old.Id, Terms));
    }

    [Fact]
    public async Task Renewal_IsActivatedAheadOfTime_ButAnOverlappingContractIsNot()
    {
        var office = await portal.AsAsync<ContractOffice>("kerman.review");
        var old = await ActiveAsync(portal);
        var renewal = await office.RenewAsync(old.Id, Terms with { StartsOn = old.EndsOn.AddDays(1) });
        await office.IssueAsync(renewal, (await ContractAsync(portal, renewal)).Version);
        await office.RecordSignedScanAsync(renewal, new MemoryStream(SampleScan));

        await office.ActivateAsync(renewal, (await ContractAsync(portal, renewal)).Version);

        Assert.Equal(ContractStatus.Active, (await ContractAsync(portal, renewal)).Status);
        var overlapping = await office.RenewAsync(renewal, Terms with { StartsOn = old.EndsOn });
        await office.IssueAsync(overlapping, (await ContractAsync(portal, overlapping)).Version);
        await office.RecordSignedScanAsync(overlapping, new MemoryStream(SampleScan));
        var refused = await Assert.ThrowsAsync<DomainException>(async () => await office.ActivateAsync(overlapping, (await ContractAsync(portal, overlapping)).Version));
        Assert.Equal("Contract.AlreadyActive", refused.Key);
    }

    [Fact]
    public async Task Terminate_RecordsTheReason_AndTheStepIsNoLongerMet()
    {
        var office = await portal.AsAsync<ContractOffice>("kerman.review");
        var contract = await ActiveAsync(portal);

        await office.TerminateAsync(contract.Id, contract.Version, "عدم رعایت مهلت ارسال آمار");

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

        var expired = await ContractOffice.ExpireDueAsync(db, due.EndsOn.AddDays(1));

        Assert.True(expired >= 2); // every active contract of these terms ends the same day
        Assert.Equal(ContractStatus.Expired, (await ContractAsync(portal, due.Id)).Status);
        Assert.Equal(0, await ContractOffice.ExpireDueAsync(db, current.EndsOn));
    }

    [Fact]
    public async Task Batch_IssuesEveryTrainedAgencyWithoutAContract_InOneGroup()
    {
        var trained = new[] { await KermanAgencyAsync(portal, trained: true), await KermanAgencyAsync(portal, trained: true) };
        var untrained = await KermanAgencyAsync(portal);
        var office = await portal.AsAsync<ContractOffice>("kerman.review");
        var reports = new List<ContractOffice.BatchProgress>();

        var result = await office.IssueBatchAsync(Terms, new SynchronousProgress(reports.Add));

        await using var db = Acting.SystemDb(portal);
        var batch = await db.Contracts.Where(c => c.BatchId == result.BatchId).ToListAsync();
        Assert.Superset(trained.ToHashSet(), batch.Select(c => c.AgencyId).ToHashSet());
        Assert.DoesNotContain(batch, c => c.AgencyId == untrained);
        Assert.All(batch, c => Assert.Equal(ContractStatus.Issued, c.Status));
        Assert.Equal(result.Issued, reports.Last().Done);
        Assert.Equal(0, await office.BatchCandidateCountAsync());
        Assert.Equal(batch.Count, (await office.BatchFilesAsync(result.BatchId)).Count);
    }

    /// <summary>1403/12/30 for 12 months: ended 1404/12/28, before today.</summary>
    private static readonly ContractTerms EndedTerms = new(new JalaliDate(1403, 12, 30).ToDateOnly(), 12, 1_500_000);

    [Fact]
    public async Task Issue_OfAContractWhoseTermHasEnded_IsRefusedWithoutAReason_AndTakesNoNumber()
    {
        var office = await portal.AsAsync<ContractOffice>("kerman.review");
        var id = await office.DraftAsync(await KermanAgencyAsync(portal), EndedTerms);

        var refused = await Assert.ThrowsAsync<DomainException>(async () => await office.IssueAsync(id, (await ContractAsync(portal, id)).Version));
        Assert.Equal("Contract.EndsInPast", refused.Key);
        var draft = await ContractAsync(portal, id);
        Assert.Equal(ContractStatus.Draft, draft.Status);
        Assert.Null(draft.Number);

        await office.IssueAsync(id, draft.Version, "قرارداد دوره گذشته برای تسویه حساب");
        var issued = await ContractAsync(portal, id);
        Assert.Equal(ContractStatus.Issued, issued.Status);
        Assert.Equal("قرارداد دوره گذشته برای تسویه حساب", issued.LateIssueReason);
        await using var db = Acting.SystemDb(portal);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(Contract) && a.Key == id.ToString() && a.Changes.Contains("LateIssueReason")));
    }

    [Fact]
    public async Task Draft_WithAnOutOfRangeFee_IsRefused_AndNothingIsSaved()
    {
        var office = await portal.AsAsync<ContractOffice>("kerman.review");
        var agency = await KermanAgencyAsync(portal);

        var refused = await Assert.ThrowsAsync<DomainException>(() => office.DraftAsync(agency, Terms with { FeePerFile = 0 }));
        Assert.Equal("Contract.FeeRange", refused.Key);
        await using var db = Acting.SystemDb(portal);
        Assert.False(await db.Contracts.AnyAsync(c => c.AgencyId == agency));
    }

    [Fact]
    public async Task Batch_WithTermsThatHaveEnded_IsRefused_AndADraftThatHasEndedIsSkippedAndListed()
    {
        var office = await portal.AsAsync<ContractOffice>("kerman.review");
        var refused = await Assert.ThrowsAsync<DomainException>(() => office.IssueBatchAsync(EndedTerms));
        Assert.Equal("Contract.BatchEndsInPast", refused.Key);

        var agency = await KermanAgencyAsync(portal, trained: true);
        var draftId = await office.DraftAsync(agency, EndedTerms);
        var result = await office.IssueBatchAsync(Terms);

        var code = (await Acting.SystemDb(portal).Agencies.SingleAsync(a => a.Id == agency)).Code;
        Assert.Contains(result.Failures, f => f.AgencyCode == code && f.Message == DomainException.Of("Contract.EndsInPast", "۱۴۰۴/۱۲/۲۸").Message);
        Assert.Equal(ContractStatus.Draft, (await ContractAsync(portal, draftId)).Status);
        // Issued on its own page with a reason, it leaves the batch's list.
        await office.IssueAsync(draftId, (await ContractAsync(portal, draftId)).Version, "پرداخت دوره گذشته");
        Assert.Equal(0, await office.BatchCandidateCountAsync());
    }

    [Fact]
    public async Task Verification_SaysNumberStatusAgencyAndDates_ForTheQrCodeOnly()
    {
        var contract = await IssuedAsync(portal);
        var office = await portal.AsAsync<ContractOffice>("kerman.review");

        var verified = await office.VerifyAsync(contract.VerificationCode!.ToLowerInvariant());

        Assert.Equal(contract.Number, verified!.Number);
        Assert.Equal(ContractStatus.Issued, verified.Status);
        Assert.StartsWith("کارگزاری آزمون", verified.AgencyName);
        Assert.Null(await office.VerifyAsync("ABCDEFGHJKLMNPQ2"));
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

    private sealed class SynchronousProgress(Action<ContractOffice.BatchProgress> report) : IProgress<ContractOffice.BatchProgress>
    {
        public void Report(ContractOffice.BatchProgress value) => report(value);
    }
}
