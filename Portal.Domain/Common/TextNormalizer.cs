using System.Text;

namespace Portal.Domain.Common;

/// <summary>
/// Makes Persian text typed on Arabic keyboards, pasted from Word or entered with Persian digits
/// compare equal to what is stored.
/// </summary>
public static class TextNormalizer
{
    private const char Zwnj = '\u200C';

    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;

        var sb = new StringBuilder(text.Length);
        bool pendingSpace = false, pendingZwnj = false;

        foreach (var raw in text)
        {
            var c = Map(raw);
            if (c is '\u200B' or '\uFEFF' or '\u0640') continue;

            if (char.IsWhiteSpace(c)) { pendingSpace = true; continue; }
            if (c == Zwnj) { pendingZwnj = true; continue; }

            // A ZWNJ only means something between two letters; beside a space or at an edge it is noise.
            if (sb.Length > 0)
            {
                if (pendingSpace) sb.Append(' ');
                else if (pendingZwnj) sb.Append(Zwnj);
            }
            pendingSpace = pendingZwnj = false;
            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Normalised text without spaces, dashes, thousands separators or bidi marks; other characters stay so callers can reject them.</summary>
    public static string DigitsOnly(string? text)
    {
        var normalized = Normalize(text);
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c == ' ' || IsDash(c) || IsThousandsSeparator(c) || IsBidiMark(c)) continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    public static string ToPersianDigits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '0' and <= '9') chars[i] = (char)('۰' + (chars[i] - '0'));
        }
        return new string(chars);
    }

    private static char Map(char c) => c switch
    {
        'ي' or 'ى' => 'ی',
        'ك' => 'ک',
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        _ => c,
    };

    internal static bool IsDash(char c) => c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212';

    internal static bool IsThousandsSeparator(char c) => c is ',' or '\u066C' or '\u060C';

    // Copying from RTL pages drags these invisible direction marks into numbers.
    internal static bool IsBidiMark(char c) => c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    internal static bool IsAsciiDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);

    internal static bool AllSameDigit(string s) => s.Length > 0 && s.All(c => c == s[0]);
}
