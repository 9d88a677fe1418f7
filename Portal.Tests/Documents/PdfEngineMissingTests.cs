using System.Net;
using Portal.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Contracts;
using Portal.Domain.OffsetFiles;

namespace Portal.Tests.Documents;

/// <summary>A server without Chromium: contracts cannot be issued and say why in Persian; everything else works.</summary>
public sealed class PdfEngineMissingTests(PdfEngineMissingTests.NoChromiumPortal portal) : IClassFixture<PdfEngineMissingTests.NoChromiumPortal>, IAsyncLifetime
{
    private readonly PortalFactory _portal = portal;

    public async Task InitializeAsync() => await _portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    public sealed class NoChromiumPortal : PortalFactory
    {
        public NoChromiumPortal() => Settings["Pdf:ChromiumPath"] = "/nonexistent/chromium";
    }

    [Fact]
    public async Task Health_SaysDegraded_NotDown()
    {
        var response = await _portal.Client().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task IssuingAContract_SaysWhatToInstall_AndLeavesTheDraft()
    {
        var drafting = await _portal.AsAsync<ContractDrafting>("kerman.review");
        var issuing = await _portal.AsAsync<ContractIssuing>("kerman.review");
        var id = await drafting.DraftAsync(await Acting.AgencyIdAsync(_portal, "AG-08002"), Contracts.ContractsArrange.Terms);

        var refused = await Assert.ThrowsAsync<DomainException>(async () =>
            await issuing.IssueAsync(id, (await Contracts.ContractsArrange.ContractAsync(_portal, id)).Version));

        Assert.Contains("apt-get install -y chromium", refused.Message);
        Assert.Contains("Chromium", refused.Message);
        Assert.Equal(ContractStatus.Draft, (await Contracts.ContractsArrange.ContractAsync(_portal, id)).Status);
    }

    [Fact]
    public async Task OtherPages_WithoutChromium_StillWork()
    {
        var review = await PortalFactory.SignedInClientAsync(_portal, "kerman.review");

        Assert.Equal(HttpStatusCode.OK, (await review.GetAsync("/contracts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await review.GetAsync("/agencies")).StatusCode);
    }

    [Fact]
    public async Task SendingAnOffsetFile_SaysWhatToInstall_AndLeavesTheDraft()
    {
        await using var db = Acting.SystemDb(_portal);
        var draft = await db.OffsetFiles.Where(f => f.Title.Contains("کرمان") && f.Status == OffsetFileStatus.Draft).OrderBy(f => f.Id).FirstAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(async () => await (await _portal.AsAsync<OffsetDesk>("kerman.director")).SendAsync(draft.Id, draft.Version));

        Assert.Contains("apt-get install -y chromium", refused.Message);
        await using var check = Acting.SystemDb(_portal);
        Assert.Equal((OffsetFileStatus.Draft, (string?)null), await check.OffsetFiles.Where(f => f.Id == draft.Id).Select(f => ValueTuple.Create(f.Status, f.Number)).SingleAsync());
    }
}
