using System.Diagnostics;

namespace Portal.Tests.Support;

/// <summary>Reads PDFs back with poppler-utils (Debian), which orders right-to-left text as a reader does.</summary>
public static class Poppler
{
    public static Task<string> TextAsync(string pdf) => RunAsync("pdftotext", "-enc", "UTF-8", pdf, "-");

    public static Task<string> FontsAsync(string pdf) => RunAsync("pdffonts", pdf);

    /// <summary>The images drawn on the pages (<c>pdfimages -list</c>: two header lines, then one line an image).</summary>
    public static async Task<int> ImagesAsync(string pdf) => (await RunAsync("pdfimages", "-list", pdf)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 2;

    /// <summary><c>pdfinfo</c>'s report: pages, page size in points, producer.</summary>
    public static Task<string> InfoAsync(string pdf) => RunAsync("pdfinfo", pdf);

    public static async Task<int> PagesAsync(string pdf)
    {
        var info = await RunAsync("pdfinfo", pdf);
        return int.Parse(System.Text.RegularExpressions.Regex.Match(info, @"Pages:\s+(\d+)").Groups[1].Value);
    }

    private static async Task<string> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await process.StandardError.ReadToEndAsync()}");
        // pdftotext marks right-to-left runs with bidi embedding characters; a reader does not see them.
        var visible = output.Replace("\u202B", "").Replace("\u202A", "").Replace("\u202C", "").Replace("\u200F", "").Replace("\u200E", "");
        return System.Text.RegularExpressions.Regex.Replace(visible, " {2,}", " ");
    }
}
