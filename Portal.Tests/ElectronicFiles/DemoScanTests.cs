using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using Portal.Domain.ElectronicFiles;
using Portal.Domain.Security;
using Portal.Features.ElectronicFiles;

namespace Portal.Tests.ElectronicFiles;

/// <summary>The demo's technical files carry Persian sample pages, filed under the type each page is, that OCR reads.</summary>
public sealed class DemoScanTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task DemoDocuments_AreStoredPngPages_FiledUnderTheTypeOnThePage_InBothProvinces()
    {
        await using var db = Acting.SystemDb(portal);
        var documents = await db.ScannedDocuments.AsNoTracking()
            .Where(d => d.ScannedBy == "kerman.branch.staff" || d.ScannedBy == "golestan.branch.staff")
            .Select(d => new { d.ProvinceId, d.ContentKind, d.Pages, d.Sha256, d.Type.Code }).ToListAsync();

        Assert.Equal(2, documents.Select(d => d.ProvinceId).Distinct().Count());
        Assert.All(documents, d => Assert.Equal((FileKind.Png, 1), (d.ContentKind, d.Pages)));
        // A handful of pages, each stored once and shared by the documents that are it.
        Assert.InRange(documents.Select(d => d.Sha256).Distinct().Count(), 2, 12);
        Assert.Subset(new HashSet<string> { "0501", "0401", "0301", "0601", "0802", "0203", "0502" }, documents.Select(d => d.Code).ToHashSet());
        var store = portal.Services.GetRequiredService<IFileStore>();
        await using var stored = await store.OpenSeekableAsync(documents[0].Sha256);
        Assert.NotNull(stored);
        Assert.Equal(FileKind.Png, FileSignature.Detect(stored));
    }

    [SkippableFact]
    public async Task Tesseract_ADemoSickLeavePage_ReadsItsPersianWords()
    {
        var reader = new TesseractPageReader(new ConfigurationBuilder().Build(), NullLogger<TesseractPageReader>.Instance);
        Skip.If(reader.Missing is not null, $"OCR is not installed here ({reader.Missing}); CI installs tesseract-ocr-fas.");
        await using var page = typeof(Portal.Demo.DemoSeeder).Assembly.GetManifestResourceStream("ScanSamples.0501-kerman.png");
        Assert.NotNull(page);

        var words = PageText.WordsOf(Assert.Single(await reader.ReadAsync(page, FileKind.Png)));

        foreach (var word in new[] { "تامین", "اجتماعی", "استراحت", "پزشکی", "رضایی", "2980123456" })
            Assert.Contains(PageText.WordsOf(word), words);
    }

    [SkippableFact]
    public async Task DemoSickLeaveCertificate_ReadByOcr_IsFoundByItsWords_InItsProvinceOnly()
    {
        var missing = portal.Services.GetRequiredService<IPageReader>().Missing;
        Skip.If(missing is not null, $"OCR is not installed here ({missing}); CI installs tesseract-ocr-fas.");
        int documentId;
        await using (var db = PortalDb.Open(portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), Actor.System))
            documentId = await db.ScannedDocuments.Where(d => d.ScannedBy == "kerman.branch.staff" && d.Type.Code == "0501").OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();

        Assert.Equal(1, await portal.Services.GetRequiredService<PageReadings>().ReadNowAsync(documentId));

        var words = new DocumentSearchQuery.Filter(Words: "گواهی استراحت پزشکی شکستگی");
        var hit = Assert.Single((await (await portal.AsAsync<DocumentSearchQuery>("kerman.branch.supervisor")).SearchAsync(words, 0, 500)).Rows, r => r.DocumentId == documentId);
        Assert.Contains("استراحت", hit.Excerpt);
        Assert.DoesNotContain(documentId, (await (await portal.AsAsync<DocumentSearchQuery>("golestan.branch.staff")).SearchAsync(words, 0, 500)).Rows.Select(r => r.DocumentId));
    }
}
