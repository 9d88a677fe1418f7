using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

[Collection(nameof(BrowserFixture))]
public sealed class MonthlyStatsTests(BrowserFixture fixture)
{
    private const string Period = "1404-11"; // older than the months the demo seed fills
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDir, name);

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
        await user.ScreenshotAsync(new() { Path = Shot("monthly-form-error.png"), FullPage = true });
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
        await Expect(review.GetByTestId("status-AG-08001")).ToHaveTextAsync("ارسال‌شده به مدیریت درمان و ستاد");
        await review.ScreenshotAsync(new() { Path = Shot("monthly-worklist.png"), FullPage = true });

        // Head office sees Kerman's report counted as received and forwarded.
        var head = await fixture.SignInAsync("headoffice");
        await BrowserFixture.GotoAsync(head, $"/monthly?period={Period}");
        var kerman = head.Locator("tr", new() { Has = head.GetByRole(AriaRole.Cell, new() { Name = "کرمان", Exact = true }) });
        await Expect(kerman.Locator("td").Nth(2)).ToContainTextAsync("۱");
        await Expect(kerman.Locator("td").Nth(3)).ToContainTextAsync("۱");
        await head.ScreenshotAsync(new() { Path = Shot("monthly-national.png"), FullPage = true });
        var download = await head.RunAndWaitForDownloadAsync(() => head.GetByTestId("completeness-xlsx").ClickAsync());
        Assert.Equal("monthly-completeness-140411.xlsx", download.SuggestedFilename);
    }

    private static async Task SubmitAsync(IPage manager)
    {
        await BrowserFixture.GotoAsync(manager, $"/monthly/form?period={Period}");
        await manager.GetByTestId("monthly-submit").ClickAsync();
        await Expect(manager.GetByTestId("report-status")).ToHaveTextAsync("ارسال‌شده به دفتر رسیدگی");
    }
}
