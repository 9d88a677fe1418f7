using Portal.Domain.Circulars;
using Portal.Domain.Security;

namespace Portal.Tests.Circulars;

public sealed class CircularLibraryTests(PortalFactory portal) : CircularsTestBase(portal)
{
    [Fact]
    public async Task UploadToAllAgencies_SendsItToEveryAgencyTheOfficeServes_NoneOpenedYet()
    {
        var review = await KermanReview();
        var id = await UploadAsync(review, ToAll("بخشنامه نحوه رسیدگی"));

        var receipts = await Library(review).ReceiptsAsync(id);

        Assert.Equal(["AG-08001", "AG-08002"], receipts!.Rows.Select(r => r.AgencyCode));
        Assert.All(receipts.Rows, r => Assert.Null(r.OpenedAt));
    }

    [Fact]
    public async Task Agency_SeesTheCircularUnread_UntilItDownloadsIt()
    {
        var id = await UploadAsync(await KermanReview(), ToAll("دستورالعمل پذیرش اسناد"));
        var agency = Library(await KermanAgency("AG-08002"));
        var unreadBefore = await agency.UnreadCountAsync();
        Assert.True((await agency.ListAsync(0, 100)).Rows.Single(r => r.Id == id).Unread);

        await using (var file = await agency.OpenForDownloadAsync(id))
        {
            using var bytes = new MemoryStream();
            await file!.Content.CopyToAsync(bytes);
            Assert.Equal(SampleFiles.Pdf(), bytes.ToArray());
            Assert.Equal("application/pdf", file.ContentType);
        }

        Assert.False((await agency.ListAsync(0, 100)).Rows.Single(r => r.Id == id).Unread);
        Assert.Equal(unreadBefore - 1, await agency.UnreadCountAsync());
    }

    [Fact]
    public async Task ReadReceipt_KeepsTheFirstOpening_WhenAColleagueOpensItLater()
    {
        var review = await KermanReview();
        var id = await UploadAsync(review, ToAll("فرم درخواست"));
        await using (await Library(await KermanAgency(role: Roles.AgencyManager)).OpenForDownloadAsync(id)) { }
        await using (await Library(await KermanAgency(role: Roles.AgencyUser)).OpenForDownloadAsync(id)) { }

        var receipt = (await Library(review).ReceiptsAsync(id))!.Rows.Single(r => r.AgencyCode == "AG-08001");

        Assert.Equal("agencymanager.ag-08001", receipt.OpenedBy);
    }

    [Fact]
    public async Task Download_ByTheReviewOffice_IsNotAReadReceipt()
    {
        var review = await KermanReview();
        var id = await UploadAsync(review, ToAll("بخشنامه بدون رسید"));
        await using (await Library(review).OpenForDownloadAsync(id)) { }

        Assert.All((await Library(review).ReceiptsAsync(id))!.Rows, r => Assert.Null(r.OpenedAt));
    }

    [Fact]
    public async Task Circular_ToChosenAgencies_IsHiddenFromOthers()
    {
        var id = await UploadAsync(await KermanReview(), ToSome("فرم ویژه", await AgencyIdAsync("AG-08002")));

        var other = Library(await KermanAgency("AG-08001"));

        Assert.DoesNotContain((await other.ListAsync(0, 100)).Rows, r => r.Id == id);
        Assert.Null(await other.OpenForDownloadAsync(id));
        Assert.Contains((await Library(await KermanAgency("AG-08002")).ListAsync(0, 100)).Rows, r => r.Id == id);
    }

    [Fact]
    public async Task Recipients_AgencyServedByAnotherOffice_IsRefused()
    {
        var result = await Library(await KermanReview()).UploadAsync(ToSome("فرم", await AgencyIdAsync("AG-27001")), new MemoryStream(SampleFiles.Pdf()));

        Assert.Equal("Circulars.AgencyNotServed", result.Error);
    }

    [Fact]
    public async Task Recipients_SomeAgenciesWithNoneChosen_IsRefused()
    {
        var result = await Library(await KermanReview()).UploadAsync(ToSome("فرم"), new MemoryStream(SampleFiles.Pdf()));

        Assert.Equal("Circulars.RecipientsRequired", result.Error);
    }

    [Fact]
    public async Task TextFileRenamedPdf_IsRefused_AndNothingIsStored()
    {
        var stored = StoredFileCount();

        var result = await Library(await KermanReview()).UploadAsync(ToAll("بخشنامه جعلی", "notes.pdf"), new MemoryStream(SampleFiles.Text()));

        Assert.Equal("Circulars.FileType", result.Error);
        Assert.Equal(stored, StoredFileCount());
    }

    [Fact]
    public async Task PdfHeaderFollowedByHtml_IsRefused_AndNothingIsStored()
    {
        var stored = StoredFileCount();

        var result = await Library(await KermanReview()).UploadAsync(ToAll("بخشنامه جعلی", "circular.pdf"), new MemoryStream(SampleFiles.PdfHeaderThenHtml()));

        Assert.Equal("Circulars.FileType", result.Error);
        Assert.Equal(stored, StoredFileCount());
    }

    [Fact]
    public async Task Upload_PlainZipRenamedDocx_IsRefused()
    {
        var result = await Library(await KermanReview()).UploadAsync(ToAll("فرم", "form.docx"), new MemoryStream(SampleFiles.PlainZip()));

        Assert.Equal("Circulars.FileType", result.Error);
    }

    [Fact]
    public async Task Upload_FileOverTwentyMegabytes_IsRefused()
    {
        var tooBig = new byte[CircularLibrary.MaxBytes + 1];
        SampleFiles.Pdf().CopyTo(tooBig, 0);

        var result = await Library(await KermanReview()).UploadAsync(ToAll("بخشنامه حجیم"), new MemoryStream(tooBig));

        Assert.Equal("Circulars.TooLarge", result.Error);
    }

    [Fact]
    public async Task WordDocument_DownloadsUnderItsNameAsDocx_EvenIfNamedOtherwise()
    {
        var review = await KermanReview();
        var id = await UploadAsync(review, ToAll("فرم قرارداد", "فرم قرارداد.doc"), SampleFiles.Docx());

        await using var file = await Library(review).OpenForDownloadAsync(id);

        Assert.Equal("فرم قرارداد.docx", file!.FileName);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", file.ContentType);
    }

    [Fact]
    public async Task Title_IsStoredWithPersianLetters_WhenTypedOnAnArabicKeyboard()
    {
        var review = await KermanReview();
        var id = await UploadAsync(review, ToAll("  بخشنامه كارگزاري  "));

        Assert.Equal("بخشنامه کارگزاری", (await Library(review).ReceiptsAsync(id))!.Title);
    }

    [Fact]
    public async Task Upload_BlankTitle_IsRefused()
    {
        var result = await Library(await KermanReview()).UploadAsync(ToAll("   "), new MemoryStream(SampleFiles.Pdf()));

        Assert.Equal("Circulars.TitleRequired", result.Error);
    }

    [Fact]
    public async Task Upload_ByAnAgency_IsRefused()
    {
        var result = await Library(await KermanAgency()).UploadAsync(ToAll("بخشنامه"), new MemoryStream(SampleFiles.Pdf()));

        Assert.Equal("Circulars.OnlyReviewOffice", result.Error);
    }

    [Fact]
    public async Task KermanCircular_GolestanAgency_CannotListOrDownloadIt()
    {
        var id = await UploadAsync(await KermanReview(), ToAll("بخشنامه کرمان"));
        var golestan = Library(await GolestanAgency());

        Assert.DoesNotContain((await golestan.ListAsync(0, 100)).Rows, r => r.Id == id);
        Assert.Null(await golestan.OpenForDownloadAsync(id));
    }

    [Fact]
    public async Task GolestanCircular_KermanReviewOffice_CannotSeeOrDownloadIt()
    {
        var id = await UploadAsync(await GolestanReview(), ToAll("بخشنامه گلستان"));
        var kerman = Library(await KermanReview());

        Assert.Null(await kerman.ReceiptsAsync(id));
        Assert.Null(await kerman.OpenForDownloadAsync(id));
        Assert.DoesNotContain((await kerman.ListAsync(0, 100)).Rows, r => r.Id == id);
    }

    [Fact]
    public async Task Agency_CannotSeeReceipts_EvenOfItsOwnCircular()
    {
        var id = await UploadAsync(await KermanReview(), ToAll("بخشنامه"));

        Assert.Null(await Library(await KermanAgency()).ReceiptsAsync(id));
    }

    [Fact]
    public async Task KermanTreatmentDirectorate_FollowsKermanReceipts_ButNotGolestans()
    {
        var kerman = await UploadAsync(await KermanReview(), ToAll("بخشنامه درمان کرمان"));
        var golestan = await UploadAsync(await GolestanReview(), ToAll("بخشنامه درمان گلستان"));
        var treatment = Library(await ActingAs.ActorAsync(Contexts, Roles.TreatmentDirectorate, "TD-08"));

        Assert.NotNull(await treatment.ReceiptsAsync(kerman));
        Assert.Null(await treatment.ReceiptsAsync(golestan));
    }
}
