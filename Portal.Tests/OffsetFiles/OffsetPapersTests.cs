using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.OffsetFiles;

namespace Portal.Tests.OffsetFiles;

/// <summary>
/// Sending the seeded Kerman draft (six debtors, two centres' claims): the letter to the governor and the two lists are
/// made, stored and served as sent, to the file's readers only.
/// </summary>
public sealed class OffsetPapersTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private int _file;

    public async Task InitializeAsync()
    {
        await portal.SeededAsync();
        await using var db = Acting.SystemDb(portal);
        var draft = await db.OffsetFiles.Where(f => f.Title.Contains("کرمان") && f.Title.Contains("در دست تهیه")).Select(f => new { f.Id, f.Status, f.Version }).SingleAsync();
        _file = draft.Id;
        if (draft.Status == OffsetFileStatus.Draft) await (await portal.AsAsync<OffsetDesk>("kerman.director")).SendAsync(draft.Id, draft.Version);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(OffsetBoard.FileDetails File, IReadOnlyList<OffsetBoard.DebtorRow> Debtors, IReadOnlyList<OffsetBoard.ClaimRow> Claims)> SentAsync()
    {
        var file = (await (await portal.AsAsync<OffsetBoard>("kerman.governor")).FileAsync(_file))!;
        return (file, file.Debtors, file.Claims);
    }

    private async Task<byte[]> PaperAsync(OffsetPaper paper)
    {
        await using var download = await (await portal.AsAsync<OffsetBoard>("kerman.governor")).OpenPaperAsync(_file, paper);
        Assert.NotNull(download);
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task TheCoverLetter_IsAddressedToTheGovernor_CitesTheCircular_AndCarriesTheTotals()
    {
        var (file, debtors, claims) = await SentAsync();
        var pdf = Path.Combine(Path.GetTempPath(), $"offset-letter-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdf, await PaperAsync(OffsetPaper.CoverLetter));

        var text = await Poppler.TextAsync(pdf);

        Assert.Matches(@"^\d{2}/\d{4}/\d+$", file.File.Number);
        Assert.Contains("استاندار محترم استان کرمان", text);
        Assert.Contains("۱۰۰۰/۹۸/۱۰۷۰۴", text);
        Assert.Contains("۱۰۰۰/۹۷/۱۴۶۵۲", text);
        Assert.Contains("مدیرکل تأمین اجتماعی استان کرمان", text);
        Assert.Contains(Rials(debtors.Sum(d => d.Remaining)), text);
        Assert.Contains(Rials(claims.Sum(c => c.Remaining)), text);
        Assert.Contains(TextNormalizer.ToPersianDigits(file.File.Number!), text);
        Assert.Contains("Vazirmatn", await Poppler.FontsAsync(pdf));
    }

    [Fact]
    public async Task TheCoverLetter_CarriesAQrCode_ToAPublicPageThatNamesTheFile_AndNoParty()
    {
        var (file, debtors, _) = await SentAsync();
        await using var db = Acting.SystemDb(portal);
        var code = await db.OffsetFiles.Where(f => f.Id == _file).Select(f => f.VerificationCode).SingleAsync();
        var pdf = Path.Combine(Path.GetTempPath(), $"offset-letter-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdf, await PaperAsync(OffsetPaper.CoverLetter));
        var anonymous = portal.Client();

        var response = await anonymous.GetAsync($"/verify/offset/{code!.ToLowerInvariant()}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(VerificationCodes.Length, code.Length);
        Assert.True(await Poppler.ImagesAsync(pdf) >= 1, "the letter has no QR code");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"verify-found\"", page);
        Assert.Contains(file.File.Number!, page);
        Assert.All(debtors, d => Assert.DoesNotContain(d.Employer, page));
        Assert.All(debtors, d => Assert.DoesNotContain(d.WorkshopCode, page));
        Assert.Contains("verify-unknown", await anonymous.GetStringAsync("/verify/offset/ABCDEFGHJKLMNPQ2"));
    }

    [Fact]
    public async Task TheDebtorsList_ReadsBack_WithEveryDebtor_TheirSeizedAssets_AndTotals()
    {
        var (_, debtors, _) = await SentAsync();
        using var workbook = new XLWorkbook(new MemoryStream(await PaperAsync(OffsetPaper.Debtors)));

        var list = workbook.Worksheet(1);
        Assert.True(list.RightToLeft);
        Assert.Equal("کد کارگاه", list.Cell(2, 2).GetString());
        Assert.Equal(debtors.Select(d => d.WorkshopCode), Enumerable.Range(3, debtors.Count).Select(r => list.Cell(r, 2).GetString()));
        var totals = 3 + debtors.Count;
        Assert.Equal("جمع", list.Cell(totals, 1).GetString());
        Assert.Equal(debtors.Sum(d => d.Remaining), list.Cell(totals, 8).GetValue<long>());
        Assert.Equal(Enumerable.Range(3, debtors.Count).Sum(r => list.Cell(r, 8).GetValue<long>()), list.Cell(totals, 8).GetValue<long>());
        Assert.Equal("#,##0", list.Cell(3, 8).Style.NumberFormat.Format);

        var assets = workbook.Worksheet(2);
        var seized = debtors.Sum(d => d.Assets);
        Assert.Equal(debtors.Sum(d => d.AssetsValue), assets.Cell(3 + seized, 6).GetValue<long>());
        Assert.All(Enumerable.Range(3, seized), r => Assert.Contains(assets.Cell(r, 2).GetString(), debtors.Select(d => d.WorkshopCode)));
    }

    [Fact]
    public async Task TheClaimsList_ReadsBack_WithEachCentreItsTypeAndTotals()
    {
        var (_, _, claims) = await SentAsync();
        using var workbook = new XLWorkbook(new MemoryStream(await PaperAsync(OffsetPaper.Claims)));

        var sheet = workbook.Worksheet(1);
        Assert.Equal(claims.Select(c => c.Centre), Enumerable.Range(3, claims.Count).Select(r => sheet.Cell(r, 2).GetString()));
        Assert.All(Enumerable.Range(3, claims.Count), r => Assert.Contains(sheet.Cell(r, 3).GetString(), new[] { "دولتی", "خصوصی", "خیریه" }));
        Assert.Equal(claims.Sum(c => c.Amount), sheet.Cell(3 + claims.Count, 6).GetValue<long>());
    }

    [Theory]
    [InlineData("kerman.governor", HttpStatusCode.OK)]
    [InlineData("headoffice", HttpStatusCode.OK)]
    [InlineData("golestan.governor", HttpStatusCode.NotFound)]
    [InlineData("golestan.generaloffice", HttpStatusCode.NotFound)]
    [InlineData("kerman.medical", HttpStatusCode.Forbidden)]
    public async Task ThePapers_AreServed_ToTheFilesReaders_AndToNoOneElse(string user, HttpStatusCode expected)
    {
        var client = await PortalFactory.SignedInClientAsync(portal, user);

        var response = await client.GetAsync($"/offset/{_file}/papers/CoverLetter");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync(), 0, 5));
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("-1")]
    public async Task APaperThatDoesNotExist_IsNotFound_NotAnotherPaper(string paper)
    {
        var client = await PortalFactory.SignedInClientAsync(portal, "kerman.governor");

        var response = await client.GetAsync($"/offset/{_file}/papers/{paper}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Rials(long amount) => TextNormalizer.ToPersianDigits(amount.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture)).Replace(',', '\u066C');
}
