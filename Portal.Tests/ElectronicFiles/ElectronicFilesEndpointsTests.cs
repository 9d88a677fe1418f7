using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.ElectronicFiles;
using static Portal.Tests.ElectronicFiles.ElectronicFilesArrange;

namespace Portal.Tests.ElectronicFiles;

/// <summary>The module over HTTP: its pages for those who hold it, the upload form checked by content, documents only in scope.</summary>
public sealed class ElectronicFilesEndpointsTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task QueueAndFilePages_ForTheBranch_ShowTheDemoQueue()
    {
        var client = await PortalFactory.SignedInClientAsync(portal, Staff);
        Assert.Contains("صف اسکن پرونده‌های فنی", await client.GetStringAsync("/electronic-files"));
        await using var db = Acting.SystemDb(portal);
        var demo = await db.TechnicalFiles.Where(f => f.Number.StartsWith("BR-08-01-") && f.InDiscrepancy).FirstAsync();
        var page = await client.GetStringAsync($"/electronic-files/{demo.Id}");
        Assert.Contains(demo.Number, page);
        Assert.Contains("file-discrepancy", page);
    }

    [Fact]
    public async Task Pages_ForARoleWithoutTheModule_AreForbidden()
    {
        var governor = await PortalFactory.SignedInClientAsync(portal, "kerman.governor");
        Assert.NotEqual(HttpStatusCode.OK, (await governor.GetAsync("/electronic-files")).StatusCode);
        var staff = await PortalFactory.SignedInClientAsync(portal, Staff);
        Assert.NotEqual(HttpStatusCode.OK, (await staff.GetAsync("/admin/document-types")).StatusCode);
    }

    [Fact]
    public async Task Upload_RenamedHtml_ComesBackWithThePersianRefusal_AndNothingIsAdded()
    {
        var id = await RegisterAsync(portal);
        var client = await PortalFactory.SignedInClientAsync(portal, Staff);
        var response = await UploadAsync(client, id, Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "scan.pdf");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/electronic-files/{id}?error=ElectronicFiles.ScanType", response.Headers.Location!.OriginalString);
        Assert.Contains("ذخیره نشد", await client.GetStringAsync(response.Headers.Location.OriginalString));
        await using var db = Acting.SystemDb(portal);
        Assert.False(await db.ScannedDocuments.AnyAsync(d => d.FileId == id));
    }

    [Fact]
    public async Task Upload_Pdf_IsAdded_AndItsOriginalServedOnlyToTheHoldingBranch()
    {
        var id = await RegisterAsync(portal);
        var client = await PortalFactory.SignedInClientAsync(portal, Staff);
        var bytes = SampleFiles.Pdf("http");
        var response = await UploadAsync(client, id, bytes, "scan.pdf");
        Assert.Equal($"/electronic-files/{id}?added=true", response.Headers.Location!.OriginalString);
        await using var db = Acting.SystemDb(portal);
        var documentId = await db.ScannedDocuments.Where(d => d.FileId == id).Select(d => d.Id).SingleAsync();

        Assert.Equal(bytes, await client.GetByteArrayAsync($"/electronic-files/documents/{documentId}/content"));
        var golestan = await PortalFactory.SignedInClientAsync(portal, "golestan.branch.staff");
        Assert.Equal(HttpStatusCode.NotFound, (await golestan.GetAsync($"/electronic-files/documents/{documentId}/content")).StatusCode);
        // The province's treatment directorate sees the document, marked, in the viewer; the unmarked original is not offered.
        var treatment = await PortalFactory.SignedInClientAsync(portal, "kerman.treatment");
        Assert.Equal(HttpStatusCode.NotFound, (await treatment.GetAsync($"/electronic-files/documents/{documentId}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await treatment.GetAsync($"/electronic-files/documents/{documentId}/pages/1?w=300")).StatusCode);
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int fileId, byte[] content, string name)
    {
        var page = await client.GetStringAsync($"/electronic-files/{fileId}");
        var typeId = Regex.Match(page, "<option value=\"(\\d+)\"").Groups[1].Value;
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        form.Add(new StringContent(fileId.ToString(CultureInfo.InvariantCulture)), "fileId");
        form.Add(new StringContent(typeId), "typeId");
        form.Add(new StringContent(nameof(DocumentSource.ReceivedInService)), "source");
        var input = Regex.Match(page, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*>").Value;
        form.Add(new StringContent(Regex.Match(input, "value=\"([^\"]+)\"").Groups[1].Value), "__RequestVerificationToken");
        return await client.PostAsync("/electronic-files/documents", form);
    }

    [Fact]
    public async Task PapersStampAndDestructionList_ArePdfs_ForTheBranch_AndNotFoundForAnother()
    {
        var file = await RegisterAsync(portal);
        await UploadPdfAsync(portal, Supervisor, file, DocumentSource.ReceivedByMail);
        int paper;
        await using (var db = Acting.SystemDb(portal))
        {
            paper = await db.ScannedDocuments.Where(d => d.FileId == file).Select(d => d.Id).SingleAsync();
            var old = DateTimeOffset.UtcNow.AddMonths(-7);
            await db.ScannedDocuments.Where(d => d.Id == paper).ExecuteUpdateAsync(u => u.SetProperty(d => d.ScannedAt, old));
        }
        await (await portal.AsAsync<PaperDesk>(Staff)).StampAsync(paper);
        var list = await (await portal.AsAsync<PaperDesk>(Supervisor)).ProposeDestructionAsync();

        var staff = await PortalFactory.SignedInClientAsync(portal, Staff);
        foreach (var url in new[] { $"/electronic-files/documents/{paper}/stamp.pdf", $"/electronic-files/destruction/{list}.pdf" })
        {
            var response = await staff.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync())[..4]);
        }
        Assert.Contains("destruction-list", await staff.GetStringAsync($"/electronic-files/destruction?list={list}"));
        Assert.Contains("کلاسورهای اسناد نگهداری‌شده", await staff.GetStringAsync("/electronic-files/binders"));

        var golestan = await PortalFactory.SignedInClientAsync(portal, "golestan.branch.staff");
        Assert.Equal(HttpStatusCode.NotFound, (await golestan.GetAsync($"/electronic-files/documents/{paper}/stamp.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await golestan.GetAsync($"/electronic-files/destruction/{list}.pdf")).StatusCode);
        Assert.DoesNotContain("destruction-list", await golestan.GetStringAsync($"/electronic-files/destruction?list={list}"));
    }
}
