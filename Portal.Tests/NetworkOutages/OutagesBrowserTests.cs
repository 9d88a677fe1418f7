using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.NetworkOutages;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.NetworkOutages;

[Collection(nameof(BrowserFixture))]
public sealed class OutagesBrowserTests(BrowserFixture fixture)
{
    /// <summary>
    /// The branch's data-processing staff records an outage (an end before the start refused on its field, nothing kept),
    /// follows it up and resolves it after confirming; the general office sees its province's open outage on its page.
    /// </summary>
    [Fact]
    public async Task BranchStaff_RecordsFollowsUpAndResolves_AndTheGeneralOfficeSeesTheOpenOne()
    {
        var staff = await fixture.SignInAsync("kerman.branch.staff");
        await staff.GetByTestId("nav-outages").ClickAsync();
        await staff.WaitForURLAsync(new Regex("/outages$"));
        await BrowserFixture.WaitForCircuitAsync(staff);
        await staff.GetByTestId("outage-record").ClickAsync();

        var (startDate, startTime) = OutageTime.Text(DateTimeOffset.UtcNow.AddHours(-3));
        await staff.GetByTestId("outage-start-date").FillAsync(startDate);
        await staff.GetByTestId("outage-start-time").FillAsync(TextNormalizerDigits(startTime));
        await BrowserFixture.ChooseAsync(staff, "outage-cause", "قطع برق");
        await staff.GetByTestId("outage-description").FillAsync("برق ساختمان قطع شد؛ سامانه‌ها در دسترس نیستند.");
        await staff.GetByTestId("outage-reference").FillAsync("TMT-51234");
        var (earlyDate, earlyTime) = OutageTime.Text(DateTimeOffset.UtcNow.AddHours(-4));
        await staff.GetByTestId("outage-end-date").FillAsync(earlyDate);
        await staff.GetByTestId("outage-end-time").FillAsync(earlyTime);
        await staff.GetByTestId("outage-save").ClickAsync();
        await Expect(staff.GetByText("زمان رفع نمی‌تواند پیش از زمان شروع باشد.").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(staff, "outages-record-refused.png");

        // The outage is still open: no end.
        await staff.GetByTestId("outage-end-date").FillAsync("");
        await staff.GetByTestId("outage-end-time").FillAsync("");
        await staff.GetByTestId("outage-save").ClickAsync();
        await staff.WaitForURLAsync(new Regex("/outages/\\d+$"));
        await BrowserFixture.WaitForCircuitAsync(staff);
        await Expect(staff.GetByTestId("outage-state")).ToHaveTextAsync("باز");
        await Expect(staff.GetByTestId("outage-reference-shown")).ToHaveTextAsync("TMT-51234");

        await staff.GetByTestId("followup-note").FillAsync("با پشتیبانی تماس گرفته شد؛ کارشناس اعزام می‌شود.");
        await staff.GetByTestId("followup-save").ClickAsync();
        await Expect(staff.GetByTestId("outage-followup")).ToContainTextAsync("کارشناس اعزام می‌شود");
        await Expect(staff.GetByTestId("followup-note")).ToHaveValueAsync("");

        var (endDate, endTime) = OutageTime.Text(DateTimeOffset.UtcNow.AddMinutes(-30));
        await staff.GetByTestId("resolve-end-date").FillAsync(endDate);
        await staff.GetByTestId("resolve-end-time").FillAsync(endTime);
        await staff.GetByTestId("resolve-save").ClickAsync();
        await Expect(staff.GetByTestId("confirm-message")).ToContainTextAsync("رفع این قطعی");
        await staff.GetByTestId("confirm-yes").ClickAsync();
        await Expect(staff.GetByTestId("outage-resolved")).ToBeVisibleAsync();
        await Expect(staff.GetByTestId("outage-state")).ToHaveTextAsync("رفع‌شده");
        await Expect(staff.GetByTestId("followup-save")).ToHaveCountAsync(0);
        await Expect(staff.GetByTestId("outage-duration")).ToContainTextAsync("۲ ساعت");
        await BrowserFixture.ScreenshotAsync(staff, "outages-resolved.png");
        await staff.Context.CloseAsync();

        string branch;
        await using (var db = Acting.SystemDb(fixture.Portal))
            branch = await db.OrgUnits.Where(u => u.Code == "BR-08-02").Select(u => u.Name).SingleAsync();
        var office = await fixture.SignInAsync("kerman.generaloffice");
        await Expect(office.Locator("[data-testid=todo-item][data-kind=OutagesLong]")).ToContainTextAsync(Portal.Domain.Common.TextNormalizer.ToPersianDigits(branch));
        await office.GetByTestId("nav-outages-overview").ClickAsync();
        await office.WaitForURLAsync(new Regex("/outages/overview"));
        await Expect(office.GetByTestId("open-branch").Filter(new() { HasText = Portal.Domain.Common.TextNormalizer.ToPersianDigits(branch) })).ToHaveCountAsync(1);
        await Expect(office.GetByTestId("hours-chart")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(office, "outages-province.png");
        await office.Context.CloseAsync();
    }

    private static string TextNormalizerDigits(string latin) => Portal.Domain.Common.TextNormalizer.ToPersianDigits(latin);
}
