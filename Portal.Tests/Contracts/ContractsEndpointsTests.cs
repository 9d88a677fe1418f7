using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Portal.Domain.Contracts;
using static Portal.Tests.Contracts.ContractsArrange;

namespace Portal.Tests.Contracts;

/// <summary>Contract files over HTTP: scope by id, the served bytes against the stored hash, the public verification page.</summary>
public sealed class ContractsEndpointsTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>An issued contract of Kerman's demo agency AG-08001 (kerman.agency.manager's own).</summary>
    private async Task<Contract> OwnAgencysContractAsync()
    {
        var queries = await portal.AsAsync<ContractQueries>("kerman.review");
        var drafting = await portal.AsAsync<ContractDrafting>("kerman.review");
        var issuing = await portal.AsAsync<ContractIssuing>("kerman.review");
        var existing = (await queries.ListAsync(new ContractQueries.Filter(AgencyId: await Acting.AgencyIdAsync(portal, "AG-08001")), 0, 1)).Rows;
        if (existing.Count > 0) return await ContractAsync(portal, existing[0].Id);
        var id = await drafting.DraftAsync(await Acting.AgencyIdAsync(portal, "AG-08001"), Terms);
        await issuing.IssueAsync(id, (await ContractAsync(portal, id)).Version);
        return await ContractAsync(portal, id);
    }

    [Fact]
    public async Task AgencyManager_DownloadsOwnContract_AndTheBytesMatchTheStoredHash()
    {
        var contract = await OwnAgencysContractAsync();
        var manager = await PortalFactory.SignedInClientAsync(portal, "kerman.agency.manager");

        var response = await manager.GetAsync($"/contracts/{contract.Id}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{contract.Number}.pdf", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(contract.PdfSha256, Sha256(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task AnotherAgencysManager_GetsNotFound_ByIdInTheUrl()
    {
        var contract = await OwnAgencysContractAsync();
        var golestan = await PortalFactory.SignedInClientAsync(portal, "golestan.agency.manager");

        Assert.Equal(HttpStatusCode.NotFound, (await golestan.GetAsync($"/contracts/{contract.Id}/pdf")).StatusCode);
        var page = await golestan.GetStringAsync($"/contracts/{contract.Id}");
        Assert.Contains("contract-not-found", page);
        Assert.DoesNotContain(contract.Number!, page);
    }

    [Fact]
    public async Task ContractPdf_AgencyDataEntryUser_IsForbidden()
    {
        var contract = await OwnAgencysContractAsync();
        var user = await PortalFactory.SignedInClientAsync(portal, "kerman.agency.user");

        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync($"/contracts/{contract.Id}/pdf")).StatusCode);
    }

    [Fact]
    public async Task ContractsPages_NobodySignedIn_AreSentToSignIn()
    {
        var contract = await OwnAgencysContractAsync();
        var response = await portal.Client().GetAsync($"/contracts/{contract.Id}/pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task VerificationPage_IsPublic_AndShowsNoIdsOrAmounts()
    {
        var contract = await OwnAgencysContractAsync();
        var anonymous = portal.Client();

        var response = await anonymous.GetAsync($"/verify/{contract.VerificationCode}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(contract.Number!, page);
        Assert.Contains("data-testid=\"verify-found\"", page);
        await using var db = Acting.SystemDb(portal);
        var agency = db.Agencies.Single(a => a.Id == contract.AgencyId);
        Assert.DoesNotContain(agency.ManagerNationalId, page);
        Assert.DoesNotContain(Regex.Replace(contract.FeePerFile.ToString("N0"), ",", "٬"), Portal.Domain.Common.TextNormalizer.ToPersianDigits(page));
        Assert.Contains("verify-unknown", await anonymous.GetStringAsync("/verify/ABCDEFGHJKLMNPQ2"));
    }

    [Fact]
    public async Task SignedScan_UploadedByTheReviewOffice_IsServedBack_ButAManagerCannotUpload()
    {
        var contract = await IssuedAsync(portal);
        var review = await PortalFactory.SignedInClientAsync(portal, "kerman.review");

        var response = await UploadScanAsync(review, contract.Id, SampleScan);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/contracts/{contract.Id}", response.Headers.Location!.OriginalString);
        var scan = await review.GetAsync($"/contracts/{contract.Id}/signed");
        Assert.Equal("image/png", scan.Content.Headers.ContentType!.MediaType);
        Assert.Equal(SampleScan, await scan.Content.ReadAsByteArrayAsync());

        var manager = await PortalFactory.SignedInClientAsync(portal, "kerman.agency.manager");
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadScanAsync(manager, contract.Id, SampleScan, pageUrl: "/contracts")).StatusCode);
    }

    [Fact]
    public async Task ScanUpload_WrongFileType_ComesBackAsAPersianMessageOnThePage()
    {
        var contract = await IssuedAsync(portal);
        var review = await PortalFactory.SignedInClientAsync(portal, "kerman.review");

        var response = await UploadScanAsync(review, contract.Id, "%!PS-Adobe not a pdf"u8.ToArray());

        var location = response.Headers.Location!.OriginalString;
        Assert.Equal($"/contracts/{contract.Id}?error=Contract.ScanType", location);
        Assert.Contains("PDF، JPEG یا PNG", await review.GetStringAsync(location));
    }

    [Fact]
    public async Task BatchZip_HoldsEachContractPdf_NamedByNumber()
    {
        await KermanAgencyAsync(portal, trained: true);
        var result = await (await portal.AsAsync<ContractBatchIssuing>("kerman.review")).IssueBatchAsync(Terms);
        var review = await PortalFactory.SignedInClientAsync(portal, "kerman.review");

        var response = await review.GetAsync($"/contracts/batches/{result.BatchId}/zip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal(result.Issued, zip.Entries.Count);
        Assert.All(zip.Entries, e => Assert.Matches(@"^08-\d{4}-\d{5}\.pdf$", e.Name));
        var golestan = await PortalFactory.SignedInClientAsync(portal, "golestan.review");
        Assert.Equal(HttpStatusCode.NotFound, (await golestan.GetAsync($"/contracts/batches/{result.BatchId}/zip")).StatusCode);
    }

    [Fact]
    public async Task TemplatePreview_AnswersAPdf_OrTheProblemInTheText()
    {
        var admin = await PortalFactory.SignedInClientAsync(portal, "admin");
        var page = await admin.GetStringAsync("/contracts/templates");
        var token = Regex.Match(Regex.Match(page, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*>").Value, "value=\"([^\"]+)\"").Groups[1].Value;

        var good = await admin.PostAsync("/contracts/templates/preview", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["body"] = "## موضوع\n- پذیرش اسناد {{نام کارگزاری}}", ["__RequestVerificationToken"] = token }));
        var bad = await admin.PostAsync("/contracts/templates/preview", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["body"] = "## موضوع\n{{نام مدیر}}", ["__RequestVerificationToken"] = token }));

        Assert.Equal("application/pdf", good.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("نام مدیر", await bad.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> UploadScanAsync(HttpClient client, int id, byte[] content, string? pageUrl = null)
    {
        var page = await client.GetStringAsync(pageUrl ?? $"/contracts/{id}");
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "scan.pdf");
        var input = Regex.Match(page, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*>").Value;
        form.Add(new StringContent(Regex.Match(input, "value=\"([^\"]+)\"").Groups[1].Value), "__RequestVerificationToken");
        return await client.PostAsync($"/contracts/{id}/signed", form);
    }
}
