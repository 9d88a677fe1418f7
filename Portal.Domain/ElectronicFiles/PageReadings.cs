using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Logging;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.ElectronicFiles;

/// <summary>Where the reading of one document's pages stands: read (its words are in <see cref="PageText"/>) or failed, with the attempts.</summary>
public sealed class DocumentReading
{
    public const int MaxAttempts = 3;

    private DocumentReading() { }

    public DocumentReading(int documentId) => DocumentId = documentId;

    public int DocumentId { get; private set; }
    public bool Read { get; private set; }
    public int Pages { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? At { get; private set; }
    public string? Error { get; private set; }

    public void Succeeded(int pages, DateTimeOffset at) => (Read, Pages, Attempts, At, Error) = (true, pages, Attempts + 1, at, null);

    public void Failed(string error, DateTimeOffset at) => (Attempts, At, Error) = (Attempts + 1, at, error.Length > 400 ? error[..400] : error);
}

/// <summary>
/// Reads, in the background, the pages of every scanned document not read yet (OCR through <see cref="IPageReader"/>) and
/// stores their words for search. A document that fails is tried again on later passes, <see cref="DocumentReading.MaxAttempts"/>
/// times in all. Documents are read oldest first, a few at a time, so uploads never wait for it.
/// </summary>
public sealed class PageReadings(IDbContextFactory<PortalDbContext> factory, IFileStore files, IPageReader reader, TimeProvider clock, ILogger<PageReadings> logger)
{
    /// <summary>Reads up to <paramref name="batch"/> unread documents; returns how many pages were read.</summary>
    public async Task<int> ReadPendingAsync(int batch = 10, CancellationToken ct = default)
    {
        if (reader.Missing is not null) return 0;
        List<(int Id, string Sha256, FileKind Kind)> pending;
        await using (var db = PortalDb.Open(factory, Actor.System))
        {
            pending = (await db.ScannedDocuments
                .Where(d => !db.DocumentReadings.Any(r => r.DocumentId == d.Id && (r.Read || r.Attempts >= DocumentReading.MaxAttempts)))
                .OrderBy(d => d.Id).Take(batch).Select(d => new { d.Id, d.Sha256, d.ContentKind }).ToListAsync(ct))
                .Select(d => (d.Id, d.Sha256, d.ContentKind)).ToList();
        }
        var pages = 0;
        foreach (var document in pending) pages += await ReadAsync(document.Id, document.Sha256, document.Kind, ct);
        return pages;
    }

    /// <summary>Reads one document now, whatever its turn (read again if it was read); returns its pages read, 0 when it is not found.</summary>
    public async Task<int> ReadNowAsync(int documentId, CancellationToken ct = default)
    {
        if (reader.Missing is not null) return 0;
        await using var db = PortalDb.Open(factory, Actor.System);
        var document = await db.ScannedDocuments.Where(d => d.Id == documentId).Select(d => new { d.Sha256, d.ContentKind }).SingleOrDefaultAsync(ct);
        return document is null ? 0 : await ReadAsync(documentId, document.Sha256, document.ContentKind, ct);
    }

    private async Task<int> ReadAsync(int documentId, string sha256, FileKind kind, CancellationToken ct)
    {
        IReadOnlyList<string>? texts = null;
        string? error = null;
        try
        {
            await using var content = await files.OpenSeekableAsync(sha256, ct) ?? throw new FileNotFoundException("The stored scan is missing.", sha256);
            texts = await reader.ReadAsync(content, kind, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Reading the pages of document {Document} failed", documentId);
            error = e.Message;
        }
        await using var db = PortalDb.Open(factory, Actor.System);
        var reading = await db.DocumentReadings.SingleOrDefaultAsync(r => r.DocumentId == documentId, ct);
        if (reading is null) db.DocumentReadings.Add(reading = new DocumentReading(documentId));
        if (texts is null)
        {
            reading.Failed(error ?? "", clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return 0;
        }
        await db.PageTexts.Where(p => p.DocumentId == documentId).ExecuteDeleteAsync(ct);
        db.PageTexts.AddRange(texts.Select((text, i) => new PageText(documentId, i + 1, text)));
        reading.Succeeded(texts.Count, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return texts.Count;
    }
}

internal sealed class DocumentReadingConfiguration : IEntityTypeConfiguration<DocumentReading>
{
    public void Configure(EntityTypeBuilder<DocumentReading> b)
    {
        b.HasKey(r => r.DocumentId);
        b.HasOne<ScannedDocument>().WithOne().HasForeignKey<DocumentReading>(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.Error).HasMaxLength(400);
    }
}
