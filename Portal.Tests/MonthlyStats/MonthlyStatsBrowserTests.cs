using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.MonthlyStats;

[Collection(nameof(BrowserFixture))]
public sealed class MonthlyStatsBrowserTests(BrowserFixture fixture)
{
    private const string Period = "1404-11"; // older than the months the demo seed fills
    [Fact]
    public async Task AgencyFillsAndSubmits_OfficeReturns_AgencyCorrects_OfficeAcceptsAndForwards_HeadOfficeSeesIt()
    {
        // The agency's user fills Bahman 1404; a pending count that does not add up is refused with the figure it must be.
        var user = await fixture.SignInAsync("kerman.agency.user");
        await BrowserFixture.GotoAsync(user, $"/monthly/form?period={Period}");
        await user.Locator("input[data-testid^=received-]").First.FillAsync("۱۰");
        await user.Locator("input[data-testid^=amount-]").First.FillAsync("۵٬۰۰۰٬۰۰۰");
        await user.GetByTestId("forwarded").FillAsync("6");
        await user.GetByTestId("returned").FillAsync("1");
        await user.GetByTestId("pending").FillAsync("4");
        await user.GetByTestId("monthly-save").ClickAsync();
        await Expect(user.GetByText("مانده پایان ماه باید ۳ باشد")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(user, "monthly-form-error.png");
        await user.GetByTestId("pending").FillAsync("3");
        await user.GetByTestId("monthly-save").ClickAsync();
        await Expect(user.GetByTestId("report-status")).ToHaveTextAsync("پیش‌نویس");

        // Only the manager submits.
        await Expect(user.GetByTestId("monthly-submit")).ToHaveCountAsync(0);
        var manager = await fixture.SignInAsync("kerman.agency.manager");
        await SubmitAsync(manager);

        // The review office returns it with a reason.
        var review = await fixture.SignInAsync("kerman.review");
        await BrowserFixture.GotoAsync(review, $"/monthly/worklist?period={Period}");
        await review.GetByTestId("return-AG-08001").ClickAsync();
        await review.GetByTestId("reason-input").FillAsync("مبلغ بستری با اسناد نمی‌خواند");
        await review.GetByTestId("reason-confirm").ClickAsync();
        await Expect(review.GetByTestId("status-AG-08001")).ToHaveTextAsync("عودت‌شده");

        // The agency sees why, corrects the amount, and the manager submits again.
        await BrowserFixture.GotoAsync(user, $"/monthly/form?period={Period}");
        await Expect(user.GetByTestId("return-reason")).ToContainTextAsync("مبلغ بستری با اسناد نمی‌خواند");
        await user.Locator("input[data-testid^=amount-]").First.FillAsync("4800000");
        await user.GetByTestId("monthly-save").ClickAsync();
        await Expect(user.GetByText("ذخیره شد.")).ToBeVisibleAsync();
        await SubmitAsync(manager);

        // The review office accepts and forwards everything accepted.
        await BrowserFixture.GotoAsync(review, $"/monthly/worklist?period={Period}");
        await review.GetByTestId("accept-AG-08001").ClickAsync();
        await Expect(review.GetByTestId("status-AG-08001")).ToHaveTextAsync("پذیرفته");
        await review.GetByTestId("forward-all").ClickAsync();
        await review.GetByTestId("confirm-yes").ClickAsync();
        await Expect(review.GetByTestId("status-AG-08001")).ToHaveTextAsync("ارسال‌شده به مدیریت درمان و ستاد");
        await BrowserFixture.ScreenshotAsync(review, "monthly-worklist.png");

        // Head office sees Kerman's report counted as received and forwarded.
        var head = await fixture.SignInAsync("headoffice");
        await BrowserFixture.GotoAsync(head, $"/monthly?period={Period}");
        var kerman = head.GetByTestId("completeness").Locator("tr", new() { Has = head.GetByRole(AriaRole.Cell, new() { Name = "کرمان", Exact = true }) });
        await Expect(kerman.Locator("td").Nth(2)).ToContainTextAsync("۱");
        await Expect(kerman.Locator("td").Nth(3)).ToContainTextAsync("۱");
        var download = await head.RunAndWaitForDownloadAsync(() => head.GetByTestId("completeness-xlsx").ClickAsync());
        Assert.Equal("monthly-completeness-140411.xlsx", download.SuggestedFilename);

        // Any agency's report, found by its code, opens on its value history.
        await head.GetByTestId("agency-search").FillAsync("AG-08001");
        await Expect(head.GetByTestId("agency-months").Locator("tbody tr")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(head, "monthly-national.png");
        await head.GetByTestId("agency-months").GetByRole(AriaRole.Link, new() { Name = "سابقه" }).ClickAsync();
        await Expect(head.GetByTestId("history")).ToContainTextAsync("مبلغ درخواستی (ریال)");
        await Expect(head.GetByTestId("history")).ToContainTextAsync("kerman.agency.user");
    }

    [Fact]
    public async Task ReviewOffice_UploadsItsSheet_ARefusedOneComesBackWithErrors_TheFixedOneIsRecorded()
    {
        const string month = "1404-09";
        var review = await fixture.SignInAsync("kerman.review");
        await BrowserFixture.GotoAsync(review, $"/monthly/worklist?period={month}");
        await review.GetByText("بارگذاری آمار چند کارگزاری با فایل اکسل").ClickAsync();
        var template = await review.RunAndWaitForDownloadAsync(() => review.GetByTestId("upload-template").ClickAsync());
        Assert.Equal("monthly-sheet-140409.xlsx", template.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"monthly-{Guid.NewGuid():N}.xlsx");
        await template.SaveAsAsync(path);

        // Both agencies' month typed in; the second one's pending count does not add up.
        byte[] Filled(int secondPending)
        {
            using var workbook = new XLWorkbook(path);
            var sheet = workbook.Worksheet(1);
            int Column(string title) => sheet.Row(1).CellsUsed().First(c => c.GetString().StartsWith(title)).Address.ColumnNumber;
            foreach (var row in new[] { 2, 3 })
            {
                var broughtForward = sheet.Cell(row, 3).GetValue<int>();
                sheet.Cell(row, Column("بستری")).SetValue(6);
                sheet.Cell(row, Column("بستری") + 1).SetValue(18_000_000);
                sheet.Cell(row, Column("ارسال‌شده")).SetValue(5);
                sheet.Cell(row, Column("مانده پایان ماه")).SetValue(row == 3 ? secondPending : broughtForward + 1);
            }
            using var stream = new MemoryStream();
            workbook.SaveAs(stream);
            return stream.ToArray();
        }
        async Task UploadAsync(byte[] sheet)
        {
            await review.Locator("#monthly-file").SetInputFilesAsync(new FilePayload
            {
                Name = "آمار-آذر.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = sheet,
            });
            await review.GetByTestId("upload-submit").ClickAsync();
        }

        await UploadAsync(Filled(secondPending: 99));
        await Expect(review.GetByTestId("upload-failed")).ToContainTextAsync("۱ ردیف خطا دارد");
        await BrowserFixture.ScreenshotAsync(review, "monthly-upload-failed.png");
        var errors = await review.RunAndWaitForDownloadAsync(() => review.GetByTestId("upload-errors-link").ClickAsync());
        await errors.SaveAsAsync(path + ".errors.xlsx");
        using (var workbook = new XLWorkbook(path + ".errors.xlsx"))
            Assert.StartsWith("مانده پایان ماه", workbook.Worksheet(1).Row(3).CellsUsed().Last().GetString());
        await Expect(review.GetByTestId("status-AG-08002")).ToHaveTextAsync("شروع نشده");

        var secondBroughtForward = new XLWorkbook(path).Worksheet(1).Cell(3, 3).GetValue<int>();
        await UploadAsync(Filled(secondPending: secondBroughtForward + 1));
        await Expect(review.GetByTestId("upload-done")).ToContainTextAsync("۲ کارگزاری");
        await Expect(review.GetByTestId("status-AG-08001")).ToHaveTextAsync("پذیرفته");
        await Expect(review.GetByTestId("status-AG-08002")).ToHaveTextAsync("پذیرفته");
        File.Delete(path);
        File.Delete(path + ".errors.xlsx");
    }

    private static async Task SubmitAsync(IPage manager)
    {
        await BrowserFixture.GotoAsync(manager, $"/monthly/form?period={Period}");
        await manager.GetByTestId("monthly-submit").ClickAsync();
        await manager.GetByTestId("confirm-yes").ClickAsync();
        await Expect(manager.GetByTestId("report-status")).ToHaveTextAsync("ارسال‌شده به دفتر رسیدگی");
    }

    [Fact]
    public async Task ReturnedReport_EditedAndSentWithoutSaving_ReachesTheReviewOfficeWithTheNewFigure()
    {
        const string month = "1404-07"; // Mehr 1404: over, and older than the months the demo seed fills
        // The agency's user fills the month and saves a draft.
        var user = await fixture.SignInAsync("kerman.agency.user");
        await BrowserFixture.GotoAsync(user, $"/monthly/form?period={month}");
        var broughtForward = int.Parse(Regex.Match(global::Portal.Domain.Common.TextNormalizer.Normalize(await user.GetByText("مانده از ماه قبل").First.TextContentAsync()), "[0-9]+").Value);
        await user.Locator("input[data-testid^=received-]").First.FillAsync("۱۲");
        await user.Locator("input[data-testid^=amount-]").First.FillAsync("۴۳۶٬۴۴۰٬۰۰۰");
        await user.GetByTestId("forwarded").FillAsync("8");
        await user.GetByTestId("returned").FillAsync("1");
        await user.GetByTestId("pending").FillAsync((broughtForward + 3).ToString());
        await user.GetByTestId("monthly-save").ClickAsync();
        await Expect(user.GetByText("پیش‌نویس آمار ماه مهر ۱۴۰۴ ذخیره شد.")).ToBeVisibleAsync();

        // The manager sends it, after the dialog says what will happen.
        var manager = await fixture.SignInAsync("kerman.agency.manager");
        await BrowserFixture.GotoAsync(manager, $"/monthly/form?period={month}");
        await manager.GetByTestId("monthly-submit").ClickAsync();
        await Expect(manager.GetByTestId("confirm-message")).ToContainTextAsync("آمار ماه مهر ۱۴۰۴");
        await manager.GetByTestId("confirm-yes").ClickAsync();
        await Expect(manager.GetByText("آمار ماه مهر ۱۴۰۴ برای دفتر رسیدگی ارسال شد.")).ToBeVisibleAsync();

        // The review office sees the figures beside the actions and returns it with a reason.
        var review = await fixture.SignInAsync("kerman.review");
        await BrowserFixture.GotoAsync(review, $"/monthly/worklist?period={month}");
        await Expect(review.GetByTestId("amount-AG-08001")).ToContainTextAsync("۴۳۶٬۴۴۰٬۰۰۰");
        await review.GetByTestId("return-AG-08001").ClickAsync();
        await review.GetByTestId("reason-input").FillAsync("مبلغ بستری با اسناد نمی‌خواند");
        await review.GetByTestId("reason-confirm").ClickAsync();
        await Expect(review.GetByTestId("status-AG-08001")).ToHaveTextAsync("عودت‌شده");

        // The manager corrects the amount and presses «ارسال» without saving first.
        await BrowserFixture.GotoAsync(manager, $"/monthly/form?period={month}");
        await Expect(manager.GetByTestId("return-reason")).ToContainTextAsync("مبلغ بستری با اسناد نمی‌خواند");
        await manager.Locator("input[data-testid^=amount-]").First.FillAsync("430000000");
        await manager.GetByTestId("monthly-submit").ClickAsync();
        await manager.GetByTestId("confirm-yes").ClickAsync();
        await Expect(manager.GetByText("آمار ماه مهر ۱۴۰۴ برای دفتر رسیدگی ارسال شد.")).ToBeVisibleAsync();
        await Expect(manager.GetByTestId("report-status")).ToHaveTextAsync("ارسال‌شده به دفتر رسیدگی");
        await Expect(manager.Locator("input[data-testid^=amount-]").First).ToHaveValueAsync(new Regex("^(430000000|۴۳۰٬?۰۰۰٬?۰۰۰)$"));

        // The review office sees the new figure, and what changed since its return.
        await BrowserFixture.GotoAsync(review, $"/monthly/worklist?period={month}");
        await Expect(review.GetByTestId("amount-AG-08001")).ToContainTextAsync("۴۳۰٬۰۰۰٬۰۰۰");
        await Expect(review.GetByTestId("since-return-AG-08001")).ToContainTextAsync("۴۳۶٬۴۴۰٬۰۰۰");
        await Expect(review.GetByTestId("since-return-AG-08001")).ToContainTextAsync("۴۳۰٬۰۰۰٬۰۰۰");
        await BrowserFixture.ScreenshotAsync(review, "monthly-worklist-since-return.png");

        // It accepts and forwards it, after being told that the figures lock.
        await review.GetByTestId("accept-AG-08001").ClickAsync();
        await Expect(review.GetByTestId("status-AG-08001")).ToHaveTextAsync("پذیرفته");
        await review.GetByTestId("forward-AG-08001").ClickAsync();
        await Expect(review.GetByTestId("confirm-message")).ToContainTextAsync("قفل");
        await review.GetByTestId("confirm-yes").ClickAsync();
        await Expect(review.GetByText("گزارش برای مدیریت درمان و ستاد فرستاده شد.")).ToBeVisibleAsync();
        await Expect(review.GetByTestId("status-AG-08001")).ToHaveTextAsync("ارسال‌شده به مدیریت درمان و ستاد");

        // A month the demo seed filled (the one just ended, the page's default) shows last month's figures beneath this month's.
        await BrowserFixture.GotoAsync(review, "/monthly/worklist");
        await Expect(review.GetByTestId("worklist")).ToContainTextAsync("ماه قبل");
        await BrowserFixture.ScreenshotAsync(review, "monthly-worklist-last-month.png");
    }
}
