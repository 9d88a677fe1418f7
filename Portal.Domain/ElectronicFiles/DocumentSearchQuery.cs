using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.ElectronicFiles;

/// <summary>
/// Finds scanned documents in the reader's scope by the person's national ID, document type or heading, scan date, and
/// the words on their pages (read by OCR). Only documents the reader's scope holds are searched: the words of another
/// branch's file are never matched, so a search cannot tell that they exist. A refused document is still found, marked refused.
/// </summary>
public sealed class DocumentSearchQuery(PortalDb portalDb)
{
    public sealed record Filter(string? NationalId = null, int? GroupId = null, int? TypeId = null, JalaliDate? From = null, JalaliDate? To = null, string? Words = null);

    public sealed record Hit(int DocumentId, int FileId, string FileNumber, string NationalId, string PersonName, string GroupName, string TypeName,
        DateTimeOffset ScannedAt, int Pages, bool Verified, bool Refused, int? Page, string? Excerpt);

    public sealed record Page(IReadOnlyList<Hit> Rows, int Total);

    public async Task<Page> SearchAsync(Filter filter, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.ElectronicFilesRead, ct);
        var documents = db.ScannedDocuments.AsNoTracking();
        if (TextNormalizer.DigitsOnly(filter.NationalId) is { Length: > 0 } id) documents = documents.Where(d => d.File.NationalId == id);
        if (filter.TypeId is int type) documents = documents.Where(d => d.TypeId == type);
        if (filter.GroupId is int group) documents = documents.Where(d => d.Type.GroupId == group);
        if (filter.From is { } from) documents = documents.Where(d => d.ScannedAt >= from.StartInstant);
        if (filter.To is { } to) documents = documents.Where(d => d.ScannedAt < to.AddDays(1).StartInstant);

        if (string.IsNullOrWhiteSpace(filter.Words))
        {
            var total = await documents.CountAsync(ct);
            var rows = await documents.OrderByDescending(d => d.ScannedAt).ThenByDescending(d => d.Id).Skip(skip).Take(take)
                .Select(d => new Hit(d.Id, d.FileId, d.File.Number, d.File.NationalId, d.File.PersonName, d.Type.Group.Name, d.Type.Name,
                    d.ScannedAt, d.Pages, d.VerifiedAt != null, d.RefusedAt != null, null, null))
                .ToListAsync(ct);
            return new Page(rows, total);
        }

        // One row per matching page, the document's details beside it.
        var pages = PageTextSearch.Matching(db, filter.Words).Join(documents, p => p.DocumentId, d => d.Id, (p, d) => new { p, d });
        var count = await pages.CountAsync(ct);
        var hits = await pages.OrderByDescending(x => x.d.ScannedAt).ThenBy(x => x.d.Id).ThenBy(x => x.p.Page).Skip(skip).Take(take)
            .Select(x => new { x.d.Id, x.d.FileId, x.d.File.Number, x.d.File.NationalId, x.d.File.PersonName, GroupName = x.d.Type.Group.Name, TypeName = x.d.Type.Name,
                x.d.ScannedAt, x.d.Pages, Verified = x.d.VerifiedAt != null, Refused = x.d.RefusedAt != null, x.p.Page, x.p.Text })
            .ToListAsync(ct);
        return new Page(hits.Select(h => new Hit(h.Id, h.FileId, h.Number, h.NationalId, h.PersonName, h.GroupName, h.TypeName, h.ScannedAt, h.Pages, h.Verified, h.Refused,
            h.Page, Excerpt(h.Text, filter.Words))).ToList(), count);
    }

    /// <summary>A line or so of the page around the first typed word, as read.</summary>
    public static string Excerpt(string text, string? typed, int width = 120)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var first = PageText.WordsOf(typed).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var words = flat.Split(' ');
        var at = first is null ? -1 : Array.FindIndex(words, w => PageText.WordsOf(w).StartsWith(first, StringComparison.Ordinal));
        if (at < 0 || flat.Length <= width) return flat.Length <= width ? flat : flat[..width] + "…";
        var start = Math.Max(0, string.Join(' ', words[..at]).Length - width / 3);
        var end = Math.Min(flat.Length, start + width);
        return (start > 0 ? "…" : "") + flat[start..end] + (end < flat.Length ? "…" : "");
    }
}
