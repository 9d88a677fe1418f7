using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.OffsetFiles;

[Collection(nameof(BrowserFixture))]
public sealed class OffsetFilesBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task EnforcementAndTreatmentList_TheDirectorSends_TheGovernorRecordsAnAgreement_BothSidesConfirm_TheBalancesDrop_HeadOfficeSeesTheCollection()
    {
        // The enforcement unit lists a debtor; a debt of 1396 would be refused under its field.
        var office = await fixture.SignInAsync("kerman.generaloffice");
        await BrowserFixture.GotoAsync(office, "/offset/registers");
        await office.GetByTestId("debtor-code").FillAsync("8100501");
        await office.GetByTestId("debtor-name").FillAsync("شرکت ریخته‌گری نمونه کرمان");
        await office.GetByTestId("debtor-id").FillAsync("10320894878");
        await office.GetByTestId("debtor-debt").FillAsync("۲۵۰٬۰۰۰٬۰۰۰");
        await office.GetByTestId("debtor-first").FillAsync("1393/01");
        await office.GetByTestId("debtor-last").FillAsync("1396/03");
        await office.GetByTestId("debtor-add").ClickAsync();
        await Expect(office.GetByText("فقط بدهی دوره‌های پیش از سال ۱۳۹۶")).ToBeVisibleAsync();
        await office.GetByTestId("debtor-last").FillAsync("1395/12");
        await office.GetByTestId("debtor-add").ClickAsync();
        await Expect(office.GetByText("بدهکار در فهرست ثبت شد.")).ToBeVisibleAsync();

        // The treatment directorate lists a centre's claim.
        var treatment = await fixture.SignInAsync("kerman.treatment");
        await BrowserFixture.GotoAsync(treatment, "/offset/registers");
        await treatment.GetByText("مطالبات مراکز درمانی").ClickAsync();
        await treatment.GetByTestId("claim-centre").FillAsync("MC-08-01");
        await treatment.GetByTestId("claim-amount").FillAsync("183456000");
        await treatment.GetByTestId("claim-first").FillAsync("1398/01");
        await treatment.GetByTestId("claim-last").FillAsync("1398/12");
        await treatment.GetByTestId("claim-add").ClickAsync();
        await Expect(treatment.GetByTestId("claims")).ToContainTextAsync("۱۸۳٬۴۵۶٬۰۰۰");

        // The general office makes the file and picks both; the director-general sends it.
        await BrowserFixture.GotoAsync(office, "/offset");
        await office.GetByTestId("file-title").FillAsync("تهاتر ریخته‌گری کرمان");
        await office.GetByTestId("file-create").ClickAsync();
        await office.WaitForURLAsync(new Regex("/offset/\\d+$"));
        var fileUrl = new Uri(office.Url).AbsolutePath;
        // The province lists many debtors: find it by searching, then tick it.
        await office.GetByTestId("pick-debtors-search").FillAsync("8100501");
        await office.GetByTestId("pick-debtors").Locator("tbody tr", new() { HasText = "8100501" }).Locator("input[type=checkbox]").CheckAsync();
        await office.GetByTestId("pick-claims").Locator("tbody tr", new() { HasText = "۱۸۳٬۴۵۶٬۰۰۰" }).Locator("input[type=checkbox]").CheckAsync();
        await office.GetByTestId("file-compile").ClickAsync();
        await Expect(office.GetByText("۱ کارگاه با ۲۵۰٬۰۰۰٬۰۰۰ ریال")).ToBeVisibleAsync();
        await Expect(office.GetByTestId("file-send")).ToHaveCountAsync(0);
        var director = await fixture.SignInAsync("kerman.director");
        await BrowserFixture.GotoAsync(director, fileUrl);
        await director.GetByTestId("file-send").ClickAsync();
        // Sending asks first, saying what goes (the totals) and that it is final; cancelling sends nothing.
        await Expect(director.GetByTestId("confirm-message")).ToContainTextAsync("۱ کارگاه (۲۵۰٬۰۰۰٬۰۰۰ ریال مانده بدهی)");
        await director.GetByTestId("confirm-cancel").ClickAsync();
        await Expect(director.GetByTestId("file-status")).ToHaveTextAsync("پیش‌نویس");
        await director.GetByTestId("file-send").ClickAsync();
        await director.GetByTestId("confirm-yes").ClickAsync();
        // Sending prints the letter: the first PDF starts Chromium, which takes long on a busy machine.
        await Expect(director.GetByTestId("file-status")).ToHaveTextAsync("ارسال‌شده به استاندار", new() { Timeout = 60_000 });
        await Expect(director.GetByText("پرونده برای استانداری ارسال شد.")).ToBeVisibleAsync();
        await Expect(director.GetByTestId("paper-letter")).ToBeVisibleAsync();

        // The governor's office records the meeting and the agreement.
        var governor = await fixture.SignInAsync("kerman.governor");
        await BrowserFixture.GotoAsync(governor, fileUrl);
        await governor.GetByTestId("meeting-date").FillAsync("1405/09/10");
        await governor.GetByTestId("meeting-attendees").FillAsync("معاون اقتصادی استاندار، کارفرما، رئیس بیمارستان");
        await governor.GetByTestId("meeting-add").ClickAsync();
        await Expect(governor.GetByTestId("meetings")).ToContainTextAsync("معاون اقتصادی استاندار");
        await governor.GetByTestId("outcome-amount").FillAsync("۱۲۰٬۰۰۰٬۰۰۰");
        await governor.GetByTestId("outcome-add").ClickAsync();
        await Expect(governor.GetByTestId("agreements")).ToContainTextAsync("۱۲۰٬۰۰۰٬۰۰۰");
        await BrowserFixture.ScreenshotAsync(governor, "offset-governor.png");

        // Both sides confirm execution; the debt and the claim drop by the amount.
        await BrowserFixture.GotoAsync(office, fileUrl);
        await office.Locator("[data-testid^=confirm-insurance-]").ClickAsync();
        await Expect(office.GetByTestId("confirm-message")).ToContainTextAsync("۱۲۰٬۰۰۰٬۰۰۰ ریال");
        await office.GetByTestId("confirm-yes").ClickAsync();
        await Expect(office.Locator("[data-testid^=confirm-insurance-]")).ToHaveCountAsync(0);
        await Expect(office.GetByText("اجرای توافق تأیید شد؛ تسویه پس از تأیید طرف دیگر ثبت می‌شود.")).ToBeVisibleAsync();
        await BrowserFixture.GotoAsync(treatment, fileUrl);
        await treatment.Locator("[data-testid^=confirm-treatment-]").ClickAsync();
        await Expect(treatment.GetByTestId("confirm-message")).ToContainTextAsync("تسویه ثبت می‌شود");
        await treatment.GetByTestId("confirm-yes").ClickAsync();
        await Expect(treatment.GetByText("اجرای توافق تأیید شد و تسویه ثبت شد.")).ToBeVisibleAsync();
        await Expect(treatment.GetByTestId("file-debtors")).ToContainTextAsync("۱۳۰٬۰۰۰٬۰۰۰");
        await Expect(treatment.GetByTestId("file-claims")).ToContainTextAsync("۶۳٬۴۵۶٬۰۰۰");
        await BrowserFixture.ScreenshotAsync(treatment, "offset-settled.png");

        // Head office sees the collection: the workshop's collected amount and its file, in Kerman's totals.
        var headOffice = await fixture.SignInAsync("headoffice");
        await BrowserFixture.GotoAsync(headOffice, "/offset/collection");
        await Expect(headOffice.GetByTestId("collected-8100501")).ToHaveTextAsync("۱۲۰٬۰۰۰٬۰۰۰");
        await Expect(headOffice.GetByTestId("collection-provinces")).ToContainTextAsync("کرمان");
        await Expect(headOffice.GetByTestId("collection-excel")).ToHaveAttributeAsync("href", "/offset/collection.xlsx");
        await BrowserFixture.ScreenshotAsync(headOffice, "offset-collection.png");
    }
}
