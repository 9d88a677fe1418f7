using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Documents;
using Portal.Domain.Common;
using Portal.Domain.ElectronicFiles;
using Portal.Features.ElectronicFiles;

namespace Portal.Tests.ElectronicFiles;

/// <summary>The papers printed by the portal's Chromium, read back as a clerk and a scanner would: the text by pdftotext, the barcodes by ZXing.</summary>
public sealed class ElectronicFilePapersTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly FileLabel Zahra = new("1405-0801-000123", "زهرا احمدی‌نژاد", "0012345679");

    private ElectronicFilePapers Papers => new(portal.Services.GetRequiredService<DocumentPrinter>());

    private static async Task<string> SavedAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"efile-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        return file;
    }

    /// <summary>Text without spaces and colons: pdftotext moves both around the edges of right-to-left runs.</summary>
    private static string Compact(string text) => Regex.Replace(text, @"[\s:]", "");

    /// <summary>The first page's size in millimetres, to the half millimetre Chromium rounds a page to.</summary>
    private static async Task AssertPageSizeAsync(string file, double widthMm, double heightMm)
    {
        var size = Regex.Match(await Poppler.InfoAsync(file), @"Page size:\s+([\d.]+) x ([\d.]+) pts");
        Assert.True(size.Success);
        Assert.Equal(widthMm, double.Parse(size.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * 25.4 / 72, 0.5);
        Assert.Equal(heightMm, double.Parse(size.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) * 25.4 / 72, 0.5);
    }

    private static async Task<List<IReadOnlyList<string>>> BarcodesAsync(byte[] pdf, int dpi)
    {
        var found = new List<IReadOnlyList<string>>();
        await foreach (var page in ScanImages.ReadAsync(new MemoryStream(pdf), ScanFormat.Pdf, dpi)) found.Add(CoverSheetReader.Barcodes(page));
        return found;
    }

    [Fact]
    public async Task Label_SaysNameNumberAndNationalId_OnA50By25Page_AndItsBarcodeReadsBack()
    {
        var pdf = await Papers.LabelAsync(Zahra);
        var file = await SavedAsync(pdf);

        var text = await Poppler.TextAsync(file);
        Assert.Contains("زهرا احمدی‌نژاد", text);
        Assert.Contains("1405-0801-000123", text); // Latin in the text layer, drawn Persian (ss01), as a search types it
        Assert.Contains("کدملی۰۰۱۲۳۴۵۶۷۹", Compact(text));
        Assert.Equal(1, await Poppler.PagesAsync(file));
        await AssertPageSizeAsync(file, 50, 25);
        // A label printer's 203 dpi is about what a scanner gives; read at 200 dpi.
        Assert.Equal(["1405-0801-000123"], Assert.Single(await BarcodesAsync(pdf, 200)));
    }

    [Fact]
    public async Task Label_WithPersianDigitsInItsNumber_CarriesTheLatinNumberInItsBarcode()
    {
        var pdf = await Papers.LabelAsync(Zahra with { FileNumber = "۱۴۰۵-۰۸۰۱-۰۰۰۱۲۳" });

        Assert.Equal(["1405-0801-000123"], Assert.Single(await BarcodesAsync(pdf, 200)));
    }

    [Fact]
    public async Task LabelSheet_PutsTwentyFourLabelsOnEachA4Page_InOrder()
    {
        var labels = Enumerable.Range(1, 30).Select(i => new FileLabel($"1405-0801-{i:000000}", $"بیمه‌شده شماره {TextNormalizer.ToPersianDigits(i.ToString())}", $"00{i:00000000}")).ToList();
        var file = await SavedAsync(await Papers.LabelSheetAsync(labels));

        var text = await Poppler.TextAsync(file);
        Assert.Equal(2, await Poppler.PagesAsync(file));
        await AssertPageSizeAsync(file, 210, 297);
        Assert.All(labels, l => Assert.Contains(l.FileNumber, text));
        var pages = text.Split('\f');
        Assert.Contains("1405-0801-000024", pages[0]);
        Assert.DoesNotContain("1405-0801-000025", pages[0]);
        Assert.Contains("1405-0801-000025", pages[1]);
    }

    [Fact]
    public async Task ScanStamp_CarriesTheFourFieldsOfTheSeedsStamp()
    {
        var file = await SavedAsync(await Papers.ScanStampAsync(new ScanStamp("شعبه ۲ کرمان", "مریم رضایی", "kerman.branch", new JalaliDate(1405, 9, 12))));

        var text = await Poppler.TextAsync(file);
        Assert.Contains("اسکن شد", text);
        Assert.Contains("نامشعبهشعبه۲کرمان", Compact(text));
        Assert.Contains("ناموکدکاربرمریمرضایی", Compact(text));
        Assert.Contains("kerman.branch", text);
        Assert.Contains("تاریخاقدام۱۴۰۵/۰۹/۱۲", Compact(text));
        Assert.Equal(1, await Poppler.PagesAsync(file));
        await AssertPageSizeAsync(file, 60, 36);
    }

    [Fact]
    public async Task CoverSheets_OneAPage_ReadBackAsTheirFiles_AtTheReadersResolution()
    {
        var pdf = await Papers.CoverSheetsAsync([new CoverSheet("1405-0801-000123", "زهرا احمدی‌نژاد", "0012345679"), new CoverSheet("1405-0801-000124", "علی کرمانی", "2980012345")]);
        var file = await SavedAsync(pdf);

        var text = await Poppler.TextAsync(file);
        Assert.Equal(2, await Poppler.PagesAsync(file));
        Assert.Contains("برگ جداکننده پرونده فنی", text);
        Assert.Contains("علی کرمانی", text);
        Assert.Contains("۲۹۸۰۰۱۲۳۴۵", text);
        Assert.Equal([["PF:1405-0801-000123"], ["PF:1405-0801-000124"]], await BarcodesAsync(pdf, CoverSheetReader.Dpi));
    }
}

public sealed class ElectronicFilePapersSetupTests
{
    [Fact]
    public async Task AddElectronicFilePapers_RegistersThePapersTheReaderAndAHealthLine()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddDocuments().AddElectronicFilePapers();
        await using var provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<ElectronicFilePapers>(), provider.GetRequiredService<IElectronicFilePapers>());
        Assert.NotNull(provider.GetRequiredService<CoverSheetReader>());
        var health = await provider.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>().CheckHealthAsync(r => r.Name == "scan-reading");
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, health.Status); // poppler-utils is on every machine the tests run on
    }
}
