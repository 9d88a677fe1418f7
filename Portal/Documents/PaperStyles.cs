namespace Portal.Documents;

/// <summary>What every printed document shares: the embedded Vazirmatn faces, identifiers, and the margin boxes' text style.</summary>
internal static class PaperStyles
{
    /// <summary>
    /// Identifiers (contract numbers, agency codes, Sheba) are written with Latin digits, so the PDF's text layer holds them
    /// exactly as a clerk types them into a search; the font's ss01 set draws every digit Persian, as the text around them
    /// (Documents/Fonts/split_lam_alef.py adds ss01 to Persian runs). An identifier never breaks across lines.
    /// </summary>
    public const string Identifiers = """
        body { font-feature-settings: "ss01"; }
        .id { white-space: nowrap; unicode-bidi: isolate; direction: ltr; }
        """;

    /// <summary>Text cut at U+2066..U+2069 isolate marks: the parts between them are identifiers.</summary>
    public static IEnumerable<(string Part, bool IsIdentifier)> Isolates(string text)
    {
        var start = 0;
        var inside = false;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('\u2066' or '\u2067' or '\u2068' or '\u2069')) continue;
            if (i > start) yield return (text[start..i], inside);
            if (i < text.Length) inside = text[i] != '\u2069';
            start = i + 1;
        }
    }

    public static string FontFaces(string origin) => $$"""
        @font-face { font-family: Vazirmatn; src: url({{origin}}/fonts/Vazirmatn-Regular.woff2) format('woff2'); font-weight: 400; }
        @font-face { font-family: Vazirmatn; src: url({{origin}}/fonts/Vazirmatn-Bold.woff2) format('woff2'); font-weight: 700; }
        """;

    public const string MarginBox = "font-family: Vazirmatn, sans-serif; font-size: 8.5pt; color: #444; direction: rtl; font-feature-settings: \"ss01\";";

    /// <summary>
    /// An identifier in a margin box, which holds text only (no span to isolate it). Chromium lays a margin box's
    /// «08-1405-00012» out as «00012-1405-08» in right-to-left text; a left-to-right mark before it keeps it whole. The
    /// mark, unlike the isolates used before, is what PDF readers already expect in right-to-left text, and sits outside
    /// the number, which the text layer keeps exactly.
    /// </summary>
    public static string MarginIdentifier(string text) => "\\200E " + CssText(text);

    /// <summary>Text for a CSS string (margin boxes' content).</summary>
    public static string CssText(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
