using Microsoft.Extensions.DependencyInjection;
using Portal.Documents;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Features.Contracts;

namespace Portal.Tests.Contracts;

public sealed class ContractPdfTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly JalaliDate Today = new(1405, 9, 2);

    [Fact]
    public async Task SamplePdf_SaysItsNumberAgencyAndDates_InPersian_WithVazirmatnEmbedded()
    {
        var template = await DefaultTemplateAsync();
        var pdf = await portal.Services.GetRequiredService<ContractPdf>().RenderAsync(ContractPaper.Sample(template, Today));
        var file = Path.Combine(Path.GetTempPath(), $"contract-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);

        var text = await Poppler.TextAsync(file);
        var fonts = await Poppler.FontsAsync(file);

        Assert.Contains("08-1405-00001", text);
        Assert.Contains("کارگزاری رسمی نمونه", text);
        Assert.Contains("۱۴۰۵/۰۹/۰۲", text);
        Assert.Contains("۱۴۰۶/۰۹/۰۱", text); // twelve months, ending the day before
        Assert.Contains("یک میلیون و دویست و پنجاه هزار ریال", text);
        var pages = TextNormalizer.ToPersianDigits((await Poppler.PagesAsync(file)).ToString());
        Assert.Matches($@"صفحه\s*۱\s*از\s*{pages}", text); // the footer of every page
        Assert.Matches($@"صفحه\s*{pages}\s*از\s*{pages}", text);
        Assert.Contains("IR82 0540 1026 8002 0817 9090 02", text);
        Assert.Matches(@"Vazirmatn-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes", fonts);
    }

    [Fact]
    public async Task ClosedBrowser_IsStartedAgain_ForTheNextDocument()
    {
        var renderer = portal.Services.GetRequiredService<PdfRenderer>();
        var pdf = portal.Services.GetRequiredService<ContractPdf>();
        var paper = ContractPaper.Sample(await DefaultTemplateAsync(), Today);
        await pdf.RenderAsync(paper);
        var starts = renderer.Starts;

        await renderer.CloseBrowserAsync(); // as a crash would leave it
        var again = await pdf.RenderAsync(paper);

        Assert.Equal("%PDF-"u8.ToArray(), again[..5]);
        Assert.Equal(starts + 1, renderer.Starts);
    }

    [Fact]
    public async Task ManyDocumentsAtOnce_AllComeOut_ThroughTheBoundedPages()
    {
        var pdf = portal.Services.GetRequiredService<ContractPdf>();
        var template = await DefaultTemplateAsync();

        var documents = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            pdf.RenderAsync(ContractPaper.Sample(template, Today) with { Number = $"08-1405-{i:00000}" })));

        Assert.All(documents, d => Assert.Equal("%PDF-"u8.ToArray(), d[..5]));
    }

    private async Task<ContractTemplate> DefaultTemplateAsync()
    {
        await portal.SeededAsync();
        await using var db = Acting.SystemDb(portal);
        return db.ContractTemplates.OrderBy(t => t.Version).First();
    }
}
