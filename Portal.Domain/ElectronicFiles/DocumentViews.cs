using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.ElectronicFiles;

/// <summary>One look at a scanned document: who, from which unit, when (seed 003 part 3: every view is logged).</summary>
public sealed class DocumentView
{
    private DocumentView() { }

    public DocumentView(ScannedDocument document, Actor viewer, DateTimeOffset at)
    {
        (DocumentId, FileId) = (document.Id, document.FileId);
        (UserName, UnitId, At) = (viewer.UserName, viewer.UnitId, at);
    }

    public long Id { get; private set; }
    public int DocumentId { get; private set; }
    public int FileId { get; private set; }
    public string UserName { get; private set; } = "";
    public int? UnitId { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>
/// Opens scanned documents for viewing, logging each opening, and says who has viewed a person's file. A document out
/// of the viewer's scope is not found, and its opening is not logged.
/// </summary>
public sealed class DocumentViewer(PortalDb portalDb, TimeProvider clock)
{
    public sealed record Opened(int Id, int FileId, string FileNumber, string PersonName, string NationalId, string TypeName, string GroupName,
        int Pages, DateTimeOffset ScannedAt, string ScannedBy, bool Verified, bool Refused, string Viewer, DateTimeOffset ViewedAt);

    public sealed record Viewing(string UserName, string? UnitName, string TypeName, DateTimeOffset At);

    /// <summary>The document, with the viewer and the time the watermark shows; null when it is not in the viewer's scope.</summary>
    public async Task<Opened?> OpenAsync(int documentId, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.ElectronicFilesRead, ct);
        var document = await db.ScannedDocuments.Include(d => d.File).Include(d => d.Type).ThenInclude(t => t.Group)
            .SingleOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null) return null;
        var now = clock.GetUtcNow();
        db.DocumentViews.Add(new DocumentView(document, db.Actor, now));
        await db.SaveChangesAsync(ct);
        return new Opened(document.Id, document.FileId, document.File.Number, document.File.PersonName, document.File.NationalId, document.Type.Name,
            document.Type.Group.Name, document.Pages, document.ScannedAt, document.ScannedBy, document.IsVerified, document.IsRefused,
            db.Actor.UserName, now);
    }

    /// <summary>Who has viewed the file's documents, newest first; empty when the file is not in the reader's scope.</summary>
    public async Task<IReadOnlyList<Viewing>> ViewsOfFileAsync(int fileId, int take = 200, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.ElectronicFilesRead, ct);
        var views = await db.DocumentViews.AsNoTracking().Where(v => v.FileId == fileId).OrderByDescending(v => v.Id).Take(take)
            .Select(v => new { v.UserName, v.UnitId, Type = db.ScannedDocuments.Where(d => d.Id == v.DocumentId).Select(d => d.Type.Name).FirstOrDefault(), v.At })
            .ToListAsync(ct);
        // Unit names are read apart: IgnoreQueryFilters anywhere in a query lifts every filter of it, the views' scope too.
        var unitIds = views.Select(v => v.UnitId).OfType<int>().Distinct().ToList();
        var units = await db.OrgUnits.IgnoreQueryFilters().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return views.Select(v => new Viewing(v.UserName, v.UnitId is int id ? units.GetValueOrDefault(id) : null, v.Type ?? "", v.At)).ToList();
    }
}

internal sealed class DocumentViewConfiguration : IEntityTypeConfiguration<DocumentView>
{
    public void Configure(EntityTypeBuilder<DocumentView> b)
    {
        b.Property(v => v.UserName).HasMaxLength(256);
        b.HasIndex(v => new { v.FileId, v.Id });
        b.HasOne<ScannedDocument>().WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
