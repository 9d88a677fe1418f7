using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Contracts;

[Collection(nameof(BrowserFixture))]
public sealed class ContractsBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ReviewOfficeIssuesAContract_ManagerDownloadsIt_QrPageConfirmsIt()
    {
        // The review office drafts a contract for AG-08001 and issues it.
        var review = await fixture.SignInAsync("kerman.review");
        await BrowserFixture.GotoAsync(review, "/contracts");
        await review.GetByTestId("contract-new").ClickAsync();
        await BrowserFixture.ChooseAsync(review, "contract-agency", "AG-08001");
        await review.GetByTestId("contract-fee").FillAsync("۱٬۲۰۰٬۰۰۰");
        await BrowserFixture.ScreenshotAsync(review, "contracts-draft-dialog.png");
        await review.GetByTestId("contract-save").ClickAsync();
        await review.WaitForURLAsync(new Regex(@"/contracts/\d+$"));
        await BrowserFixture.WaitForCircuitAsync(review);
        await review.GetByTestId("contract-issue").ClickAsync();
        // Issuing cannot be undone: the dialog says so, and the toast names the number it was given.
        await Expect(review.GetByTestId("confirm-message")).ToContainTextAsync("شماره می‌گیرد");
        await review.GetByTestId("confirm-yes").ClickAsync();
        var number = review.GetByTestId("contract-number");
        // The portal's first PDF starts its Chromium (seconds on a busy machine); later ones take ~200 ms.
        await Expect(number).ToHaveTextAsync(new Regex(@"^08-\d{4}-\d{5}$"), new() { Timeout = 60_000 });
        await Expect(review.GetByTestId("contract-status")).ToHaveTextAsync("صادرشده");
        await Expect(review.Locator(".mud-snackbar", new() { HasText = "صادر شد" })).ToContainTextAsync("قرارداد شماره ۰۸-");
        await BrowserFixture.ScreenshotAsync(review, "contracts-issued.png");
        var contractNumber = await number.TextContentAsync();

        // The agency's manager finds it in their list and downloads the PDF.
        var manager = await fixture.SignInAsync("kerman.agency.manager");
        await BrowserFixture.GotoAsync(manager, "/contracts");
        await manager.GetByRole(AriaRole.Link, new() { Name = contractNumber }).ClickAsync();
        await manager.WaitForURLAsync(new Regex(@"/contracts/\d+$"));
        var download = await manager.RunAndWaitForDownloadAsync(() => manager.GetByTestId("contract-pdf").ClickAsync());
        Assert.Equal($"{contractNumber}.pdf", download.SuggestedFilename);
        var pdf = (await download.PathAsync())!;
        Assert.StartsWith("%PDF-", await File.ReadAllTextAsync(pdf));
        Assert.Contains(contractNumber!, await Poppler.TextAsync(pdf));

        // Anyone holding the paper opens the verification page its QR code carries, without signing in.
        var verifyUrl = await manager.GetByTestId("contract-verify").GetAttributeAsync("href");
        await using var stranger = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseUrl, Locale = "fa-IR" });
        var page = await stranger.NewPageAsync();
        await page.GotoAsync("/" + verifyUrl);
        await Expect(page.GetByTestId("verify-number")).ToHaveTextAsync(contractNumber!);
        await Expect(page.GetByTestId("verify-status")).ToHaveTextAsync("صادرشده");
        await BrowserFixture.ScreenshotAsync(page, "contracts-verify.png");
    }
}
