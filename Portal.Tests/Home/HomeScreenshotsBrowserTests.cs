using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Home;

/// <summary>
/// Home for each kind of user, signed in through the form: what waits for them, linked; and the audit log in Persian.
/// Its own portal and browser: the work it arranges (a file sent, reports returned) must not change the other walks' data.
/// </summary>
[Collection(nameof(HomeBrowserCollection))]
public sealed class HomeScreenshotsBrowserTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("kerman.agency.manager", "ReportReturned")]
    [InlineData("kerman.review", "ReportsToReview")]
    [InlineData("kerman.treatment", "NoticesToAcknowledge")]
    [InlineData("kerman.governor", "FileReceived")]
    [InlineData("headoffice", "ProvincesBehindMonthly")]
    [InlineData("callcenter", "ObjectionsOpen")]
    [InlineData("kerman.director", "FileToSend")]
    public async Task Home_ListsTheRolesWork_AndEachItemOpensWhereItIsDone(string user, string kind)
    {
        await HomeArrange.EnsureAsync(fixture.Portal);
        var page = await fixture.SignInAsync(user);
        var item = page.Locator($"[data-testid=todo-item][data-kind={kind}]").First;
        await Expect(item).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"home-{user}.png");

        var href = await item.GetByTestId("todo-link").GetAttributeAsync("href");
        await item.GetByTestId("todo-link").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains(href!.Split('?')[0]));
        await Expect(page.Locator("h4").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Home_BranchStaff_ShowsTheQueueToDo_AndTheCounterInTheMenu()
    {
        var page = await fixture.SignInAsync("kerman.branch.staff");
        await Expect(page.GetByTestId("todo")).ToContainTextAsync("پرونده فنی در صف اسکن شعبه");
        await Expect(page.GetByTestId("nav-booklet-counter")).ToContainTextAsync("خدمات دفترچه درمانی");
        await BrowserFixture.ScreenshotAsync(page, "home-kerman.branch.staff.png");
    }

    [Fact]
    public async Task AuditLog_ReadsInPersian_AndTheRawFormIsOneClickAway()
    {
        await HomeArrange.EnsureAsync(fixture.Portal);
        var page = await fixture.SignInAsync("admin");
        await BrowserFixture.GotoAsync(page, "/admin/audit");
        var row = page.Locator("[data-testid=audit-table] tbody tr").Filter(new() { Has = page.GetByTestId("audit-record-link") }).First;
        await Expect(row).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "admin-audit.png");
        await row.GetByTestId("audit-raw-toggle").ClickAsync();
        await Expect(page.GetByTestId("audit-raw").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "admin-audit-raw.png", fullPage: false);
    }

    [Fact]
    public async Task ChangeNotices_Inbox_ShowFieldsSideBySide()
    {
        await HomeArrange.EnsureAsync(fixture.Portal);
        var page = await fixture.SignInAsync("kerman.treatment");
        await BrowserFixture.GotoAsync(page, "/agencies/notices");
        await Expect(page.GetByTestId("notice-row").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "kerman-treatment-notice-fields.png");
    }
}

[CollectionDefinition(nameof(HomeBrowserCollection))]
public sealed class HomeBrowserCollection : ICollectionFixture<BrowserFixture>;
