using System.Text;
using System.Text.RegularExpressions;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;

namespace Portal.Domain.ElectronicFiles;

/// <summary>Reads the words on scanned pages (OCR). The portal works without one: then nothing is read and search finds no text.</summary>
public interface IPageReader
{
    /// <summary>Null when pages can be read; otherwise, what is missing (for the health page).</summary>
    string? Missing { get; }

    /// <summary>The text of each page of a PDF, multi-page TIFF, JPEG or PNG, in page order.</summary>
    Task<IReadOnlyList<string>> ReadAsync(Stream content, FileKind kind, CancellationToken ct = default);
}

/// <summary>
/// The words read on one page of a scanned document: <see cref="Text"/> as read, <see cref="Words"/> the same words
/// folded as every search folds what is typed (<see cref="SearchKey"/>), which the full-text index holds.
/// </summary>
public sealed partial class PageText
{
    private PageText() { }

    public PageText(int documentId, int page, string text)
    {
        DocumentId = documentId;
        Page = page;
        Text = text.Trim();
        Words = WordsOf(text);
    }

    public long Id { get; private set; }
    public int DocumentId { get; private set; }
    public int Page { get; private set; }
    public string Text { get; private set; } = "";
    public string Words { get; private set; } = "";

    /// <summary>Each word folded on its own («می‌روم» and «میروم» are one word), separated by single spaces.</summary>
    public static string WordsOf(string? text)
    {
        var words = new StringBuilder();
        foreach (var word in Split(text))
        {
            var key = SearchKey.Of(word);
            if (key.Length == 0) continue;
            if (words.Length > 0) words.Append(' ');
            words.Append(key);
        }
        return words.ToString();
    }

    /// <summary>
    /// What is typed as an FTS5 query: each word folded and quoted (so no word is read as an operator), each a prefix,
    /// all required. Null when nothing searchable is typed.
    /// </summary>
    public static string? MatchQuery(string? typed)
    {
        var words = WordsOf(typed).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? null : string.Join(' ', words.Select(w => $"\"{w.Replace("\"", "", StringComparison.Ordinal)}\"*"));
    }

    // Words are separated by white space, punctuation and symbols; the zero-width non-joiner (a format character) stays inside a word.
    [GeneratedRegex(@"[\s\p{P}\p{S}]+")]
    private static partial Regex Separators();

    private static string[] Split(string? text) => Separators().Split(text ?? "");
}
