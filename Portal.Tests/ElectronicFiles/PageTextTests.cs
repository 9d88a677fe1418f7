using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Portal.Documents;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using Portal.Domain.ElectronicFiles;
using Portal.Domain.Security;
using Portal.Features.ElectronicFiles;

namespace Portal.Tests.ElectronicFiles;

/// <summary>The words read on scanned pages: how they are folded, found through the full-text index, and read by Tesseract.</summary>
public sealed class PageTextTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("می‌روم", "میروم")]
    [InlineData("كميسيون پزشكي", "کمیسیون پزشکی")]
    [InlineData("پرونده ۱۲۳۴۵۶", "پرونده 123456")]
    [InlineData("«ماده ۹۱»، از کارافتادگی", "ماده 91 از کارافتادگی")]
    public void Words_SpellingVariants_FoldToTheSameWords(string typed, string same) =>
        Assert.Equal(PageText.WordsOf(same), PageText.WordsOf(typed));

    [Fact]
    public void MatchQuery_EachWordQuotedAsAPrefix_SoNoWordIsAnOperator()
    {
        Assert.Equal("\"کمیسیون\"* \"or\"* \"near\"*", PageText.MatchQuery("کمیسیون OR NEAR"));
        Assert.Null(PageText.MatchQuery(" ، «» "));
    }

    [SkippableFact]
    public async Task Tesseract_APersianPdfOfTwoPages_IsReadPageByPage()
    {
        var reader = new TesseractPageReader(new ConfigurationBuilder().Build(), NullLogger<TesseractPageReader>.Instance);
        Skip.If(reader.Missing is not null, $"OCR is not installed here ({reader.Missing}); CI installs tesseract-ocr-fas.");
        var pdf = await portal.Services.GetRequiredService<PdfRenderer>().RenderAsync($$"""
            <html dir="rtl" lang="fa"><head><style>{{PaperStyles.FontFaces(PdfRenderer.AssetOrigin)}}</style></head>
            <body style="font-family: Vazirmatn; font-size: 18pt">
            <p>رأی کمیسیون پزشکی ماده ۹۱</p><p>از کارافتادگی کلی</p>
            <p style="break-before: page">گواهی استراحت پزشکی بیمار</p>
            </body></html>
            """);

        var pages = await reader.ReadAsync(new MemoryStream(pdf), FileKind.Pdf);

        Assert.Equal(2, pages.Count);
        Assert.Contains("کمیسیون", PageText.WordsOf(pages[0]));
        Assert.Contains("استراحت", PageText.WordsOf(pages[1]));
        Assert.DoesNotContain("کمیسیون", PageText.WordsOf(pages[1]));
    }

    [SkippableFact]
    public async Task Tesseract_APngPage_IsReadAsOnePage()
    {
        var reader = new TesseractPageReader(new ConfigurationBuilder().Build(), NullLogger<TesseractPageReader>.Instance);
        Skip.If(reader.Missing is not null, $"OCR is not installed here ({reader.Missing}); CI installs tesseract-ocr-fas.");

        var pages = await reader.ReadAsync(new MemoryStream(SampleFiles.Png()), FileKind.Png);

        Assert.Single(pages);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // a shell script stands in for Tesseract
    public void ATesseractTooBusyToAnswer_DoesNotStopTheServer_AndIsAskedAgainAtTheNextUse()
    {
        var folder = Directory.CreateTempSubdirectory("portal-fake-tesseract-").FullName;
        var tesseract = Path.Combine(folder, "tesseract");
        File.WriteAllText(tesseract, """
            #!/bin/sh
            [ -f "$(dirname "$0")/busy" ] && sleep 30
            echo 'List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (2):'
            echo eng
            echo fas
            """.Replace("\r", ""));
        File.SetUnixFileMode(tesseract, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(Path.Combine(folder, "busy"), "");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ocr:TesseractPath"] = tesseract,
            ["Ocr:PdftoppmPath"] = tesseract, // only its presence is checked before a PDF is read
            ["Ocr:DiscoveryTimeoutSeconds"] = "1",
        }).Build();

        var reader = new TesseractPageReader(config, NullLogger<TesseractPageReader>.Instance); // a server's start: must not wait or throw

        Assert.Contains("did not answer", reader.Missing);
        File.Delete(Path.Combine(folder, "busy"));
        Assert.Null(reader.Missing);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Reader_WithoutTesseract_SaysWhatToInstall()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Ocr:TesseractPath"] = "/nonexistent/tesseract" }).Build();

        var reader = new TesseractPageReader(config, NullLogger<TesseractPageReader>.Instance);

        Assert.Contains("tesseract-ocr-fas", reader.Missing);
    }
}
