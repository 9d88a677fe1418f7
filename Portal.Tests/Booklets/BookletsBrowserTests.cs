using Microsoft.Playwright;
using Portal.Domain.Common;
using static Microsoft.Playwright.Assertions;
using static Portal.Tests.Booklets.BookletsArrange;

namespace Portal.Tests.Booklets;

[Collection(nameof(BrowserFixture))]
public sealed class BookletsBrowserTests(BrowserFixture fixture)
{
    /// <summary>
    /// A counter clerk finds a family by a child's national ID typed in Persian digits, sees who does not qualify and why,
    /// records the older son's refused request, credits everyone who qualifies in one act, and prints a slip; head office's
    /// registration office then finds the three renewals and the refusal in this month's report for the clerk's branch.
    /// </summary>
    [Fact]
    public async Task TheClerk_RenewsAFamilysBooklets_AndHeadOfficeSeesThemInTheReport()
    {
        var family = await FamilyAsync(fixture.Portal);
        var registration = await fixture.SignInAsync("registration");
        var branch = registration.Locator("[data-testid=branch-row][data-code='BR-08-01']");
        async Task<(int Renewals, int Refused)> ReportedAsync()
        {
            await BrowserFixture.GotoAsync(registration, "/booklets/report");
            await Expect(branch).ToBeVisibleAsync();
            return (int.Parse(TextNormalizer.DigitsOnly(await branch.GetByTestId("branch-Renewal").InnerTextAsync())),
                int.Parse(TextNormalizer.DigitsOnly(await branch.GetByTestId("branch-refused").InnerTextAsync())));
        }
        var before = await ReportedAsync();
        var clerk = await fixture.SignInAsync(Clerk);

        await clerk.GetByTestId("nav-booklet-counter").ClickAsync();
        await clerk.WaitForURLAsync(url => url.Contains("/booklets/counter"));
        await clerk.GetByTestId("national-id").FillAsync(TextNormalizer.ToPersianDigits(family.Son.NationalId));
        await clerk.GetByTestId("find-family").ClickAsync();
        var olderSon = clerk.GetByTestId($"member-{family.OlderSon.NationalId}");
        await Expect(olderSon.GetByTestId("eligibility")).ToContainTextAsync("بدون گواهی معتبر اشتغال به تحصیل");
        await BrowserFixture.ScreenshotAsync(clerk, "booklets-counter-family.png");

        await olderSon.GetByTestId("extend").ClickAsync();
        await Expect(clerk.GetByTestId("confirm-message")).ToContainTextAsync("به‌عنوان ردشده ثبت شود");
        await clerk.GetByTestId("confirm-yes").ClickAsync();
        await Expect(olderSon.GetByTestId("outcome")).ToContainTextAsync("رد شد");

        await clerk.GetByTestId("serve-family").ClickAsync();
        await Expect(clerk.GetByTestId("confirm-message")).ToContainTextAsync("۳ نفر");
        await clerk.GetByTestId("confirm-yes").ClickAsync();
        await Expect(clerk.GetByTestId("slip")).ToHaveCountAsync(3);
        var endOfCover = (await BookletAsync(fixture.Portal, family.Main.Id))!.ValidUntil;
        await Expect(clerk.GetByTestId($"member-{family.Main.NationalId}").GetByTestId("valid-until")).ToHaveTextAsync(TextNormalizer.ToPersianDigits(JalaliDate.FromDateOnly(endOfCover).ToString()));
        await BrowserFixture.ScreenshotAsync(clerk, "booklets-counter-served.png");

        var href = await clerk.GetByTestId($"member-{family.Main.NationalId}").GetByTestId("slip").GetAttributeAsync("href");
        var slip = await clerk.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, slip.Status);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await slip.BodyAsync())[..4]));

        var services = (await ServicesAsync(fixture.Portal, family.OlderSon.Id)).Concat(await ServicesAsync(fixture.Portal, family.Main.Id)).ToList();
        Assert.Equal(2, services.Count);
        Assert.Contains(services, s => s.Refusal == Portal.Domain.Booklets.BookletRefusal.SonWithoutCertificate);
        Assert.Contains(services, s => s.Refusal is null && s.Type == Portal.Domain.Booklets.BookletServiceType.Renewal);

        Assert.Equal((before.Renewals + 3, before.Refused + 1), await ReportedAsync());
        await BrowserFixture.ScreenshotAsync(registration, "booklets-report.png");
    }
}
