using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.ElectronicFiles;

/// <summary>
/// Documents going into technical files: a branch's scans, papers received in service or by mail, and the uploads of
/// agencies and treatment units (seed 003, parts 2 and 3 §1c), each checked by content before anything is stored; and
/// their verification by whoever vouches for them.
/// </summary>
public sealed partial class DocumentDesk(PortalDb portalDb, IFileStore files, TimeProvider clock)
{
    /// <summary>A 300-page scan at 200 dpi is about 60 MB; twice that is room enough.</summary>
    public const long MaxBytes = 128L * 1024 * 1024;

    /// <summary>
    /// A document for a file: by its id when the uploader already sees the file, or, for an agency or a centre that
    /// has not worked on it yet, by the file's number and the person's national ID from the person's papers.
    /// </summary>
    public sealed record Upload(int? FileId, string? FileNumber, string? NationalId, int TypeId, DocumentSource Source, string? Title);

    public sealed record TypeOption(int Id, string Name, string GroupName);

    /// <summary>The active document types under their headings, for the upload form.</summary>
    public async Task<IReadOnlyList<TypeOption>> TypesAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        return await db.DocumentTypes.AsNoTracking().Where(t => t.IsActive && t.Group.IsActive)
            .OrderBy(t => t.Group.SortOrder).ThenBy(t => t.SortOrder)
            .Select(t => new TypeOption(t.Id, t.Name, t.Group.Name)).ToListAsync(ct);
    }

    /// <summary>
    /// The sources the acting user may record: an agency only its own uploads; only the holding branch the first scans,
    /// and only until the file is indexed (step 12).
    /// </summary>
    public static IReadOnlyList<DocumentSource> SourcesFor(Actor actor, bool holdsFile, bool fileIndexed = false) =>
        actor.Can(Permission.OwnAgency) ? [DocumentSource.UploadedByAgency]
        : holdsFile && !fileIndexed && actor.Can(Permission.ElectronicFilesScan)
            ? [DocumentSource.InitialScanning, DocumentSource.ReceivedInService, DocumentSource.ReceivedByMail]
        : [DocumentSource.ReceivedInService, DocumentSource.ReceivedByMail];

    /// <summary>Checks the content (PDF, TIFF, JPEG or PNG), stores it by hash and adds it to the file; returns the file's id.</summary>
    public async Task<int> UploadAsync(Upload upload, Stream content, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.ElectronicFilesUpload, ct);
        var title = Input.Text(upload.Title, ScannedDocument.TitleMaxLength, required: false);
        if (!title.IsValid) throw DomainException.Of("ElectronicFiles.TitleTooLong", TextNormalizer.ToPersianDigits(ScannedDocument.TitleMaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var file = await FindForUploadAsync(db, upload, ct) ?? throw DomainException.Of("ElectronicFiles.NotFound");
        var holds = file.BranchId == db.Actor.UnitId;
        if (upload.Source == DocumentSource.InitialScanning && file.IsDone) throw DomainException.Of("ElectronicFiles.AlreadyIndexed");
        if (!SourcesFor(db.Actor, holds, file.IsDone).Contains(upload.Source)) throw DomainException.Of("ElectronicFiles.SourceNotAllowed");
        var type = await db.DocumentTypes.Include(t => t.Group).SingleOrDefaultAsync(t => t.Id == upload.TypeId && t.IsActive, ct)
            ?? throw DomainException.Of("ElectronicFiles.TypeRequired");
        var unitId = db.Actor.UnitId;
        var unitKind = await db.OrgUnits.IgnoreQueryFilters().Where(u => u.Id == unitId).Select(u => (UnitKind?)u.Kind).SingleOrDefaultAsync(ct) ?? UnitKind.HeadOffice;

        var (buffer, kind) = await ReadScanAsync(content, ct);
        await using var _ = buffer;
        var pages = ScanPages.Count(buffer).Pages;
        if (pages == 0) throw DomainException.Of("ElectronicFiles.ScanType");
        // Nothing is stored before every check has passed.
        var (sha, size) = await files.SaveAsync(buffer, ct);
        var now = clock.GetUtcNow();
        var document = new ScannedDocument(file, type, title.Value is { Length: > 0 } t ? t : null, pages, upload.Source, sha, size, kind, db.Actor, unitKind, now);
        // The one who vouches for it adds it already verified; first scans wait for step 7 whoever adds them.
        if (upload.Source != DocumentSource.InitialScanning && document.VerifiableBy(db.Actor)) document.Verify(db.Actor, now);
        db.ScannedDocuments.Add(document);
        if (unitId is int unit && !holds) file.AddWorker(unit);
        await ScanningDesk.SaveAsync(db, ct);
        return file.Id;
    }

    /// <summary>Verifies an added document: an agency's by the agency's manager, any other by a supervisor of the holding branch.</summary>
    public Task VerifyAsync(int documentId, CancellationToken ct = default) =>
        ActAsync(documentId, (d, actor, at) => d.Verify(actor, at), ct);

    /// <summary>
    /// Refuses an added document with the reason, by whoever would verify it; the uploader reads the reason on the
    /// file's page and adds a corrected document in its place.
    /// </summary>
    public Task RefuseAsync(int documentId, string? reason, CancellationToken ct = default) =>
        ActAsync(documentId, (d, actor, at) => d.Refuse(actor, reason, at), ct);

    private async Task ActAsync(int documentId, Action<ScannedDocument, Actor, DateTimeOffset> act, CancellationToken ct)
    {
        await using var db = await portalDb.OpenAsync(ct);
        var document = await db.ScannedDocuments.SingleOrDefaultAsync(d => d.Id == documentId, ct) ?? throw DomainException.Of("ElectronicFiles.DocumentNotFound");
        act(document, db.Actor, clock.GetUtcNow());
        await ScanningDesk.SaveAsync(db, ct);
    }

    /// <summary>
    /// A stored document's original, for the branch that holds its file (its archive of record); null when not found or
    /// out of scope. Every other unit sees the pages marked with its name in the viewer (<see cref="DocumentPages"/>):
    /// no unit gets copies (seed 003 part 3 §2).
    /// </summary>
    public async Task<FileDownload?> OpenAsync(int documentId, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        // Like a document out of scope, an original the reader may not take is not found.
        if (!db.Actor.Can(Permission.ElectronicFilesScan)) return null;
        var branch = db.Actor.UnitId;
        var d = await db.ScannedDocuments.AsNoTracking().Where(x => x.Id == documentId && x.BranchId == branch)
            .Select(x => new { x.Sha256, x.ContentKind, x.Size, x.File.Number }).SingleOrDefaultAsync(ct);
        if (d is null || await files.OpenReadAsync(d.Sha256, ct) is not { } stream) return null;
        return new FileDownload($"{d.Number}-{documentId}{FileSignature.Extension(d.ContentKind)}", FileSignature.ContentType(d.ContentKind), d.Size, stream);
    }

    private static async Task<TechnicalFile?> FindForUploadAsync(PortalDbContext db, Upload upload, CancellationToken ct)
    {
        // With its workers, so that a unit's second document does not add it as a worker again.
        if (upload.FileId is int id) return await db.TechnicalFiles.Include(f => f.Workers).SingleOrDefaultAsync(f => f.Id == id, ct);
        var number = TextNormalizer.Normalize(upload.FileNumber).ToUpperInvariant();
        var nationalId = NationalId.Check(upload.NationalId);
        if (number.Length == 0 || !nationalId.IsValid) return null;
        // A unit that has not worked on the file yet reaches it only with both its number and the person's national ID,
        // and only in its own province.
        var province = db.Actor.Scope.ProvinceId;
        return await db.TechnicalFiles.IgnoreQueryFilters().Include(f => f.Workers)
            .SingleOrDefaultAsync(f => f.Number == number && f.NationalId == nationalId.Value && (province == null || f.ProvinceId == province), ct);
    }

    /// <summary>
    /// The upload as a seekable copy and its kind by content: refused when larger than <see cref="MaxBytes"/>, empty, or
    /// not a PDF, TIFF, JPEG or PNG whatever its name says.
    /// </summary>
    private static async Task<(Stream Buffer, FileKind Kind)> ReadScanAsync(Stream content, CancellationToken ct)
    {
        var buffer = await UploadBuffer.ReadAsync(content, MaxBytes, ct) ?? throw DomainException.Of("ElectronicFiles.ScanTooLarge");
        var kind = buffer.Length == 0 ? FileKind.Unknown : FileSignature.Detect(buffer);
        if (kind is FileKind.Pdf or FileKind.Tiff or FileKind.Jpeg or FileKind.Png) return (buffer, kind);
        var empty = buffer.Length == 0;
        await buffer.DisposeAsync();
        throw DomainException.Of(empty ? "ElectronicFiles.ScanRequired" : "ElectronicFiles.ScanType");
    }
}
