using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.ElectronicFiles;
using static Portal.Tests.ElectronicFiles.ElectronicFilesArrange;

namespace Portal.Tests.ElectronicFiles;

/// <summary>Documents into technical files: checked by content before anything is stored, and verified by whoever vouches for them.</summary>
public sealed class DocumentDeskTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private int StoredFiles() => Directory.Exists(portal.FilesRoot)
        ? Directory.EnumerateFiles(portal.FilesRoot, "*", SearchOption.AllDirectories).Count(f => !f.Contains($"{Path.DirectorySeparatorChar}tmp{Path.DirectorySeparatorChar}"))
        : 0;

    private async Task<DocumentDesk.Upload> UploadTo(int fileId, DocumentSource source = DocumentSource.ReceivedInService) =>
        new(fileId, null, null, await TypeIdAsync(portal), source, null);

    public static TheoryData<string, byte[]> NotAScan => new()
    {
        { "renamed HTML", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>") },
        { "PDF header then HTML", SampleFiles.PdfHeaderThenHtml() },
        { "renamed EXE", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF] },
        { "TIFF header, broken pages", [0x49, 0x49, 0x2A, 0x00, 0xFF, 0x00, 0x00, 0x00, 0x01] },
        { "TIFF pages with no image data", TiffWithoutStrips() },
        { "Word document", SampleFiles.Docx() },
    };

    [Theory]
    [MemberData(nameof(NotAScan))]
    public async Task Upload_WhatIsNotAScan_IsRefusedInPersian_AndNothingIsStored(string what, byte[] content)
    {
        using var persian = CultureScope.PersianMessages();
        var id = await RegisterAsync(portal);
        var before = StoredFiles();
        var desk = await portal.AsAsync<DocumentDesk>(Staff);

        var refusal = await Assert.ThrowsAsync<DomainException>(async () => await desk.UploadAsync(await UploadTo(id), new MemoryStream(content)));

        Assert.True(refusal.Key == "ElectronicFiles.ScanType", what);
        Assert.Contains("ذخیره نشد", refusal.Message);
        Assert.Equal(before, StoredFiles());
        await using var db = Acting.SystemDb(portal);
        Assert.False(await db.ScannedDocuments.AnyAsync(d => d.FileId == id));
    }

    [Fact]
    public async Task Upload_Pdf_IsStoredByHash_WithItsPagesAndType_AndReadBack()
    {
        var id = await RegisterAsync(portal);
        var desk = await portal.AsAsync<DocumentDesk>(Staff);
        var bytes = SampleFiles.Pdf("sick leave");
        await desk.UploadAsync(await UploadTo(id), new MemoryStream(bytes));

        var details = (await (await portal.AsAsync<TechnicalFileQuery>(Staff)).FindAsync(id))!;
        var document = Assert.Single(details.Documents);
        Assert.Equal((1, "application/pdf", "گواهی استراحت پزشک معالج", "غرامت و مقرری"), (document.Pages, document.ContentType, document.TypeName, document.GroupName));
        Assert.Null(document.VerifiedAt); // branch staff's upload waits for a supervisor
        await using var download = await desk.OpenAsync(document.Id);
        using var copy = new MemoryStream();
        await download!.Content.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Upload_MultiPageTiff_CountsItsPages()
    {
        var id = await RegisterAsync(portal);
        var desk = await portal.AsAsync<DocumentDesk>(Staff);
        await desk.UploadAsync(await UploadTo(id), new MemoryStream(ScanArrange.Tiff([.. Enumerable.Range(1, 3).Select(i => ScanArrange.Page(i))])));
        var document = Assert.Single((await (await portal.AsAsync<TechnicalFileQuery>(Staff)).FindAsync(id))!.Documents);
        Assert.Equal((3, "image/tiff"), (document.Pages, document.ContentType));
    }

    [Fact]
    public async Task BranchUpload_IsVerifiedBySupervisor_NotByStaff()
    {
        var id = await RegisterAsync(portal);
        await (await portal.AsAsync<DocumentDesk>(Staff)).UploadAsync(await UploadTo(id), new MemoryStream(SampleFiles.Jpeg()));
        var documentId = (await (await portal.AsAsync<TechnicalFileQuery>(Staff)).FindAsync(id))!.Documents.Single().Id;

        await Refused.ForbiddenAsync(async () => await (await portal.AsAsync<DocumentDesk>(Staff)).VerifyAsync(documentId));
        var pending = await portal.AsAsync<ScanQueueQuery>(Supervisor);
        Assert.Contains((await pending.ListAsync(new ScanQueueQuery.Filter(AwaitingVerification: true), 0, 500)).Rows, r => r.Id == id);
        await (await portal.AsAsync<DocumentDesk>(Supervisor)).VerifyAsync(documentId);
        Assert.DoesNotContain((await pending.ListAsync(new ScanQueueQuery.Filter(AwaitingVerification: true), 0, 500)).Rows, r => r.Id == id);

        var document = (await (await portal.AsAsync<TechnicalFileQuery>(Staff)).FindAsync(id))!.Documents.Single();
        Assert.NotNull(document.VerifiedAt);
    }

    [Fact]
    public async Task AgencyUpload_ByNumberAndNationalId_OpensTheFileToTheAgency_AndCountsOnlyOnceItsManagerVerifies()
    {
        var nationalId = NewNationalId();
        var id = await RegisterAsync(portal, nationalId: nationalId);
        var number = (await FileAsync(portal, id)).Number;
        Assert.Null(await (await portal.AsAsync<TechnicalFileQuery>("kerman.agency.user")).FindAsync(id));

        var agencyDesk = await portal.AsAsync<DocumentDesk>("kerman.agency.user");
        var typeId = await TypeIdAsync(portal);
        // A wrong national ID reads like a file that does not exist.
        var wrong = await Assert.ThrowsAsync<DomainException>(() => agencyDesk.UploadAsync(
            new DocumentDesk.Upload(null, number, NewNationalId(), typeId, DocumentSource.UploadedByAgency, null), new MemoryStream(SampleFiles.Pdf())));
        Assert.Equal("ElectronicFiles.NotFound", wrong.Key);
        // An agency records only its own uploads.
        await Assert.ThrowsAsync<DomainException>(() => agencyDesk.UploadAsync(
            new DocumentDesk.Upload(null, number.ToLowerInvariant(), nationalId, typeId, DocumentSource.InitialScanning, null), new MemoryStream(SampleFiles.Pdf())));

        Assert.Equal(id, await agencyDesk.UploadAsync(
            new DocumentDesk.Upload(null, number.ToLowerInvariant(), nationalId, typeId, DocumentSource.UploadedByAgency, "گواهی پزشک"), new MemoryStream(SampleFiles.Pdf())));

        // The agency now sees the file it works on; another agency of the province does not, nor a branch's supervisor may verify the agency's upload.
        var seen = await (await portal.AsAsync<TechnicalFileQuery>("kerman.agency.user")).FindAsync(id);
        var document = Assert.Single(seen!.Documents);
        Assert.Null(document.VerifiedAt);
        Assert.False(document.CanVerify);
        await Refused.ForbiddenAsync(async () => await (await portal.AsAsync<DocumentDesk>(Supervisor)).VerifyAsync(document.Id));
        Assert.Null(await (await portal.AsAsync<TechnicalFileQuery>("golestan.agency.user")).FindAsync(id));

        var pending = await portal.AsAsync<ScanQueueQuery>("kerman.agency.manager");
        Assert.Contains((await pending.ListAsync(new ScanQueueQuery.Filter(AwaitingVerification: true), 0, 500)).Rows, r => r.Id == id);
        Assert.DoesNotContain((await (await portal.AsAsync<ScanQueueQuery>(Supervisor)).ListAsync(new ScanQueueQuery.Filter(AwaitingVerification: true), 0, 500)).Rows, r => r.Id == id);
        var manager = await portal.AsAsync<TechnicalFileQuery>("kerman.agency.manager");
        Assert.True(Assert.Single((await manager.FindAsync(id))!.Documents).CanVerify);
        await (await portal.AsAsync<DocumentDesk>("kerman.agency.manager")).VerifyAsync(document.Id);
        Assert.NotNull(Assert.Single((await manager.FindAsync(id))!.Documents).VerifiedAt);
        Assert.DoesNotContain((await pending.ListAsync(new ScanQueueQuery.Filter(AwaitingVerification: true), 0, 500)).Rows, r => r.Id == id);
    }

    [Fact]
    public async Task AgencyOfAnotherProvince_CannotReachTheFile_EvenWithNumberAndNationalId()
    {
        var nationalId = NewNationalId();
        var id = await RegisterAsync(portal, nationalId: nationalId);
        var number = (await FileAsync(portal, id)).Number;
        var desk = await portal.AsAsync<DocumentDesk>("golestan.agency.user");
        var refusal = await Assert.ThrowsAsync<DomainException>(async () => await desk.UploadAsync(
            new DocumentDesk.Upload(null, number, nationalId, await TypeIdAsync(portal), DocumentSource.UploadedByAgency, null), new MemoryStream(SampleFiles.Pdf())));
        Assert.Equal("ElectronicFiles.NotFound", refusal.Key);
    }

    [Fact]
    public async Task Taxonomy_IsSeeded_WithPersianHeadingsAndTypes()
    {
        var types = await (await portal.AsAsync<DocumentDesk>(Staff)).TypesAsync();
        Assert.Contains(types, t => t.GroupName == "ازکارافتادگی و کمیسیون پزشکی" && t.Name == TextNormalizer.Normalize("رأی کمیسیون پزشکی (ماده ۹۱)"));
        Assert.Equal(DocumentTaxonomySeed.Groups.Sum(g => g.Types.Length), types.Count);
    }

    /// <summary>A TIFF whose one page has a width and a height but no strips: its structure chains, there is no image in it.</summary>
    private static byte[] TiffWithoutStrips()
    {
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write("II"u8.ToArray());
        w.Write((ushort)42);
        w.Write(8u);
        w.Write((ushort)2);
        w.Write((ushort)256); w.Write((ushort)3); w.Write(1u); w.Write(1u);
        w.Write((ushort)257); w.Write((ushort)3); w.Write(1u); w.Write(1u);
        w.Write(0u);
        return ms.ToArray();
    }
}
