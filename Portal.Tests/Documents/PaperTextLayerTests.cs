using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Documents;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Domain.OffsetFiles;
using Portal.Features.OffsetFiles;
using Portal.Features.Contracts;

namespace Portal.Tests.Documents;

/// <summary>
/// What copy, search and archive indexing get from a printed paper: `pdftotext` must give back every sentence the
/// paper's HTML writes, word for word («لازم‌الاتباع», not «الزم‌االتباع»), with identifiers exactly as typed.
/// </summary>
public sealed partial class PaperTextLayerTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly JalaliDate Today = new(1405, 9, 2);

    private static readonly OffsetCoverLetter Letter = new("08/1405/12", Today, "کرمان", "تهاتر پاییز ۱۴۰۵", "دکتر حسین کریمی",
        12, 12_500_000_000, 3, 4_000_000_000, 7, 1_000_000_000_000, "ABCDEFGHJKLMNPQR");

    [Fact]
    public async Task Contract_TextLayer_GivesBackEverySentenceOfThePaper()
    {
        // An issued paper: a sample's rotated watermark would be read letter by letter into the lines it crosses.
        var paper = ContractPaper.Sample(await DefaultTemplateAsync(), Today) with { Number = "08-1405-00012", IsSample = false };
        var pdf = portal.Services.GetRequiredService<ContractPdf>();

        var text = Flat(await TextOfAsync(await pdf.RenderAsync(paper)));
        var sentences = Sentences(await pdf.HtmlAsync(paper)).ToList();

        Assert.Contains("لازم‌الاتباع", text);
        Assert.True(sentences.Count > 40, $"only {sentences.Count} sentences found in the paper");
        var body = MarginBoxes().Replace(Words(text), ""); // a sentence running over a page break has the footer and header amid it
        Assert.All(sentences, s => Assert.Contains(Words(s), body));
        Assert.Contains("08-1405-00012", text); // what a clerk types into the archive's search
        Assert.Contains("IR82 0540 1026 8002 0817 9090 02", text);
    }

    [Fact]
    public async Task Contract_TextLayer_HasNoIsolateMarks()
    {
        var paper = ContractPaper.Sample(await DefaultTemplateAsync(), Today);
        var text = await TextOfAsync(await portal.Services.GetRequiredService<ContractPdf>().RenderAsync(paper));

        Assert.DoesNotMatch("[\u2066-\u2069]", text);
    }

    [Fact]
    public async Task CoverLetter_TextLayer_GivesBackEverySentenceOfTheLetter()
    {
        var printer = portal.Services.GetRequiredService<DocumentPrinter>();
        var parameters = new Dictionary<string, object?>
        {
            [nameof(OffsetCoverLetterDocument.Letter)] = Letter,
            [nameof(OffsetCoverLetterDocument.FontOrigin)] = PdfRenderer.AssetOrigin,
            [nameof(OffsetCoverLetterDocument.QrCode)] = PublicLinks.QrCode("http://localhost/verify/offset/ABCDEFGHJKLMNPQR"),
        };

        var text = Flat(await TextOfAsync(await portal.Services.GetRequiredService<IOffsetPapers>().CoverLetterAsync(Letter)));
        var sentences = Sentences(await printer.HtmlAsync<OffsetCoverLetterDocument>(parameters)).ToList();

        Assert.Contains("با سلام و احترام؛", text);
        Assert.True(sentences.Count > 8, $"only {sentences.Count} sentences found in the letter");
        Assert.All(sentences, s => Assert.Contains(Words(s), Words(text)));
        Assert.DoesNotMatch("[\u2066-\u2069]", text);
    }

    /// <summary>The sentences of the paper's paragraphs, headings and list items, as a reader sees them.</summary>
    private static IEnumerable<string> Sentences(string html)
    {
        var body = html[html.IndexOf("<body", StringComparison.Ordinal)..];
        body = ClauseNumber().Replace(body, ""); // a clause's number hangs in the margin, a line of its own to pdftotext
        foreach (Match block in Block().Matches(body))
        {
            var plain = Flat(WebUtility.HtmlDecode(Tag().Replace(block.Groups[2].Value, "")));
            foreach (var sentence in SentenceEnd().Split(plain).Select(s => s.Trim()).Where(s => s.Length > 0))
                yield return sentence;
        }
    }

    private static string Flat(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>
    /// Letters and digits in reading order. pdftotext puts a right-to-left line's punctuation and numbers on the other
    /// side of the neighbouring space («کرمان ،خیابان», «۱۲ماه») and a tanwin before its alef («شخصًا») in every Persian
    /// PDF; a search reads words and folds diacritics, so spaces, punctuation and marks are left out of the comparison.
    /// The letters' order is what a reversed «لا» breaks.
    /// </summary>
    private static string Words(string text) => NotAWordCharacter().Replace(text, "");

    private static async Task<string> TextOfAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"paper-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try { return await Poppler.TextAsync(file); }
        finally { File.Delete(file); }
    }

    private async Task<ContractTemplate> DefaultTemplateAsync()
    {
        await portal.SeededAsync();
        await using var db = Acting.SystemDb(portal);
        return db.ContractTemplates.OrderBy(t => t.Version).First();
    }

    [GeneratedRegex(@"<(p|h1|h2|li|strong|span)\b[^>]*>(.*?)</\1>", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"<span class=""no"">.*?</span>", RegexOptions.Singleline)]
    private static partial Regex ClauseNumber();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<=[.؛:])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex("اصالتاینسندرابااسکنکدQRبسنجید|صفحه[۰-۹]+از[۰-۹]+|شمارهقرارداد[0-9]+|سازمانتأمیناجتماعیقراردادکارگزاریرسمی")]
    private static partial Regex MarginBoxes();

    [GeneratedRegex(@"[^\p{L}\p{N}]")]
    private static partial Regex NotAWordCharacter();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
