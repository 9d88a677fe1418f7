using Portal.Domain.Circulars;
using Portal.Domain.Common.Files;

namespace Portal.Tests.Circulars;

public sealed class CircularFileTests
{
    [Fact]
    public void DownloadName_WindowsPathFromOldBrowsers_IsCutToTheFileName() =>
        Assert.Equal("نامه ۱۲۰.pdf", CircularFile.DownloadName(@"C:\Users\review\Desktop\نامه ۱۲۰.pdf", "عنوان", FileKind.Pdf));

    [Fact]
    public void DownloadName_ExtensionDisagreesWithContent_FollowsTheContent() =>
        Assert.Equal("form.docx", CircularFile.DownloadName("form.pdf", "عنوان", FileKind.Docx));

    [Fact]
    public void DownloadName_NamelessUpload_IsTheTitle() =>
        Assert.Equal("بخشنامه آموزش.pdf", CircularFile.DownloadName(null, "بخشنامه آموزش", FileKind.Pdf));

    [Fact]
    public void DownloadName_CharactersWindowsRefuses_AreReplaced() =>
        Assert.Equal("a_b_c.pdf", CircularFile.DownloadName("a:b?c.pdf", "t", FileKind.Pdf));
}
