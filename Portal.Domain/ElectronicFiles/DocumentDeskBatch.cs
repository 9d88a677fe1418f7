using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.ElectronicFiles;

/// <summary>
/// A batch scan (برگ جداکننده): one PDF or multi-page TIFF holding many files, each begun by its cover sheet. It is
/// checked like any scan, split at its cover sheets and kept aside (<see cref="StageBatchAsync"/>); its files are shown
/// (<see cref="PreviewBatchAsync"/>); on confirmation each file gets one document of its first scans, all or none
/// (<see cref="AddBatchAsync"/>).
/// </summary>
public sealed partial class DocumentDesk
{
    /// <summary>How long a batch waits for its confirmation before it is thrown away.</summary>
    public static readonly TimeSpan BatchKeptFor = TimeSpan.FromHours(12);

    // Stateless: the reader holds nothing between batches.
    private static readonly CoverSheetReader CoverSheets = new();

    private static readonly string BatchFolder = Path.Combine(Path.GetTempPath(), "portal-batches");

    /// <summary>One cover sheet's file in a batch: the file found (null when not), its pages, and why it cannot be added (a message key) if it cannot.</summary>
    public sealed record BatchFile(string FileNumber, int CoverPage, PageRange? Pages, int? FileId, string? PersonName, string? Error)
    {
        public int PageCount => Pages?.Count ?? 0;
    }

    /// <summary>
    /// A batch as split: its files in order, and the pages before its first cover sheet (<see cref="Unassigned"/>), which
    /// belong to no file and stop the batch like a file's error does.
    /// </summary>
    public sealed record BatchPreview(Guid Id, ScanFormat Format, int PageCount, PageRange? Unassigned, IReadOnlyList<BatchFile> Files)
    {
        public bool CanAdd => Unassigned is null && Files.Count > 0 && Files.All(f => f.Error is null);
    }

    /// <summary>
    /// Checks the batch by content (a PDF or a TIFF within <see cref="MaxBytes"/>), reads its cover sheets and keeps it
    /// aside for the one who sent it; nothing goes into the file store yet. Returns the batch's id for its preview.
    /// </summary>
    public async Task<Guid> StageBatchAsync(Stream content, CancellationToken ct = default)
    {
        string owner;
        await using (var db = await portalDb.OpenForAsync(Permission.ElectronicFilesScan, ct)) owner = db.Actor.UserName;
        var (buffer, kind) = await ReadScanAsync(content, ct);
        await using var _ = buffer;
        if (kind is not (FileKind.Pdf or FileKind.Tiff)) throw DomainException.Of("ElectronicFiles.BatchType");
        if (kind == FileKind.Pdf && !CoverSheetReader.CanReadPdf) throw DomainException.Of("ElectronicFiles.BatchPdfUnavailable");
        var split = await CoverSheets.SplitAsync(buffer, ct);
        if (split.Format == ScanFormat.Unknown) throw DomainException.Of("ElectronicFiles.BatchUnreadable");

        ForgetOldBatches();
        var id = Guid.NewGuid();
        var folder = Directory.CreateDirectory(Path.Combine(BatchFolder, OwnerFolder(owner)));
        buffer.Position = 0;
        await using (var copy = File.Create(Path.Combine(folder.FullName, $"{id:N}.scan"))) await buffer.CopyToAsync(copy, ct);
        var staged = new StagedBatch(split.Format, split.PageCount, split.Unassigned?.First, split.Unassigned?.Last,
            [.. split.Sections.Select(s => new StagedSection(s.FileNumber, s.CoverPage, s.Pages?.First, s.Pages?.Last))]);
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, $"{id:N}.json"), JsonSerializer.Serialize(staged), ct);
        return id;
    }

    /// <summary>The batch's files as they stand now, or null when the reader has no such batch (another's, or thrown away).</summary>
    public async Task<BatchPreview?> PreviewBatchAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.ElectronicFilesScan, ct);
        if (await StagedAsync(db.Actor, id, ct) is not { } staged) return null;
        var (preview, _) = await ResolveAsync(db, id, staged, ct);
        return preview;
    }

    /// <summary>
    /// Adds one document of first scans (<see cref="DocumentSource.InitialScanning"/>) of type <paramref name="typeId"/> to
    /// each file of the batch, its pages cut from the batch. All or none: any file in error refuses the whole batch, and
    /// nothing is stored before every file has passed. Returns the files' ids in the batch's order.
    /// </summary>
    public async Task<IReadOnlyList<int>> AddBatchAsync(Guid id, int typeId, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.ElectronicFilesScan, ct);
        var staged = await StagedAsync(db.Actor, id, ct) ?? throw DomainException.Of("ElectronicFiles.BatchExpired");
        var type = await db.DocumentTypes.Include(t => t.Group).SingleOrDefaultAsync(t => t.Id == typeId && t.IsActive, ct)
            ?? throw DomainException.Of("ElectronicFiles.TypeRequired");
        var (preview, found) = await ResolveAsync(db, id, staged, ct);
        if (!preview.CanAdd) throw DomainException.Of("ElectronicFiles.BatchHasErrors");
        var unitId = db.Actor.UnitId;
        var unitKind = await db.OrgUnits.IgnoreQueryFilters().Where(u => u.Id == unitId).Select(u => (UnitKind?)u.Kind).SingleOrDefaultAsync(ct) ?? UnitKind.HeadOffice;

        // Every file's pages are cut and counted first; only then is anything stored.
        var cuts = new List<(TechnicalFile File, byte[] Content, int Pages)>();
        await using (var batch = File.OpenRead(ScanPath(db.Actor, id)))
        {
            foreach (var file in preview.Files)
            {
                byte[] content;
                try { content = ScanCuts.Cut(batch, staged.Format, file.Pages!.Value); }
                catch (Exception e) when (e is InvalidDataException or InvalidOperationException or ArgumentException)
                {
                    throw DomainException.Of("ElectronicFiles.BatchUnreadable");
                }
                using var cut = new MemoryStream(content, writable: false);
                if (ScanPages.Count(cut).Pages != file.PageCount) throw DomainException.Of("ElectronicFiles.BatchUnreadable");
                cuts.Add((found[file.FileId!.Value], content, file.PageCount));
            }
        }
        var now = clock.GetUtcNow();
        foreach (var (file, content, pages) in cuts)
        {
            using var cut = new MemoryStream(content, writable: false);
            var (sha, size) = await files.SaveAsync(cut, ct);
            db.ScannedDocuments.Add(new ScannedDocument(file, type, null, pages, DocumentSource.InitialScanning, sha, size, Kind(staged.Format), db.Actor, unitKind, now));
        }
        await ScanningDesk.SaveAsync(db, ct);
        Forget(db.Actor, id);
        return [.. cuts.Select(c => c.File.Id)];
    }

    /// <summary>Throws the batch away unadded (the user chose another file, or cancelled).</summary>
    public async Task DiscardBatchAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.ElectronicFilesScan, ct);
        Forget(db.Actor, id);
    }

    /// <summary>
    /// The batch's files looked up in the reader's scope, each with its refusal: a number no file in scope has, a file
    /// another branch holds, a file named twice, a cover sheet with no pages after it, or a file whose first scans are
    /// closed (<see cref="SourcesFor"/>).
    /// </summary>
    private static async Task<(BatchPreview Preview, Dictionary<int, TechnicalFile> Files)> ResolveAsync(PortalDbContext db, Guid id, StagedBatch staged, CancellationToken ct)
    {
        static string Key(string number) => TextNormalizer.Normalize(number).ToUpperInvariant();
        var numbers = staged.Sections.Select(s => Key(s.FileNumber)).Distinct().ToList();
        var files = await db.TechnicalFiles.Where(f => numbers.Contains(f.Number)).ToListAsync(ct);
        var byNumber = files.ToDictionary(f => f.Number);
        var repeated = staged.Sections.GroupBy(s => Key(s.FileNumber)).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var result = staged.Sections.Select(s =>
        {
            var pages = s.First is int first && s.Last is int last ? new PageRange(first, last) : (PageRange?)null;
            var file = byNumber.GetValueOrDefault(Key(s.FileNumber));
            var holds = file is not null && file.BranchId == db.Actor.UnitId;
            var error = file is null ? "ElectronicFiles.BatchUnknownFile"
                : !holds ? "ElectronicFiles.BatchOtherBranch"
                : repeated.Contains(file.Number) ? "ElectronicFiles.BatchRepeated"
                : pages is null ? "ElectronicFiles.BatchNoPages"
                : file.IsDone ? "ElectronicFiles.AlreadyIndexed"
                : !SourcesFor(db.Actor, holds, file.IsDone).Contains(DocumentSource.InitialScanning) ? "ElectronicFiles.SourceNotAllowed"
                : null;
            return new BatchFile(s.FileNumber, s.CoverPage, pages, file?.Id, file?.PersonName, error);
        }).ToList();
        var unassigned = staged.UnassignedFirst is int uf && staged.UnassignedLast is int ul ? new PageRange(uf, ul) : (PageRange?)null;
        return (new BatchPreview(id, staged.Format, staged.PageCount, unassigned, result), files.ToDictionary(f => f.Id));
    }

    private static FileKind Kind(ScanFormat format) => format == ScanFormat.Pdf ? FileKind.Pdf : FileKind.Tiff;

    private sealed record StagedSection(string FileNumber, int CoverPage, int? First, int? Last);

    private sealed record StagedBatch(ScanFormat Format, int PageCount, int? UnassignedFirst, int? UnassignedLast, List<StagedSection> Sections);

    private static async Task<StagedBatch?> StagedAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var json = Path.Combine(BatchFolder, OwnerFolder(actor.UserName), $"{id:N}.json");
        if (!File.Exists(json) || !File.Exists(ScanPath(actor, id))) return null;
        return JsonSerializer.Deserialize<StagedBatch>(await File.ReadAllTextAsync(json, ct));
    }

    private static string ScanPath(Actor actor, Guid id) => Path.Combine(BatchFolder, OwnerFolder(actor.UserName), $"{id:N}.scan");

    /// <summary>Each user's batches in a folder of their own, named by a hash of the user name (which may hold any character).</summary>
    private static string OwnerFolder(string userName) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userName.ToLowerInvariant())))[..24];

    private static void Forget(Actor actor, Guid id)
    {
        var folder = Path.Combine(BatchFolder, OwnerFolder(actor.UserName));
        foreach (var ext in new[] { "scan", "json" }) File.Delete(Path.Combine(folder, $"{id:N}.{ext}"));
    }

    private static void ForgetOldBatches()
    {
        if (!Directory.Exists(BatchFolder)) return;
        var before = DateTime.UtcNow - BatchKeptFor;
        foreach (var file in new DirectoryInfo(BatchFolder).EnumerateFiles("*", SearchOption.AllDirectories).Where(f => f.LastWriteTimeUtc < before))
        {
            try { file.Delete(); }
            catch (IOException) { } // being read by its confirmation: the next batch removes it
        }
    }
}
