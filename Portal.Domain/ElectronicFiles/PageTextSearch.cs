using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Data;

namespace Portal.Domain.ElectronicFiles;

/// <summary>
/// Full-text search over the words read on scanned pages: SQLite's FTS5 (the <see cref="IndexTable"/> virtual table the
/// migration creates, kept in step by triggers) or PostgreSQL's text search (a GIN index on the words' tsvector).
/// Both index <see cref="PageText.Words"/>, already folded, so the 'simple' configuration and FTS5's unicode61 tokenizer
/// need to know nothing of Persian.
/// </summary>
public static class PageTextSearch
{
    public const string IndexTable = "PageTextIndex";

    /// <summary>The pages whose words hold every typed word (each as a prefix); none when nothing searchable is typed.</summary>
    public static IQueryable<PageText> Matching(PortalDbContext db, string? typed)
    {
        if (PageText.MatchQuery(typed) is not { } match) return db.PageTexts.Where(_ => false);
        if (db.Database.IsSqlite())
            return db.PageTexts.FromSqlRaw($"SELECT * FROM \"PageTexts\" WHERE \"Id\" IN (SELECT rowid FROM {IndexTable} WHERE {IndexTable} MATCH {{0}})", match);
        var query = string.Join(" & ", PageText.WordsOf(typed).Split(' ').Select(w => $"'{w.Replace("'", "", StringComparison.Ordinal)}':*"));
        return db.PageTexts.Where(p => EF.Functions.ToTsVector("simple", p.Words).Matches(EF.Functions.ToTsQuery("simple", query)));
    }
}

internal sealed class PageTextConfiguration : IEntityTypeConfiguration<PageText>
{
    public void Configure(EntityTypeBuilder<PageText> b)
    {
        b.ToTable("PageTexts");
        b.HasIndex(p => new { p.DocumentId, p.Page }).IsUnique();
        b.HasOne<ScannedDocument>().WithMany().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
