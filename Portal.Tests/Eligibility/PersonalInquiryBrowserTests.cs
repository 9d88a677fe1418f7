using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Domain.Common;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Eligibility;

[Collection(nameof(BrowserFixture))]
public sealed class PersonalInquiryBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AnInsuredPerson_FromTheSignInPage_IsToldOfAMismatch_ThenGetsACodeBySms_AndSeesTheirStatus()
    {
        var (nationalId, mobile) = await PersonalPeople.CoveredAsync(fixture.Portal);
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, ViewportSize = new() { Width = 1366, Height = 860 } });
        var person = await context.NewPageAsync();

        // No account: the sign-in page leads to the inquiry.
        await person.GotoAsync("/account/login");
        await person.GetByTestId("personal-inquiry-link").ClickAsync();
        await person.WaitForURLAsync(new Regex("/eligibility/personal$"));

        // A mistyped national ID is refused under its field.
        await person.GetByTestId("personal-nationalid").FillAsync("1234567890");
        await person.GetByTestId("personal-mobile").FillAsync(mobile);
        await person.GetByTestId("personal-send").ClickAsync();
        await Expect(person.GetByTestId("personal-nationalid-error")).ToHaveTextAsync("رقم کنترل کد ملی درست نیست.");

        // A mobile that is not theirs: the seed's message, sending them to a branch.
        await person.GetByTestId("personal-nationalid").FillAsync(TextNormalizer.ToPersianDigits(nationalId));
        await person.GetByTestId("personal-mobile").FillAsync(PersonalPeople.NewMobile());
        await person.GetByTestId("personal-send").ClickAsync();
        await Expect(person.GetByTestId("personal-error")).ToHaveTextAsync(
            "کد ملی با شماره همراه مطابقت ندارد؛ برای ثبت‌نام و احراز هویت با شماره همراه به یکی از شعب سازمان مراجعه کنید.");
        await BrowserFixture.ScreenshotAsync(person, "personal-mismatch.png");

        // Their own mobile: a code is sent.
        await person.GetByTestId("personal-mobile").FillAsync(TextNormalizer.ToPersianDigits(mobile));
        await person.GetByTestId("personal-send").ClickAsync();
        await Expect(person.GetByTestId("personal-code-sent")).ToBeVisibleAsync();

        // The demo's phone is the administrators' SMS outbox.
        var admin = await fixture.SignInAsync("admin");
        await BrowserFixture.GotoAsync(admin, "/admin/sms");
        var sms = admin.GetByTestId("sms-outbox").Locator("tbody tr", new() { HasText = TextNormalizer.ToPersianDigits(mobile) }).First;
        await Expect(sms).ToContainTextAsync("کد تأیید");
        var code = PersonalPeople.CodeIn(await sms.GetByTestId("sms-text").InnerTextAsync());
        Assert.Matches(@"^\d{6}$", code);

        // A wrong code says how many tries are left; the right one (typed in Persian digits) answers.
        await person.GetByTestId("personal-code").FillAsync(code == "000000" ? "111111" : "000000");
        await person.GetByTestId("personal-verify").ClickAsync();
        await Expect(person.GetByTestId("personal-error")).ToContainTextAsync("۴ بار دیگر");
        await person.GetByTestId("personal-code").FillAsync(TextNormalizer.ToPersianDigits(code));
        await person.GetByTestId("personal-verify").ClickAsync();

        await Expect(person.GetByTestId("personal-status")).ToHaveTextAsync("حمایت درمانی دارد");
        var endsOn = JalaliDate.Today(TimeProvider.System).YearMonth.Last.ToPersianString();
        await Expect(person.GetByTestId("personal-endson")).ToHaveTextAsync(endsOn);
        await Expect(person.GetByTestId("personal-tracking")).ToHaveTextAsync(new Regex("^[۰-۹]{12}$"));
        await Expect(person.GetByTestId("personal-inpatient")).ToContainTextAsync("بستری");
        await BrowserFixture.ScreenshotAsync(person, "personal-result.png");
        await context.DisposeAsync();
    }
}
