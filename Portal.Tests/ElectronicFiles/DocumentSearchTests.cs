using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Documents;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.ElectronicFiles;
using Portal.Domain.Security;

namespace Portal.Tests.ElectronicFiles;

/// <summary>
/// A branch's scan goes through OCR into the search, found by its words, its person and its type, only within the
/// reader's scope; opening it is logged on the file.
/// </summary>
public sealed class DocumentSearchTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private int _fileId;
    private int _documentId;

    public async Task InitializeAsync()
    {
        await portal.SeededAsync();
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var nationalId = NationalId.WithCheckDigit("298765432");
        await using (var db = PortalDb.Open(contexts, Actor.System))
        {
            // One arrangement for the class: xunit makes an instance, and calls this, for each test.
            if (await db.ScannedDocuments.Where(d => d.File.NationalId == nationalId).Select(d => new { d.Id, d.FileId }).SingleOrDefaultAsync() is { } done)
            {
                (_documentId, _fileId) = (done.Id, done.FileId);
                return;
            }
        }
        var desk = await portal.AsAsync<ScanningDesk>("kerman.branch.staff");
        var (id, errors) = await desk.RegisterAsync(new TechnicalFileForm
            { NationalId = nationalId, PersonName = "مریم کاظمی", ShelfRow = "۳", ShelfNumber = "۱۲", ShelfBox = "۴" });
        Assert.Empty(errors);
        _fileId = id!.Value;
        var documents = await portal.AsAsync<DocumentDesk>("kerman.branch.staff");
        var type = (await documents.TypesAsync()).First();
        var pdf = await portal.Services.GetRequiredService<PdfRenderer>().RenderAsync($$"""
            <html dir="rtl" lang="fa"><head><style>{{PaperStyles.FontFaces(PdfRenderer.AssetOrigin)}}</style></head>
            <body style="font-family: Vazirmatn; font-size: 18pt"><p>رأی کمیسیون پزشکی ماده ۹۱</p><p>از کارافتادگی کلی</p></body></html>
            """);
        await documents.UploadAsync(new DocumentDesk.Upload(_fileId, null, null, type.Id, DocumentSource.ReceivedInService, null), new MemoryStream(pdf));
        await using var check = PortalDb.Open(portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), Actor.System);
        _documentId = await check.ScannedDocuments.Where(d => d.FileId == _fileId).Select(d => d.Id).SingleAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Words_ReadByOcr_AreFoundInScope_AndNowhereElse()
    {
        var readings = portal.Services.GetRequiredService<PageReadings>();
        var missing = portal.Services.GetRequiredService<IPageReader>().Missing;
        Skip.If(missing is not null, $"OCR is not installed here ({missing}); CI installs tesseract-ocr-fas.");

        Assert.True(await readings.ReadPendingAsync(batch: 1) >= 1);
        Assert.Equal(1, await readings.ReadNowAsync(_documentId));
        await using (var db = PortalDb.Open(portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), Actor.System))
            Assert.Contains("کمیسیون", (await db.PageTexts.SingleAsync(p => p.DocumentId == _documentId)).Words);

        var single = await (await portal.AsAsync<DocumentSearchQuery>("kerman.branch.supervisor")).SearchAsync(new(Words: "کمیسیون"), 0, 10);
        Assert.Contains(_documentId, single.Rows.Select(r => r.DocumentId));
        var words = new DocumentSearchQuery.Filter(Words: "كميسيون كارافتادگي");
        var found = await (await portal.AsAsync<DocumentSearchQuery>("kerman.branch.supervisor")).SearchAsync(words, 0, 10);
        var hit = Assert.Single(found.Rows, r => r.DocumentId == _documentId);
        Assert.Equal(1, hit.Page);
        Assert.Contains("کمیسیون", hit.Excerpt);
        Assert.Contains(_documentId, (await (await portal.AsAsync<DocumentSearchQuery>("kerman.treatment")).SearchAsync(words, 0, 10)).Rows.Select(r => r.DocumentId));
        Assert.DoesNotContain(_documentId, (await (await portal.AsAsync<DocumentSearchQuery>("golestan.branch.staff")).SearchAsync(words, 0, 10)).Rows.Select(r => r.DocumentId));
        Assert.DoesNotContain(_documentId, (await (await portal.AsAsync<DocumentSearchQuery>("kerman.agency.manager")).SearchAsync(words, 0, 10)).Rows.Select(r => r.DocumentId));
        Assert.DoesNotContain(_documentId, (await (await portal.AsAsync<DocumentSearchQuery>("kerman.branch.staff")).SearchAsync(new(Words: "قرارداد خویش‌فرمایی"), 0, 10)).Rows
            .Select(r => r.DocumentId));
        // Nor can another province's reader see the page words directly.
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var golestan = PortalDb.Open(contexts, await Acting.ActorAsync(portal, "golestan.branch.staff"));
        Assert.False(await golestan.PageTexts.AnyAsync(p => p.DocumentId == _documentId));
    }

    [Fact]
    public async Task Index_FindsPagesHoldingEveryWordInAnySpelling_AndForgetsDeletedPages()
    {
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = PortalDb.Open(contexts, Actor.System);
        db.PageTexts.AddRange(
            new PageText(_documentId, 101, "رأی کمیسیون پزشکی ماده ۹۱: از کارافتادگی کلی"),
            new PageText(_documentId, 102, "گواهی استراحت پزشکی"),
            new PageText(_documentId, 103, "قرارداد خویش‌فرمایی با نرخ ۱۴ درصد"));
        await db.SaveChangesAsync();

        async Task<List<int>> Find(string typed) =>
            await PageTextSearch.Matching(db, typed).Where(p => p.DocumentId == _documentId && p.Page > 100).OrderBy(p => p.Page).Select(p => p.Page).ToListAsync();

        Assert.Equal([101], await Find("كميسيون كارافتادگي"));
        Assert.Equal([101, 102], await Find("پزشک"));
        Assert.Equal([103], await Find("خویشفرمایی 14"));
        Assert.Empty(await Find("کمیسیون قرارداد"));
        Assert.Empty(await Find("؟"));

        await db.PageTexts.Where(p => p.DocumentId == _documentId && p.Page > 100).ExecuteDeleteAsync();
        Assert.Empty(await Find("قرارداد"));
    }

    [Fact]
    public async Task Search_ByNationalIdAndType_WithoutWords_ListsTheDocument()
    {
        var search = await portal.AsAsync<DocumentSearchQuery>("kerman.branch.staff");
        string nationalId;
        int typeId;
        await using (var db = PortalDb.Open(portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), Actor.System))
        {
            var d = await db.ScannedDocuments.Where(x => x.Id == _documentId).Select(x => new { x.File.NationalId, x.TypeId }).SingleAsync();
            (nationalId, typeId) = (d.NationalId, d.TypeId);
        }

        var rows = (await search.SearchAsync(new(NationalId: TextNormalizer.ToPersianDigits(nationalId), TypeId: typeId), 0, 10)).Rows;

        var row = Assert.Single(rows);
        Assert.Equal((_documentId, _fileId, (int?)null), (row.DocumentId, row.FileId, row.Page));
    }

    [Fact]
    public async Task Open_IsLogged_OnTheFile_AndOutOfScopeIsNotFoundNorLogged()
    {
        var viewer = await portal.AsAsync<DocumentViewer>("kerman.treatment");

        var opened = await viewer.OpenAsync(_documentId);

        Assert.NotNull(opened);
        Assert.Equal("kerman.treatment", opened.Viewer);
        Assert.Null(await (await portal.AsAsync<DocumentViewer>("golestan.branch.staff")).OpenAsync(_documentId));
        var views = await (await portal.AsAsync<DocumentViewer>("kerman.branch.supervisor")).ViewsOfFileAsync(_fileId);
        Assert.Contains(views, v => v.UserName == "kerman.treatment");
        Assert.DoesNotContain(views, v => v.UserName == "golestan.branch.staff");
        Assert.Empty(await (await portal.AsAsync<DocumentViewer>("golestan.treatment")).ViewsOfFileAsync(_fileId));
    }

    [Fact]
    public async Task PageImage_CarriesTheViewersMark_AndOutOfScopeIsNotFound()
    {
        var pages = await portal.AsAsync<DocumentPages>("kerman.treatment");

        var png = await pages.PageAsync(_documentId, 1, width: 400);

        Assert.NotNull(png);
        using var image = SkiaSharp.SKBitmap.Decode(png);
        Assert.Equal(400, image.Width);
        // The mark is drawn in red over a grey scan: some pixels are clearly red.
        Assert.Contains(Enumerable.Range(0, image.Height / 4).SelectMany(y => Enumerable.Range(0, image.Width / 4).Select(x => image.GetPixel(x * 4, y * 4))),
            c => c.Red > c.Green + 20);
        Assert.Null(await pages.PageAsync(_documentId, 2));
        Assert.Null(await (await portal.AsAsync<DocumentPages>("golestan.treatment")).PageAsync(_documentId, 1));
    }

    [Fact]
    public async Task PageEndpoint_InScope_IsAnUncachedPng_OutOfScopeIs404()
    {
        var kerman = await PortalFactory.SignedInClientAsync(portal, "kerman.branch.supervisor");
        var golestan = await PortalFactory.SignedInClientAsync(portal, "golestan.branch.staff");
        var url = $"/electronic-files/documents/{_documentId}/pages/1?w=200";

        var answer = await kerman.GetAsync(url);

        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("image/png", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", answer.Headers.CacheControl?.ToString());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await golestan.GetAsync(url)).StatusCode);
    }
}
