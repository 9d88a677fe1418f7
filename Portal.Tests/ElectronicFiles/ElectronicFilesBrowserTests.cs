using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Domain.Common;
using Portal.Domain.ElectronicFiles;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.ElectronicFiles;

[Collection(nameof(BrowserFixture))]
public sealed class ElectronicFilesBrowserTests(BrowserFixture fixture)
{
    /// <summary>Does the file's next step through the page: the act asks first, naming the step; the page then shows it done.</summary>
    private static async Task StepAsync(IPage page, string step, string? pages = null)
    {
        if (pages is not null) await page.GetByTestId("step-pages").FillAsync(pages);
        await page.GetByTestId("step-do").ClickAsync();
        await page.GetByTestId("confirm-yes").ClickAsync();
        await Expect(page.GetByTestId($"step-{step}")).Not.ToHaveClassAsync(new Regex("mud-text-disabled"));
    }

    [Fact]
    public async Task ABranchFile_FromArchiveRowToIndexed_ScannedByStaff_VerifiedByTheSupervisor_FoundAndViewedWithTheViewersMark()
    {
        var nationalId = NationalId.WithCheckDigit("371234560");
        var staff = await fixture.SignInAsync("kerman.branch.staff");
        await BrowserFixture.GotoAsync(staff, "/electronic-files");
        await staff.GetByTestId("file-register").ClickAsync();
        // A wrong national ID is refused under its field, in Persian, and nothing is registered.
        await staff.GetByTestId("file-national-id").FillAsync("1234567890");
        await staff.GetByTestId("file-person").FillAsync("زهرا موسوی");
        await staff.GetByTestId("file-row").FillAsync("۳");
        await staff.GetByTestId("file-shelf").FillAsync("۱۲");
        await staff.GetByTestId("file-box").FillAsync("۴");
        await staff.GetByTestId("file-save").ClickAsync();
        await Expect(staff.GetByText("رقم کنترل کد ملی درست نیست.")).ToBeVisibleAsync();
        await staff.GetByTestId("file-national-id").FillAsync(TextNormalizer.ToPersianDigits(nationalId));
        await staff.GetByTestId("file-save").ClickAsync();
        await staff.WaitForURLAsync(new Regex("/electronic-files/\\d+$"));
        var fileUrl = new Uri(staff.Url).AbsolutePath;
        await Expect(staff.GetByTestId("file-person")).ToHaveTextAsync("زهرا موسوی");

        await StepAsync(staff, "OutOfArchive");
        await StepAsync(staff, "PageCount", pages: "۱");
        await StepAsync(staff, "Registered");
        await StepAsync(staff, "Prepared");
        // The scan goes in as a plain upload, checked by content.
        var scan = Path.Combine(Path.GetTempPath(), $"scan-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(scan, SampleFiles.Pdf("Scan"));
        await staff.GetByTestId("upload-type").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await staff.GetByTestId("upload-source").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await staff.GetByTestId("upload-file").SetInputFilesAsync(scan);
        await staff.GetByTestId("upload-submit").ClickAsync();
        await staff.WaitForURLAsync(new Regex("[?](added|error)="));
        Assert.Contains("added=true", staff.Url);
        await Expect(staff.GetByTestId("file-added")).ToBeVisibleAsync();
        await Expect(staff.GetByTestId("document-row")).ToHaveCountAsync(1);
        await StepAsync(staff, "Scanned");
        await StepAsync(staff, "QualityChecked");
        // The one who scanned it cannot verify it against the originals.
        await Expect(staff.GetByTestId("step-do")).ToHaveCountAsync(0);

        var supervisor = await fixture.SignInAsync("kerman.branch.supervisor");
        await BrowserFixture.GotoAsync(supervisor, fileUrl);
        await StepAsync(supervisor, "Verified");
        await BrowserFixture.ScreenshotAsync(supervisor, "efiles-verified.png");

        await BrowserFixture.GotoAsync(staff, fileUrl);
        await StepAsync(staff, "Reassembled");
        await StepAsync(staff, "Recounted", pages: "۱");
        await StepAsync(staff, "BackOnShelf");
        await StepAsync(staff, "Stored");
        await StepAsync(staff, "Indexed");
        await Expect(staff.GetByTestId("file-actions")).ToHaveCountAsync(0);
        // Once indexed, papers still come in during service, but no longer as the file's first scans.
        await Expect(staff.GetByTestId("upload-source").Locator("option[value=InitialScanning]")).ToHaveCountAsync(0);
        await Expect(staff.GetByTestId("upload-source").Locator("option[value=ReceivedInService]")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(staff, "efiles-indexed.png");

        // The province's treatment directorate finds it by the person and opens it: the view is logged on the file.
        var treatment = await fixture.SignInAsync("kerman.treatment");
        await BrowserFixture.GotoAsync(treatment, "/electronic-files/search");
        await treatment.GetByTestId("search-national-id").FillAsync(nationalId);
        await treatment.GetByTestId("search-go").ClickAsync();
        await Expect(treatment.GetByTestId("hit-file")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(treatment, "efiles-search.png");
        await treatment.GetByTestId("hit-file").ClickAsync();
        await treatment.WaitForURLAsync(new Regex("/electronic-files/\\d+$"));
        await treatment.GetByTestId("document-open").ClickAsync();
        await Expect(treatment.GetByTestId("viewer-notice")).ToContainTextAsync("kerman.treatment");
        await Expect(treatment.GetByTestId("viewer-page")).ToBeVisibleAsync();
        await treatment.WaitForFunctionAsync("() => document.querySelector('[data-testid=viewer-page]').naturalWidth > 0");
        await BrowserFixture.ScreenshotAsync(treatment, "efiles-viewer.png");
        await BrowserFixture.GotoAsync(supervisor, fileUrl);
        await Expect(supervisor.GetByTestId("file-views")).ToContainTextAsync("kerman.treatment");
        await BrowserFixture.GotoAsync(supervisor, "/electronic-files/report");
        await Expect(supervisor.GetByTestId("report-operators")).ToContainTextAsync("kerman.branch.staff");
        await BrowserFixture.ScreenshotAsync(supervisor, "efiles-report.png");

        // Another province's branch does not find it, by search or by its address.
        var golestan = await fixture.SignInAsync("golestan.branch.staff");
        await BrowserFixture.GotoAsync(golestan, fileUrl);
        await Expect(golestan.GetByTestId("file-not-found")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AReceivedPaper_IsStamped_AndItsOriginalKeptInItsBinder_WhichListsIt()
    {
        var portal = fixture.Portal;
        var file = await ElectronicFilesArrange.RegisterAsync(portal);
        await ElectronicFilesArrange.WalkToAsync(portal, file, ScanStepKind.Indexed);
        await ElectronicFilesArrange.UploadPdfAsync(portal, ElectronicFilesArrange.Staff, file, DocumentSource.ReceivedInService);
        var number = (await ElectronicFilesArrange.FileAsync(portal, file)).Number;

        var staff = await fixture.SignInAsync(ElectronicFilesArrange.Staff);
        await BrowserFixture.GotoAsync(staff, $"/electronic-files/{file}");
        var paper = staff.GetByTestId("document-paper").Filter(new() { Has = staff.GetByTestId("paper-Stamp") });
        await Expect(paper).ToContainTextAsync("نزد شعبه");
        // Handing back waits for the stamp.
        await Expect(paper.GetByTestId("paper-HandBack")).ToHaveCountAsync(0);
        await paper.GetByTestId("paper-Stamp").ClickAsync();
        await Expect(staff.GetByTestId("confirm-message")).ToContainTextAsync("اسکن شد");
        await staff.GetByTestId("confirm-yes").ClickAsync();
        var stamped = staff.GetByTestId("document-paper").Filter(new() { Has = staff.GetByTestId("paper-Keep") }).Last;
        await Expect(stamped).ToContainTextAsync("مهر «اسکن شد»");

        await stamped.GetByTestId("paper-Keep").ClickAsync();
        await staff.GetByTestId("keep-number").FillAsync("۴۵۶۷");
        await staff.GetByTestId("keep-date").FillAsync("1403/13/01");
        await staff.GetByTestId("keep-save").ClickAsync();
        // No kind, and a month that does not exist: each refused under its field; nothing is filed.
        await Expect(staff.GetByText("ماه ۱۳ نداریم؛ ماه از ۱ تا ۱۲ است.").First).ToBeVisibleAsync();
        await Expect(staff.GetByText("این خانه را پر کنید.").First).ToBeVisibleAsync();
        await staff.GetByTestId("keep-category").ClickAsync();
        await staff.GetByText("نظریه مراجع پزشکی در رد تمام یا بخشی از استراحت").ClickAsync();
        var today = JalaliDate.FromInstant(DateTimeOffset.UtcNow.AddDays(-1)).ToString();
        await staff.GetByTestId("keep-date").FillAsync(today);
        await staff.GetByTestId("keep-save").ClickAsync();
        await Expect(staff.GetByTestId("file-documents").GetByText(new Regex("در کلاسور «نظریه مراجع پزشکی"))).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(staff, "ef-paper-kept.png");

        await BrowserFixture.GotoAsync(staff, "/electronic-files/binders");
        await staff.GetByTestId("binder-row").Filter(new() { HasText = "نظریه مراجع پزشکی" }).First.GetByTestId("binder-open").ClickAsync();
        await Expect(staff.GetByTestId("binder-contents")).ToContainTextAsync(number);
        await Expect(staff.GetByTestId("binder-contents")).ToContainTextAsync("۴۵۶۷");
        await BrowserFixture.ScreenshotAsync(staff, "ef-binder.png");
    }

    [Fact]
    public async Task TheDocumentsExpert_ProposesTheDueDestructionList_AndRecordsItWithTwoWitnesses()
    {
        var expert = await fixture.SignInAsync(ElectronicFilesArrange.Supervisor);
        await Expect(expert.GetByTestId("todo")).ToContainTextAsync("نوبت امحای شش‌ماهه رسیده است");
        await BrowserFixture.GotoAsync(expert, "/electronic-files/destruction");
        await Expect(expert.GetByTestId("destruction-due")).ToBeVisibleAsync();
        await expert.GetByTestId("destruction-propose").ClickAsync();
        await Expect(expert.GetByTestId("confirm-message")).ToContainTextAsync("فهرست امحا با ۶ برگ");
        await expert.GetByTestId("confirm-yes").ClickAsync();
        await expert.WaitForURLAsync(new Regex("destruction\\?list=\\d+$"));
        await Expect(expert.GetByTestId("destruction-item")).ToHaveCountAsync(6);

        var today = TextNormalizer.ToPersianDigits(JalaliDate.FromInstant(DateTimeOffset.UtcNow).ToString());
        await expert.GetByTestId("destruction-date").FillAsync(today);
        await expert.GetByTestId("destruction-witnesses").FillAsync("علی رضایی");
        await expert.GetByTestId("destruction-record").ClickAsync();
        await expert.GetByTestId("confirm-yes").ClickAsync();
        await Expect(expert.GetByText("نام دست‌کم دو شاهد را بنویسید، هر نام در یک سطر یا جدا با ویرگول.")).ToBeVisibleAsync();
        await Expect(expert.GetByTestId("destruction-recorded")).ToHaveCountAsync(0);

        await expert.GetByTestId("destruction-witnesses").FillAsync("علی رضایی\nزهرا کریمی");
        await expert.GetByTestId("destruction-record").ClickAsync();
        await Expect(expert.GetByTestId("confirm-message")).ToContainTextAsync("۶ برگ");
        await expert.GetByTestId("confirm-yes").ClickAsync();
        await Expect(expert.GetByTestId("destruction-recorded")).ToContainTextAsync("زهرا کریمی");
        await BrowserFixture.ScreenshotAsync(expert, "ef-destruction.png");
        await Expect(expert.GetByTestId("destruction-due")).ToHaveCountAsync(0);
    }
}
