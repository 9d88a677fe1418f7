using System.Globalization;
using System.Text;

namespace Portal.Domain.Common;

/// <summary>
/// What a Persian reader takes as the same word, reduced to one string: every search and every duplicate check
/// compares these keys, never the stored text (which stays as typed). Folds Arabic presentation forms and ligatures
/// (NFKD), diacritics, tanwin and superscript alef, every hamza form (آ أ إ ٱ to ا, ؤ to و, ئ to ی, ء and ٔ dropped),
/// ة ۀ ھ to ه, ي ى to ی, ك ڪ to ک, Persian and Arabic digits to Latin, Latin case, and drops spaces, ZWNJ/ZWJ, tatweel
/// and bidi marks, so «می روم», «میروم» and «می‌روم» are one key.
/// </summary>
public static class SearchKey
{
    /// <summary>Separates the fields of a stored search text; <see cref="Of"/> never yields it, so a key cannot match across fields.</summary>
    public const char FieldSeparator = '\n';

    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) continue;
            if (Fold(c) is { } folded) sb.Append(folded);
        }
        return sb.ToString();
    }

    // Within PostgreSQL's limit for a b-tree index entry (~2,700 bytes) even for Persian letters; only text made of
    // ligatures that unfold tenfold could reach it.
    private const int MaxStoredLength = 1000;

    /// <summary>For lists filtered in memory: true when nothing is typed or a field holds the typed key.</summary>
    public static bool Matches(string? typed, params string?[] fields)
    {
        var key = Of(typed);
        return key.Length == 0 || fields.Any(f => Of(f).Contains(key, StringComparison.Ordinal));
    }

    /// <summary>The stored search text of a record: each field's key on a line of its own.</summary>
    public static string Join(IEnumerable<string?> fields)
    {
        var joined = string.Join(FieldSeparator, fields.Select(Of).Where(k => k.Length > 0));
        return joined.Length <= MaxStoredLength ? joined : joined[..MaxStoredLength];
    }

    private static char? Fold(char c) => c switch
    {
        '\u0671' => 'ا', // alef wasla has no decomposition; آ أ إ reach here as ا plus a mark
        '\u0621' or '\u0640' => null, // a lone hamza, tatweel
        'ي' or 'ى' or '\u06D0' => 'ی',
        'ك' or '\u06AA' => 'ک',
        'ة' or '\u06BE' or '\u06D5' or '\u06C1' => 'ه', // ۀ decomposes to ە plus hamza above
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        '\u200C' or '\u200D' or '\u200B' or '\uFEFF' => null,
        _ when char.IsWhiteSpace(c) || TextNormalizer.IsBidiMark(c) || char.IsControl(c) => null,
        _ => char.ToLowerInvariant(c),
    };
}
