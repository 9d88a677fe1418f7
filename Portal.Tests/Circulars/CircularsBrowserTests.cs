using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Circulars;

[Collection(nameof(BrowserFixture))]
public sealed class CircularsBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ReviewOfficeSendsAPdf_AgencyOpensIt_ReceiptsShowItOpened()
    {
        const string title = "بخشنامه آزمون مرورگر";

        // The review office sends a real PDF to all its agencies.
        var review = await fixture.SignInAsync("kerman.review");
        await BrowserFixture.GotoAsync(review, "/circulars");
        await review.GetByTestId("upload-title").FillAsync(title);
        // The file picker is MudFileUpload's input (hidden behind the Persian «انتخاب پرونده» button); the form shows the chosen file.
        await Expect(review.GetByTestId("upload-choose")).ToHaveTextAsync("انتخاب پرونده");
        await review.GetByTestId("upload-file").SetInputFilesAsync(new FilePayload { Name = "بخشنامه-آزمون.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf("Browser test") });
        await Expect(review.GetByTestId("upload-file-name")).ToContainTextAsync("بخشنامه-آزمون.pdf");
        await Expect(review.GetByTestId("upload-submit")).ToBeEnabledAsync();
        await BrowserFixture.ScreenshotAsync(review, "circulars-upload-form.png");
        await review.GetByTestId("upload-submit").ClickAsync();
        await review.WaitForURLAsync(new Regex(@"/circulars\?uploaded=\d+$"));
        await Expect(review.GetByTestId("circular-uploaded")).ToBeVisibleAsync();
        var id = int.Parse(review.Url.Split('=')[1]);

        // The agency sees it as new, with a badge in the menu, and downloads it.
        var agency = await fixture.SignInAsync("kerman.agency.manager");
        await BrowserFixture.GotoAsync(agency, "/circulars");
        var row = agency.Locator("tr", new() { Has = agency.GetByTestId($"download-{id}") });
        await Expect(row.GetByTestId("unread-chip")).ToHaveTextAsync("جدید");
        await Expect(row.Locator("td").First).ToHaveCSSAsync("font-weight", "700");
        await Expect(agency.GetByTestId("circulars-unread")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(agency, "circulars-agency-unread.png");
        var download = await agency.RunAndWaitForDownloadAsync(() => agency.GetByTestId($"download-{id}").ClickAsync());
        Assert.Equal("بخشنامه-آزمون.pdf", download.SuggestedFilename);
        Assert.StartsWith("%PDF-", await File.ReadAllTextAsync((await download.PathAsync())!));
        await agency.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(agency);
        await Expect(agency.GetByTestId($"download-{id}")).ToBeVisibleAsync();
        await Expect(row.GetByTestId("unread-chip")).ToHaveCountAsync(0);
        await Expect(row.Locator("td").First).ToHaveCSSAsync("font-weight", "400");

        // The review office's receipts page shows who opened it, and who has not yet.
        await review.GetByTestId($"receipts-{id}").ClickAsync();
        await review.WaitForURLAsync($"**/circulars/{id}/receipts");
        var opened = review.Locator("tr", new() { HasText = "AG-08001" });
        await Expect(opened).ToContainTextAsync("kerman.agency.manager");
        await Expect(review.Locator("tr", new() { HasText = "AG-08002" }).GetByTestId("not-opened")).ToBeVisibleAsync();
        await Expect(review.GetByTestId("receipts-summary")).ToHaveTextAsync("۱ از ۲ کارگزاری باز کرده‌اند");
        await BrowserFixture.ScreenshotAsync(review, "circulars-receipts.png");
    }
}
