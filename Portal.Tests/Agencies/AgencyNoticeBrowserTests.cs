using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Agencies;

/// <summary>Seed 000 §1-2 end to end: a general office changes a manager, the treatment directorate acknowledges, the office sees it.</summary>
[Collection(nameof(BrowserFixture))]
public sealed class AgencyNoticeBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ManagerChange_ReachesTheTreatmentInbox_AndTheAcknowledgementReturnsToTheGeneralOffice()
    {
        var agencyId = await Acting.AgencyIdAsync(fixture.Portal, "AG-08002");

        var office = await fixture.SignInAsync("kerman.generaloffice");
        await BrowserFixture.GotoAsync(office, $"/agencies/{agencyId}");
        await office.GetByTestId("edit-agency").ClickAsync();
        await office.GetByTestId("manager-name-input").FillAsync("فرهاد نيك‌نام"); // Arabic yeh and kaf, as some keyboards type them
        await office.GetByTestId("manager-id-input").FillAsync("۰۰۱۲۳۴۵۶۷۹");
        await office.GetByTestId("manager-mobile-input").FillAsync("09131112233");
        await office.GetByTestId("save-agency").ClickAsync();
        await Expect(office.GetByTestId("manager-name")).ToHaveTextAsync("فرهاد نیک‌نام");

        var director = await fixture.SignInAsync("kerman.treatment");
        await Expect(director.GetByTestId("notice-badge")).ToBeVisibleAsync();
        await BrowserFixture.GotoAsync(director, "/agencies/notices");
        var row = director.Locator("[data-testid=notice-row]", new() { HasText = "فرهاد نیک‌نام" });
        await Expect(row.GetByTestId("notice-field").Filter(new() { HasText = "کد ملی مسئول" })).ToContainTextAsync("۰۰۱۲۳۴۵۶۷۹");
        await Expect(row.GetByTestId("notice-raised")).ToContainTextAsync(FullName("kerman.generaloffice"));
        await row.GetByTestId("acknowledge").ClickAsync();
        await Expect(row.GetByTestId("ack-cell")).ToContainTextAsync(FullName("kerman.treatment"));
        await BrowserFixture.ScreenshotAsync(director, "kerman-treatment-notices.png");

        await office.ReloadAsync();
        await BrowserFixture.WaitForCircuitAsync(office); // tabs switch only once the circuit is up
        await office.GetByRole(AriaRole.Tab, new() { Name = "اعلام تغییرات" }).ClickAsync();
        var seen = office.Locator("[data-testid=notice-row]", new() { HasText = "فرهاد نیک‌نام" });
        await Expect(seen.GetByTestId("ack-cell")).ToContainTextAsync(FullName("kerman.treatment"));
        await BrowserFixture.ScreenshotAsync(office, "kerman-office-agency-notices.png");
    }

    private static string FullName(string userName) => Portal.Demo.DemoSeeder.Accounts.Single(a => a.UserName == userName).FullName;
}
