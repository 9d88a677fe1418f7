using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Portal.Documents;
using Portal.Features.Agencies;

namespace Portal.Tests.Agencies;

public sealed class AgencyEndpointsTests : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private readonly PortalFactory _factory;

    public AgencyEndpointsTests(PortalFactory factory) => _factory = factory;
    public async Task InitializeAsync() => await _factory.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Uploads a sheet through the page's form, as the browser does: multipart, with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] sheet, string page = "/agencies/import")
    {
        var html = await client.GetStringAsync(page);
        var input = Regex.Match(html, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*>").Value;
        var form = new MultipartFormDataContent
        {
            { new StringContent(Regex.Match(input, "value=\"([^\"]+)\"").Groups[1].Value), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(sheet);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "agencies.xlsx");
        return await client.PostAsync("/agencies/import", form);
    }

    private static byte[] SheetWithBadNationalId()
    {
        var bad = AgencySheets.Example with { RowNumber = 3, Code = "AG-08201" };
        bad.Profile.ManagerNationalId = "0012345670";
        return AgencySheets.Write([AgencySheets.Example with { Code = "AG-08200" }, bad]);
    }

    [Fact]
    public async Task BadSheet_RedirectsToTheFailure_AndOnlyTheUploaderGetsTheErrorWorkbook()
    {
        var client = await PortalFactory.SignedInClientAsync(_factory, "kerman.generaloffice");

        var response = await UploadAsync(client, SheetWithBadNationalId());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var id = Regex.Match(location, "^/agencies/import\\?failed=([0-9a-f]{32})&rows=1$").Groups[1].Value;
        Assert.NotEmpty(id);
        var page = await client.GetStringAsync(location);
        Assert.Contains("۱ ردیف خطا دارد", page);

        var download = await client.GetAsync($"/agencies/import/errors/{id}.xlsx");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var workbook = new XLWorkbook(await download.Content.ReadAsStreamAsync());
        var errors = workbook.Worksheet(1).Row(3).CellsUsed().Last().GetString();
        Assert.Contains("کد ملی مسئول", errors);

        var colleague = await PortalFactory.SignedInClientAsync(_factory, "kerman.director");
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/agencies/import/errors/{id}.xlsx")).StatusCode);
    }

    [Fact]
    public async Task Import_GoodSheet_RedirectsWithTheCounts()
    {
        var client = await PortalFactory.SignedInClientAsync(_factory, "kerman.generaloffice");

        var response = await UploadAsync(client, AgencySheets.Write([AgencySheets.Example with { Code = "AG-08210" }]));

        Assert.Equal("/agencies/import?done=1-0", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Import_NotAnExcelFile_IsRefusedWithAMessage()
    {
        var client = await PortalFactory.SignedInClientAsync(_factory, "kerman.generaloffice");

        var response = await UploadAsync(client, "AG-08001,کارگزاری"u8.ToArray());

        var location = response.Headers.Location!.OriginalString;
        Assert.EndsWith("&rows=0", location);
        Assert.Contains("اکسل", await client.GetStringAsync(location));
    }

    [Fact]
    public async Task Export_ByGolestan_HasNoKermanAgency()
    {
        var client = await PortalFactory.SignedInClientAsync(_factory, "golestan.generaloffice");

        var response = await client.GetAsync("/agencies/export.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var codes = workbook.Worksheet(1).Column(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains("AG-27001", codes);
        Assert.DoesNotContain(codes, c => c.StartsWith("AG-08"));
    }

    [Fact]
    public async Task Export_WithTheListPagesFilters_HasOnlyTheFilteredAgencies()
    {
        var client = await PortalFactory.SignedInClientAsync(_factory, "golestan.generaloffice");

        // The address the list page builds for its export link: search text and status filled in.
        var response = await client.GetAsync("/agencies/export.xlsx?q=AG-27002&status=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var codes = workbook.Worksheet(1).Column(1).CellsUsed().Select(c => c.GetString()).Where(c => c.StartsWith("AG-")).ToList();
        Assert.Equal(["AG-27002"], codes);
    }

    [Fact]
    public async Task Import_ByAnAgencyManager_IsRefused()
    {
        var client = await PortalFactory.SignedInClientAsync(_factory, "kerman.agency.manager");

        var response = await UploadAsync(client, AgencySheets.Write([AgencySheets.Example]), page: "/");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryToken_IsRejected()
    {
        var client = await PortalFactory.SignedInClientAsync(_factory, "kerman.generaloffice");
        var form = new MultipartFormDataContent { { new ByteArrayContent(AgencySheets.Write([AgencySheets.Example])), "file", "a.xlsx" } };

        var response = await client.PostAsync("/agencies/import", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
