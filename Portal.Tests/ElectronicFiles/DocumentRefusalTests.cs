using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.ElectronicFiles;
using static Portal.Tests.ElectronicFiles.ElectronicFilesArrange;

namespace Portal.Tests.ElectronicFiles;

/// <summary>
/// An added document refused at verification: only by the one who would verify it, always with a reason, never verified
/// afterwards; it counts neither as verified nor as waiting, its uploader reads why, and the month's report counts it.
/// </summary>
public sealed class DocumentRefusalTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private const string AgencyUser = "kerman.agency.user";
    private const string AgencyManager = "kerman.agency.manager";

    private static JalaliMonth ThisMonth => JalaliDate.Today(TimeProvider.System).YearMonth;

    /// <summary>A new file with one document branch staff received in service; the file's id and the document's.</summary>
    private async Task<(int FileId, int DocumentId)> FileWithBranchUploadAsync(DocumentSource source = DocumentSource.ReceivedInService)
    {
        var id = await RegisterAsync(portal);
        await (await portal.AsAsync<DocumentDesk>(Staff)).UploadAsync(
            new DocumentDesk.Upload(id, null, null, await TypeIdAsync(portal), source, null), new MemoryStream(SampleFiles.Jpeg()));
        return (id, (await DocumentsAsync(Staff, id)).Single().Id);
    }

    private async Task<IReadOnlyList<TechnicalFileQuery.Document>> DocumentsAsync(string user, int fileId) =>
        (await (await portal.AsAsync<TechnicalFileQuery>(user)).FindAsync(fileId))!.Documents;

    private async Task<bool> AwaitsVerificationAsync(string user, int fileId) =>
        (await (await portal.AsAsync<ScanQueueQuery>(user)).ListAsync(new ScanQueueQuery.Filter(AwaitingVerification: true), 0, 500)).Rows.Any(r => r.Id == fileId);

    [Fact]
    public async Task BranchUpload_IsRefusedOnlyByTheHoldingBranchsSupervisor_WithAReason()
    {
        var (id, documentId) = await FileWithBranchUploadAsync();
        Assert.True(Assert.Single(await DocumentsAsync(Supervisor, id)).CanRefuse);
        Assert.False(Assert.Single(await DocumentsAsync(Staff, id)).CanRefuse);

        await Refused.ForbiddenAsync(async () => await (await portal.AsAsync<DocumentDesk>(Staff)).RefuseAsync(documentId, "ناخوانا"));
        // An agency that does not work on the file does not even find the document.
        Assert.Equal("ElectronicFiles.DocumentNotFound",
            (await Assert.ThrowsAsync<DomainException>(async () => await (await portal.AsAsync<DocumentDesk>(AgencyManager)).RefuseAsync(documentId, "ناخوانا"))).Key);
        var supervisor = await portal.AsAsync<DocumentDesk>(Supervisor);
        Assert.Equal("ElectronicFiles.RefusalReasonRequired", (await Assert.ThrowsAsync<DomainException>(() => supervisor.RefuseAsync(documentId, "  \u200c "))).Key);
        Assert.Equal("ElectronicFiles.ReasonTooLong",
            (await Assert.ThrowsAsync<DomainException>(() => supervisor.RefuseAsync(documentId, new string('ب', ScannedDocument.RefusalMaxLength + 1)))).Key);
        Assert.True(await AwaitsVerificationAsync(Supervisor, id));

        await supervisor.RefuseAsync(documentId, "  تصویر  ناخوانا است؛ برگ دوم ندارد  ");

        var refused = Assert.Single(await DocumentsAsync(Staff, id));
        Assert.Equal("تصویر ناخوانا است؛ برگ دوم ندارد", refused.RefusalReason);
        Assert.NotNull(refused.RefusedAt);
        Assert.False(string.IsNullOrEmpty(refused.RefusedByName));
        Assert.Null(refused.VerifiedAt);
        Assert.False(await AwaitsVerificationAsync(Supervisor, id));
        Assert.Equal(DocumentActions.None, Assert.Single(await DocumentsAsync(Supervisor, id)).Actions);
    }

    [Fact]
    public async Task RefusedDocument_IsNeverVerifiedAfterwards_NorRefusedTwice()
    {
        var (_, documentId) = await FileWithBranchUploadAsync();
        var supervisor = await portal.AsAsync<DocumentDesk>(Supervisor);
        await supervisor.RefuseAsync(documentId, "سند مربوط به شخص دیگری است");

        Assert.Equal("ElectronicFiles.AlreadyRefused", (await Assert.ThrowsAsync<DomainException>(() => supervisor.VerifyAsync(documentId))).Key);
        Assert.Equal("ElectronicFiles.AlreadyRefused", (await Assert.ThrowsAsync<DomainException>(() => supervisor.RefuseAsync(documentId, "دوباره"))).Key);
        await using var db = Acting.SystemDb(portal);
        var stored = await db.ScannedDocuments.AsNoTracking().SingleAsync(d => d.Id == documentId);
        Assert.Equal((false, true, "سند مربوط به شخص دیگری است"), (stored.IsVerified, stored.IsRefused, stored.RefusalReason));
    }

    [Fact]
    public async Task VerifiedDocument_IsNotRefused()
    {
        var (_, documentId) = await FileWithBranchUploadAsync();
        var supervisor = await portal.AsAsync<DocumentDesk>(Supervisor);
        await supervisor.VerifyAsync(documentId);
        Assert.Equal("ElectronicFiles.AlreadyVerified", (await Assert.ThrowsAsync<DomainException>(() => supervisor.RefuseAsync(documentId, "دیر شد"))).Key);
    }

    [Fact]
    public async Task FirstScans_AreCheckedWithTheFile_NotRefusedOneByOne()
    {
        var (id, documentId) = await FileWithBranchUploadAsync(DocumentSource.InitialScanning);
        Assert.False(Assert.Single(await DocumentsAsync(Supervisor, id)).CanRefuse);
        var supervisor = await portal.AsAsync<DocumentDesk>(Supervisor);
        var refusal = await Assert.ThrowsAsync<DomainException>(() => supervisor.RefuseAsync(documentId, "کم‌رنگ"));
        Assert.Equal("ElectronicFiles.FirstScansNotRefused", refusal.Key);
    }

    [Fact]
    public async Task AgencyUpload_RefusedByItsManager_ShowsTheRefusalToTheUploader_WhoAddsACorrectedOne()
    {
        var nationalId = NewNationalId();
        var id = await RegisterAsync(portal, nationalId: nationalId);
        var number = (await FileAsync(portal, id)).Number;
        var typeId = await TypeIdAsync(portal);
        var agency = await portal.AsAsync<DocumentDesk>(AgencyUser);
        await agency.UploadAsync(new DocumentDesk.Upload(null, number, nationalId, typeId, DocumentSource.UploadedByAgency, "گواهی پزشک"), new MemoryStream(SampleFiles.Pdf()));
        var first = Assert.Single(await DocumentsAsync(AgencyUser, id)).Id;

        // The branch's supervisor does not vouch for an agency's upload, so may not refuse it either.
        await Refused.ForbiddenAsync(async () => await (await portal.AsAsync<DocumentDesk>(Supervisor)).RefuseAsync(first, "ناقص"));
        await (await portal.AsAsync<DocumentDesk>(AgencyManager)).RefuseAsync(first, "مهر پزشک ندارد");

        var seen = Assert.Single(await DocumentsAsync(AgencyUser, id));
        Assert.Equal("مهر پزشک ندارد", seen.RefusalReason);
        Assert.NotNull(seen.RefusedByName);
        Assert.False(await AwaitsVerificationAsync(AgencyManager, id));

        await agency.UploadAsync(new DocumentDesk.Upload(id, null, null, typeId, DocumentSource.UploadedByAgency, "گواهی پزشک با مهر"), new MemoryStream(SampleFiles.Pdf("corrected")));
        Assert.True(await AwaitsVerificationAsync(AgencyManager, id));
        var corrected = (await DocumentsAsync(AgencyManager, id)).Single(d => d.Id != first);
        Assert.True(corrected.CanVerify);
        await (await portal.AsAsync<DocumentDesk>(AgencyManager)).VerifyAsync(corrected.Id);
        var documents = await DocumentsAsync(AgencyUser, id);
        Assert.NotNull(documents.Single(d => d.Id == corrected.Id).VerifiedAt);
        Assert.Null(documents.Single(d => d.Id == first).VerifiedAt);
    }

    [Fact]
    public async Task RefusedDocument_IsFoundAndOpened_MarkedRefused_OnlyByThoseWhoSeeTheFile()
    {
        var (id, documentId) = await FileWithBranchUploadAsync();
        await (await portal.AsAsync<DocumentDesk>(Supervisor)).RefuseAsync(documentId, "برگ اشتباه");
        var nationalId = (await FileAsync(portal, id)).NationalId;

        var hit = Assert.Single((await (await portal.AsAsync<DocumentSearchQuery>(Staff)).SearchAsync(new DocumentSearchQuery.Filter(NationalId: nationalId), 0, 50)).Rows);
        Assert.Equal((documentId, true, false), (hit.DocumentId, hit.Refused, hit.Verified));
        Assert.True((await (await portal.AsAsync<DocumentViewer>(Staff)).OpenAsync(documentId))!.Refused);
        Assert.Empty((await (await portal.AsAsync<DocumentSearchQuery>("golestan.branch.staff")).SearchAsync(new DocumentSearchQuery.Filter(NationalId: nationalId), 0, 50)).Rows);
        Assert.Null(await (await portal.AsAsync<DocumentViewer>("golestan.branch.staff")).OpenAsync(documentId));
    }

    [Fact]
    public async Task Report_CountsTheRefusalForTheHoldingBranch_AndNotTheRefusedDocumentByHeading()
    {
        var (id, documentId) = await FileWithBranchUploadAsync();
        var branchId = (await FileAsync(portal, id)).BranchId;
        var group = Assert.Single(await DocumentsAsync(Staff, id)).GroupName;
        var query = await portal.AsAsync<ScanningReportQuery>("kerman.treatment");
        var before = await query.ReadAsync(ThisMonth);

        await (await portal.AsAsync<DocumentDesk>(Supervisor)).RefuseAsync(documentId, "تاریخ ندارد");

        var after = await query.ReadAsync(ThisMonth);
        int Refusals(ScanningReportQuery.Report r) => r.Branches.SingleOrDefault(b => b.BranchId == branchId)?.Refusals ?? 0;
        int ByHeading(ScanningReportQuery.Report r) => r.Groups.SingleOrDefault(g => g.Group == group)?.Documents ?? 0;
        Assert.Equal(Refusals(before) + 1, Refusals(after));
        Assert.Equal(after.Branches.Sum(b => b.Refusals), after.Total.Refusals);
        Assert.Equal(ByHeading(before) - 1, ByHeading(after));
        Assert.DoesNotContain((await (await portal.AsAsync<ScanningReportQuery>("golestan.treatment")).ReadAsync(ThisMonth)).Branches, b => b.BranchId == branchId);
    }
}
