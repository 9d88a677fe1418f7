using System.Globalization;
using System.Text;
using ZXing.OneD;

namespace Portal.Features.ElectronicFiles;

/// <summary>
/// A Code 128 barcode as inline SVG, drawn on the server so the printed PDF needs no script: one rectangle per bar, in
/// a view box one unit per module, with ten modules of quiet zone on each side. The SVG stretches to the box the paper
/// gives it (width and height in the paper's CSS), so a bar is exactly a whole number of modules wide.
/// </summary>
public static class Code128Svg
{
    public const int QuietZone = 10;

    /// <summary>How many modules wide the barcode of <paramref name="text"/> is, quiet zones included.</summary>
    public static int Modules(string text) => Encode(text).Length + 2 * QuietZone;

    public static string Svg(string text, string cssClass)
    {
        var modules = Encode(text);
        var width = modules.Length + 2 * QuietZone;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{cssClass}\" viewBox=\"0 0 {width} 100\" ");
        svg.Append(CultureInfo.InvariantCulture, $"preserveAspectRatio=\"none\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(text)}\"><path fill=\"#000\" d=\"");
        for (var i = 0; i < modules.Length;)
        {
            if (!modules[i]) { i++; continue; }
            var start = i;
            while (i < modules.Length && modules[i]) i++;
            svg.Append(CultureInfo.InvariantCulture, $"M{start + QuietZone} 0h{i - start}v100h-{i - start}z");
        }
        svg.Append("\"/></svg>");
        return svg.ToString();
    }

    private static bool[] Encode(string text)
    {
        if (string.IsNullOrEmpty(text) || text.Any(c => c > 126 || c < 32))
            throw new ArgumentException("A Code 128 label holds printable ASCII only.", nameof(text));
        return new Code128Writer().encode(text);
    }
}
