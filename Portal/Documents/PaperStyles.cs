namespace Portal.Documents;

/// <summary>What every printed document shares: the embedded Vazirmatn faces and the margin boxes' text style.</summary>
internal static class PaperStyles
{
    public static string FontFaces(string origin) => $$"""
        @font-face { font-family: Vazirmatn; src: url({{origin}}/fonts/Vazirmatn-Regular.woff2) format('woff2'); font-weight: 400; }
        @font-face { font-family: Vazirmatn; src: url({{origin}}/fonts/Vazirmatn-Bold.woff2) format('woff2'); font-weight: 700; }
        """;

    public const string MarginBox = "font-family: Vazirmatn, sans-serif; font-size: 8.5pt; color: #444; direction: rtl;";

    /// <summary>Text for a CSS string (margin boxes' content).</summary>
    public static string CssText(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
