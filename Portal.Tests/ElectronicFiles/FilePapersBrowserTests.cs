using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Domain.ElectronicFiles;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.ElectronicFiles;

[Collection(nameof(BrowserFixture))]
public sealed class FilePapersBrowserTests(BrowserFixture fixture)
{
    private static string Download(string name) => Path.Combine(BrowserFixture.ScreenshotDir, name);

    /// <summary>
    /// A branch's batch day: the label from a file's page, the cover sheets of two files selected on the queue, the
    /// batch of both sent, previewed and added.
    /// </summary>
    [Fact]
    public async Task LabelFromTheFilePage_CoverSheetsFromTheQueue_ThenTheBatchIsPreviewedAndAdded()
    {
        var portal = fixture.Portal;
        var first = await ElectronicFilesArrange.RegisterAsync(portal);
        var second = await ElectronicFilesArrange.RegisterAsync(portal);
        var numbers = new[] { (await ElectronicFilesArrange.FileAsync(portal, first)).Number, (await ElectronicFilesArrange.FileAsync(portal, second)).Number };
        var staff = await fixture.SignInAsync(ElectronicFilesArrange.Staff);

        await BrowserFixture.GotoAsync(staff, $"/electronic-files/{first}");
        await BrowserFixture.ScreenshotAsync(staff, "efiles-file-label.png", fullPage: false);
        var label = await staff.RunAndWaitForDownloadAsync(() => staff.GetByTestId("file-label").ClickAsync());
        var labelPath = Download("efiles-label.pdf");
        await label.SaveAsAsync(labelPath);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(labelPath))[..4]));

        // The two new files are the queue's last; searched by number each is the only row, selected by its box.
        var covers = new List<byte[]>();
        foreach (var number in numbers)
        {
            await BrowserFixture.GotoAsync(staff, $"/electronic-files?q={number}");
            await Expect(staff.GetByTestId("queue-number")).ToHaveTextAsync(number);
            await staff.Locator("[data-testid=queue-table] tbody tr .mud-checkbox input").First.CheckAsync();
            await Expect(staff.GetByTestId("queue-selected")).ToBeVisibleAsync();
            Assert.Contains("/electronic-files?q=", staff.Url); // the box does not open the file
            var download = await staff.RunAndWaitForDownloadAsync(() => staff.GetByTestId("queue-cover-sheets").ClickAsync());
            var path = Download($"efiles-cover-{number}.pdf");
            await download.SaveAsAsync(path);
            covers.Add(await File.ReadAllBytesAsync(path));
        }
        await BrowserFixture.ScreenshotAsync(staff, "efiles-queue-selected.png", fullPage: false);

        var pages = new List<ScanImage>();
        pages.AddRange(await ScanArrange.ScannedAsync(covers[0]));
        pages.Add(ScanArrange.Page(1));
        pages.Add(ScanArrange.Page(2));
        pages.AddRange(await ScanArrange.ScannedAsync(covers[1]));
        pages.Add(ScanArrange.Page(3));
        var batch = Download("efiles-batch.pdf");
        await File.WriteAllBytesAsync(batch, ScanArrange.Pdf(pages));

        await BrowserFixture.GotoAsync(staff, "/electronic-files");
        await staff.GetByTestId("batch-link").ClickAsync();
        await staff.WaitForURLAsync(new Regex("/electronic-files/batch$"));
        await BrowserFixture.WaitForCircuitAsync(staff);
        await staff.GetByTestId("batch-file-input").SetInputFilesAsync(batch);
        await staff.GetByTestId("batch-submit").ClickAsync();
        await staff.WaitForURLAsync(new Regex("/electronic-files/batch[?](id|error)="));
        await BrowserFixture.WaitForCircuitAsync(staff);
        await Expect(staff.GetByTestId("batch-file-number")).ToHaveTextAsync(numbers);
        await BrowserFixture.ScreenshotAsync(staff, "efiles-batch-preview.png");

        await BrowserFixture.ChooseAsync(staff, "batch-type");
        await staff.GetByTestId("batch-add").ClickAsync();
        await staff.GetByTestId("confirm-yes").ClickAsync();
        await Expect(staff.GetByTestId("batch-added")).ToBeVisibleAsync();
        await Expect(staff.GetByTestId("batch-added-file")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(staff, "efiles-batch-added.png");
    }
}
