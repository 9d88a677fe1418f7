using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Documents;
using Portal.Domain.ElectronicFiles;
using Portal.Features.ElectronicFiles;
using static Portal.Tests.ElectronicFiles.ElectronicFilesArrange;

namespace Portal.Tests.ElectronicFiles;

/// <summary>The scanning staff's papers and the batch upload over HTTP: only the holding branch's files, only for those who scan.</summary>
public sealed class FilePapersEndpointsTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task AssertPdfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync(), 0, 4));
    }

    [Fact]
    public async Task Label_ForTheHoldingBranch_IsAPdf_OfferedOnTheFilePage()
    {
        var id = await RegisterAsync(portal);
        var staff = await PortalFactory.SignedInClientAsync(portal, Staff);

        Assert.Contains($"electronic-files/{id}/label.pdf", await staff.GetStringAsync($"/electronic-files/{id}"));
        await AssertPdfAsync(await staff.GetAsync($"/electronic-files/{id}/label.pdf"));
    }

    [Fact]
    public async Task Label_OfAnotherBranchsFile_IsNotFound_AndARoleThatDoesNotScanIsRefused()
    {
        var id = await RegisterAsync(portal);

        var golestan = await PortalFactory.SignedInClientAsync(portal, "golestan.branch.staff");
        Assert.Equal(HttpStatusCode.NotFound, (await golestan.GetAsync($"/electronic-files/{id}/label.pdf")).StatusCode);
        var treatment = await PortalFactory.SignedInClientAsync(portal, "kerman.treatment");
        Assert.DoesNotContain("label.pdf", await treatment.GetStringAsync($"/electronic-files/{id}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await treatment.GetAsync($"/electronic-files/{id}/label.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await treatment.GetAsync($"/electronic-files/labels.pdf?ids={id}")).StatusCode);
    }

    [Fact]
    public async Task LabelSheetAndCoverSheets_OfSelectedFiles_ArePdfs_OnlyOfTheFilesTheBranchHolds()
    {
        var first = await RegisterAsync(portal);
        var second = await RegisterAsync(portal);
        var staff = await PortalFactory.SignedInClientAsync(portal, Staff);

        await AssertPdfAsync(await staff.GetAsync($"/electronic-files/labels.pdf?ids={first},{second}"));
        var covers = await staff.GetAsync($"/electronic-files/cover-sheets.pdf?ids={first},{second}");
        await AssertPdfAsync(covers);
        var pages = await ScanArrange.ScannedAsync(await covers.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, pages.Count);

        var golestan = await PortalFactory.SignedInClientAsync(portal, "golestan.branch.staff");
        Assert.Equal(HttpStatusCode.NotFound, (await golestan.GetAsync($"/electronic-files/cover-sheets.pdf?ids={first},{second}")).StatusCode);
        // Among a selection, only the files the branch holds are printed.
        var theirs = await RegisterAsync(portal, "golestan.branch.staff");
        var mixed = await staff.GetAsync($"/electronic-files/cover-sheets.pdf?ids={first},{theirs}");
        await AssertPdfAsync(mixed);
        Assert.Single(await ScanArrange.ScannedAsync(await mixed.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/electronic-files/labels.pdf?ids=1,x")).StatusCode);
    }

    [Fact]
    public async Task Papers_ForMoreThanTheLimit_AreRefusedInPersian()
    {
        var staff = await PortalFactory.SignedInClientAsync(portal, Staff);
        var ids = string.Join(',', Enumerable.Range(1, FilePaperDesk.MaxFiles + 1));

        var response = await staff.GetAsync($"/electronic-files/labels.pdf?ids={ids}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("حداکثر ۲۴۰ پرونده", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task QueuePage_OffersTheScanningStaffThePapersAndTheBatchPage()
    {
        var staff = await PortalFactory.SignedInClientAsync(portal, Staff);
        var queue = await staff.GetStringAsync("/electronic-files");
        Assert.Contains("queue-papers", queue);
        Assert.Contains("electronic-files/batch", queue);

        var treatment = await PortalFactory.SignedInClientAsync(portal, "kerman.treatment");
        var theirs = await treatment.GetStringAsync("/electronic-files");
        Assert.DoesNotContain("queue-papers", theirs);
        Assert.DoesNotContain("electronic-files/batch", theirs);
        Assert.NotEqual(HttpStatusCode.OK, (await treatment.GetAsync("/electronic-files/batch")).StatusCode);
    }

    [Fact]
    public async Task BatchUpload_ShowsItsFilesAndErrors_BeforeAnythingIsAdded()
    {
        var id = await RegisterAsync(portal);
        var number = (await FileAsync(portal, id)).Number;
        var papers = new ElectronicFilePapers(portal.Services.GetRequiredService<DocumentPrinter>());
        var covers = await ScanArrange.ScannedAsync(await papers.CoverSheetsAsync([new CoverSheet(number, "مریم احمدی", "0012345679"), new CoverSheet("BR-08-01-999998", "ناشناس", "0012345679")]));
        var batch = ScanArrange.Pdf([covers[0], ScanArrange.Page(1), ScanArrange.Page(2), covers[1], ScanArrange.Page(3)]);
        var staff = await PortalFactory.SignedInClientAsync(portal, Staff);

        var response = await UploadBatchAsync(staff, batch);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches("^/electronic-files/batch\\?id=[0-9a-f]{32}$", response.Headers.Location!.OriginalString);
        var page = await staff.GetStringAsync(response.Headers.Location.OriginalString);
        Assert.Contains(number, page);
        Assert.Contains("BR-08-01-999998", page);
        Assert.Contains("پرونده‌ای با این شماره در دسترس شما نیست", page);
        Assert.Contains("batch-blocked", page);
        Assert.DoesNotContain("batch-add", page);
        await using var db = Acting.SystemDb(portal);
        Assert.False(await db.ScannedDocuments.AnyAsync(d => d.FileId == id));
    }

    [Fact]
    public async Task BatchUpload_OfAnImage_ComesBackWithThePersianRefusal()
    {
        var staff = await PortalFactory.SignedInClientAsync(portal, Staff);

        var response = await UploadBatchAsync(staff, ScanArrange.Png(ScanArrange.Page(1)));

        Assert.Equal("/electronic-files/batch?error=ElectronicFiles.BatchType", response.Headers.Location!.OriginalString);
        Assert.Contains("PDF یا تیف چندصفحه‌ای", await staff.GetStringAsync(response.Headers.Location.OriginalString));
    }

    private static async Task<HttpResponseMessage> UploadBatchAsync(HttpClient client, byte[] content)
    {
        var page = await client.GetStringAsync("/electronic-files/batch");
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "batch.pdf");
        var input = Regex.Match(page, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*>").Value;
        form.Add(new StringContent(Regex.Match(input, "value=\"([^\"]+)\"").Groups[1].Value), "__RequestVerificationToken");
        return await client.PostAsync("/electronic-files/batches", form);
    }
}
