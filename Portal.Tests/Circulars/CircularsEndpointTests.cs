using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Portal.Tests.Circulars;

/// <summary>The upload and download endpoints over HTTP, signed in as the demo users.</summary>
public sealed class CircularsEndpointTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Posts the list page's upload form as a browser would, with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string title, byte[] content, string fileName, bool withToken = true)
    {
        var page = await client.GetStringAsync("/circulars");
        var form = new MultipartFormDataContent
        {
            { new StringContent(title), "title" },
            { new StringContent("Circular"), "kind" },
            { new StringContent("all"), "recipients" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf"); // what the browser claims, whatever the file is
        form.Add(file, "file", fileName);
        if (withToken)
        {
            var input = Regex.Match(page, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*>").Value;
            form.Add(new StringContent(Regex.Match(input, "value=\"([^\"]+)\"").Groups[1].Value), "__RequestVerificationToken");
        }
        return await client.PostAsync("/circulars/upload", form);
    }

    private async Task<int> KermanCircularAsync(string title) =>
        await UploadedCircularAsync(await PortalFactory.SignedInClientAsync(portal, "kerman.review"), title);

    /// <summary>Uploads a valid PDF circular as the signed-in review office; its id.</summary>
    public static async Task<int> UploadedCircularAsync(HttpClient review, string title)
    {
        var response = await UploadAsync(review, title, SampleFiles.Pdf(), "بخشنامه-۱۲۰.pdf");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches(@"^/circulars\?uploaded=\d+$", location);
        return int.Parse(location.Split('=')[1]);
    }

    private int StoredFileCount() =>
        Directory.Exists(portal.FilesRoot)
            ? Directory.EnumerateFiles(portal.FilesRoot, "*", SearchOption.AllDirectories).Count(f => !Path.GetRelativePath(portal.FilesRoot, f).StartsWith("tmp"))
            : 0;

    [Fact]
    public async Task KermanAgency_DownloadsTheUploadedCircular_UnderItsPersianFileName()
    {
        var id = await KermanCircularAsync("بخشنامه دانلود");
        var agency = await PortalFactory.SignedInClientAsync(portal, "kerman.agency.manager");

        var response = await agency.GetAsync($"/circulars/{id}/file");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("بخشنامه-۱۲۰.pdf", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(SampleFiles.Pdf(), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GolestanAgency_KermanCircularByUrl_IsNotFound()
    {
        var id = await KermanCircularAsync("بخشنامه کرمان");
        var golestan = await PortalFactory.SignedInClientAsync(portal, "golestan.agency.manager");

        var response = await golestan.GetAsync($"/circulars/{id}/file");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("%PDF", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TextFileRenamedPdf_IsRefusedWithThePersianMessage_AndNothingIsStored()
    {
        var review = await PortalFactory.SignedInClientAsync(portal, "kerman.review");
        var stored = StoredFileCount();

        var response = await UploadAsync(review, "بخشنامه جعلی", SampleFiles.Text(), "notes.pdf");

        Assert.Equal("/circulars?error=Circulars.FileType", response.Headers.Location!.OriginalString);
        Assert.Equal(stored, StoredFileCount());
        Assert.Contains("فقط پرونده PDF یا Word (docx) پذیرفته می‌شود", await review.GetStringAsync(response.Headers.Location.OriginalString));
    }

    [Fact]
    public async Task Upload_WithoutTheAntiforgeryToken_IsRejected()
    {
        var review = await PortalFactory.SignedInClientAsync(portal, "kerman.review");

        var response = await UploadAsync(review, "بخشنامه", SampleFiles.Pdf(), "a.pdf", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Upload_PostedByAnAgencyManager_IsRefused()
    {
        var agency = await PortalFactory.SignedInClientAsync(portal, "kerman.agency.manager");

        var response = await agency.PostAsync("/circulars/upload", new MultipartFormDataContent { { new StringContent("x"), "title" } });

        // Uploads and downloads answer like an HTTP API (403); only pages redirect to the access-denied page.
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ForgedErrorKey_InTheQuery_IsNotEchoed()
    {
        var review = await PortalFactory.SignedInClientAsync(portal, "kerman.review");

        var page = await review.GetStringAsync("/circulars?error=Circulars.%3Cb%3Ehacked");

        Assert.DoesNotContain("data-testid=\"circular-error\"", page);
        Assert.DoesNotContain("<b>hacked", page);
    }
}
