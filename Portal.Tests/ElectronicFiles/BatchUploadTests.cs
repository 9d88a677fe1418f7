using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Documents;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.ElectronicFiles;
using Portal.Features.ElectronicFiles;
using static Portal.Tests.ElectronicFiles.ElectronicFilesArrange;

namespace Portal.Tests.ElectronicFiles;

/// <summary>
/// A branch's batch scan through the document desk: cover sheets printed by the portal, scanned with the files' pages
/// into one PDF or TIFF, split, previewed, and added one document per file — all or none.
/// </summary>
public sealed class BatchUploadTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private ElectronicFilePapers Papers => new(portal.Services.GetRequiredService<DocumentPrinter>());

    /// <summary>Two registered files of the staff's branch: their ids and numbers.</summary>
    private async Task<(int Id, string Number)[]> TwoFilesAsync()
    {
        var first = await RegisterAsync(portal);
        var second = await RegisterAsync(portal);
        return [(first, (await FileAsync(portal, first)).Number), (second, (await FileAsync(portal, second)).Number)];
    }

    /// <summary>A cover sheet per number then that file's pages (two for the first, one for each after it), as a scanner sees them.</summary>
    private async Task<List<ScanImage>> BatchAsync(params string[] numbers)
    {
        var covers = await ScanArrange.ScannedAsync(await Papers.CoverSheetsAsync([.. numbers.Select(n => new CoverSheet(n, "مریم احمدی", "0012345679"))]));
        var pages = new List<ScanImage>();
        for (var i = 0; i < numbers.Length; i++)
        {
            pages.Add(covers[i]);
            pages.Add(ScanArrange.Page(10 + i));
            if (i == 0) pages.Add(ScanArrange.Page(20));
        }
        return pages;
    }

    private async Task<List<ScannedDocument>> DocumentsAsync(params int[] fileIds)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.ScannedDocuments.AsNoTracking().Where(d => fileIds.Contains(d.FileId)).OrderBy(d => d.FileId).ToListAsync();
    }

    [Fact]
    public async Task APdfBatchOfTwoFiles_IsPreviewed_ThenAddsOneFirstScanToEachFile()
    {
        var files = await TwoFilesAsync();
        var desk = await portal.AsAsync<DocumentDesk>(Staff);

        var batch = await desk.StageBatchAsync(new MemoryStream(ScanArrange.Pdf(await BatchAsync(files[0].Number, files[1].Number))));
        var preview = await desk.PreviewBatchAsync(batch);

        Assert.NotNull(preview);
        Assert.True(preview.CanAdd);
        Assert.Equal(5, preview.PageCount);
        Assert.Collection(preview.Files,
            a => Assert.Equal((files[0].Id, "مریم احمدی", new PageRange(2, 3), (string?)null), (a.FileId!.Value, a.PersonName!, a.Pages!.Value, a.Error)),
            b => Assert.Equal((files[1].Id, new PageRange(5, 5), (string?)null), (b.FileId!.Value, b.Pages!.Value, b.Error)));
        Assert.Empty(await DocumentsAsync(files[0].Id, files[1].Id));

        var added = await desk.AddBatchAsync(batch, await TypeIdAsync(portal));

        Assert.Equal([files[0].Id, files[1].Id], added);
        var documents = await DocumentsAsync(files[0].Id, files[1].Id);
        Assert.Equal([2, 1], documents.Select(d => d.Pages));
        Assert.All(documents, d => Assert.Equal((DocumentSource.InitialScanning, FileKind.Pdf, Staff), (d.Source, d.ContentKind, d.ScannedBy)));
        // Each document is its file's pages cut from the batch, without the cover sheet.
        var store = portal.Services.GetRequiredService<IFileStore>();
        await using var first = (await store.OpenSeekableAsync(documents[0].Sha256))!;
        Assert.Equal(new ScanPageCount(ScanFormat.Pdf, 2), ScanPages.Count(first));
        // A batch is added once: its copy kept aside is gone.
        Assert.Null(await desk.PreviewBatchAsync(batch));
    }

    [Fact]
    public async Task ATiffBatch_IsCutIntoTiffDocumentsOfTheFilesPages()
    {
        var files = await TwoFilesAsync();
        var desk = await portal.AsAsync<DocumentDesk>(Staff);

        var batch = await desk.StageBatchAsync(new MemoryStream(ScanArrange.Tiff(await BatchAsync(files[0].Number, files[1].Number), bilevel: true)));
        await desk.AddBatchAsync(batch, await TypeIdAsync(portal));

        var documents = await DocumentsAsync(files[0].Id, files[1].Id);
        Assert.Equal([2, 1], documents.Select(d => d.Pages));
        var store = portal.Services.GetRequiredService<IFileStore>();
        await using var first = (await store.OpenSeekableAsync(documents[0].Sha256))!;
        Assert.Equal(new ScanPageCount(ScanFormat.Tiff, 2), ScanPages.Count(first));
        first.Position = 0;
        var pages = new List<ScanImage>();
        await foreach (var page in ScanImages.ReadAsync(first, ScanFormat.Tiff, 75)) pages.Add(page);
        Assert.Equal(2, pages.Count); // the copied frames decode
    }

    [Fact]
    public async Task ABatchWithAnUnknownNumber_ShowsTheError_AndAddsNothing()
    {
        using var persian = CultureScope.PersianMessages();
        var files = await TwoFilesAsync();
        var desk = await portal.AsAsync<DocumentDesk>(Staff);

        var batch = await desk.StageBatchAsync(new MemoryStream(ScanArrange.Pdf(await BatchAsync(files[0].Number, "BR-08-01-999999"))));
        var preview = await desk.PreviewBatchAsync(batch);

        Assert.False(preview!.CanAdd);
        Assert.Null(preview.Files[0].Error);
        Assert.Equal("ElectronicFiles.BatchUnknownFile", preview.Files[1].Error);
        var typeId = await TypeIdAsync(portal);
        var refusal = await Assert.ThrowsAsync<DomainException>(() => desk.AddBatchAsync(batch, typeId));
        Assert.Equal("ElectronicFiles.BatchHasErrors", refusal.Key);
        Assert.Contains("هیچ سندی افزوده نشد", refusal.Message);
        Assert.Empty(await DocumentsAsync(files[0].Id));
    }

    [Fact]
    public async Task AnotherBranchsFile_IsRefused_AndNothingIsAdded()
    {
        var mine = await RegisterAsync(portal);
        var theirs = await RegisterAsync(portal, "golestan.branch.staff");
        var desk = await portal.AsAsync<DocumentDesk>(Staff);

        var batch = await desk.StageBatchAsync(new MemoryStream(ScanArrange.Pdf(await BatchAsync((await FileAsync(portal, mine)).Number, (await FileAsync(portal, theirs)).Number))));

        var preview = await desk.PreviewBatchAsync(batch);
        Assert.NotNull(preview!.Files[1].Error);
        Assert.Null(preview.Files[1].FileId); // another province's file is not even named
        await Assert.ThrowsAsync<DomainException>(async () => await desk.AddBatchAsync(batch, await TypeIdAsync(portal)));
        Assert.Empty(await DocumentsAsync(mine, theirs));
    }

    [Fact]
    public async Task AnIndexedFile_TakesNoMoreFirstScans_SoTheBatchAddsNothing()
    {
        var files = await TwoFilesAsync();
        await WalkToAsync(portal, files[1].Id, ScanStepKind.Indexed);
        var before = (await DocumentsAsync(files[1].Id)).Count;
        var desk = await portal.AsAsync<DocumentDesk>(Staff);

        var batch = await desk.StageBatchAsync(new MemoryStream(ScanArrange.Pdf(await BatchAsync(files[0].Number, files[1].Number))));

        Assert.Equal("ElectronicFiles.AlreadyIndexed", (await desk.PreviewBatchAsync(batch))!.Files[1].Error);
        await Assert.ThrowsAsync<DomainException>(async () => await desk.AddBatchAsync(batch, await TypeIdAsync(portal)));
        Assert.Empty(await DocumentsAsync(files[0].Id));
        Assert.Equal(before, (await DocumentsAsync(files[1].Id)).Count);
    }

    [Fact]
    public async Task PagesBeforeTheFirstCoverSheet_StopTheBatch()
    {
        var files = await TwoFilesAsync();
        var desk = await portal.AsAsync<DocumentDesk>(Staff);
        var pages = await BatchAsync(files[0].Number);
        pages.Insert(0, ScanArrange.Page(99));

        var preview = await desk.PreviewBatchAsync(await desk.StageBatchAsync(new MemoryStream(ScanArrange.Pdf(pages))));

        Assert.Equal(new PageRange(1, 1), preview!.Unassigned);
        Assert.Null(Assert.Single(preview.Files).Error);
        Assert.False(preview.CanAdd);
    }

    [Fact]
    public async Task ABatch_IsSeenOnlyByTheOneWhoSentIt()
    {
        var files = await TwoFilesAsync();
        var batch = await (await portal.AsAsync<DocumentDesk>(Staff)).StageBatchAsync(new MemoryStream(ScanArrange.Pdf(await BatchAsync(files[0].Number))));

        var supervisor = await portal.AsAsync<DocumentDesk>(Supervisor);

        Assert.Null(await supervisor.PreviewBatchAsync(batch));
        Assert.Equal("ElectronicFiles.BatchExpired", (await Assert.ThrowsAsync<DomainException>(async () => await supervisor.AddBatchAsync(batch, await TypeIdAsync(portal)))).Key);
    }

    [Fact]
    public async Task AnImageOrNotAScan_IsRefusedAsABatch()
    {
        var desk = await portal.AsAsync<DocumentDesk>(Staff);

        Assert.Equal("ElectronicFiles.BatchType", (await Assert.ThrowsAsync<DomainException>(() => desk.StageBatchAsync(new MemoryStream(ScanArrange.Png(ScanArrange.Page(1)))))).Key);
        Assert.Equal("ElectronicFiles.ScanType", (await Assert.ThrowsAsync<DomainException>(() => desk.StageBatchAsync(new MemoryStream("<html></html>"u8.ToArray())))).Key);
    }
}
