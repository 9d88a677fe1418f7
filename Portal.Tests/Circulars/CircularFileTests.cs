using Portal.Domain.Circulars;
using Portal.Domain.Common.Files;

namespace Portal.Tests.Circulars;

public sealed class CircularFileTests
{
    [Fact]
    public void WindowsPathFromOldBrowsers_IsCutToTheFileName() =>
        Assert.Equal("نامه ۱۲۰.pdf", CircularFile.DownloadName(@"C:\Users\review\Desktop\نامه ۱۲۰.pdf", "عنوان", FileKind.Pdf));

    [Fact]
    public void ExtensionFollowsTheContent_NotTheName() =>
        Assert.Equal("form.docx", CircularFile.DownloadName("form.pdf", "عنوان", FileKind.Docx));

    [Fact]
    public void NamelessUpload_IsNamedAfterTheTitle() =>
        Assert.Equal("بخشنامه آموزش.pdf", CircularFile.DownloadName(null, "بخشنامه آموزش", FileKind.Pdf));

    [Fact]
    public void CharactersWindowsRefuses_AreReplaced() =>
        Assert.Equal("a_b_c.pdf", CircularFile.DownloadName("a:b?c.pdf", "t", FileKind.Pdf));
}
