using Portal.Domain.Common.Files;

namespace Portal.Tests.Common.Files;

public sealed class FileSignatureTests
{
    private static FileKind Detect(byte[] bytes) => FileSignature.Detect(new MemoryStream(bytes));

    [Fact]
    public void Detect_Pdf_IsRecognisedByItsHeader() => Assert.Equal(FileKind.Pdf, Detect(SampleFiles.Pdf()));

    [Fact]
    public void Detect_WordDocument_IsRecognisedByItsMainPart() => Assert.Equal(FileKind.Docx, Detect(SampleFiles.Docx()));

    [Fact]
    public void Detect_PlainZip_IsNotAWordDocument() => Assert.Equal(FileKind.Unknown, Detect(SampleFiles.PlainZip()));

    [Fact]
    public void TextFile_IsUnknown_WhateverItIsCalled() => Assert.Equal(FileKind.Unknown, Detect(SampleFiles.Text()));

    [Fact]
    public void Detect_Jpeg_IsRecognised() => Assert.Equal(FileKind.Jpeg, Detect(SampleFiles.Jpeg()));

    [Fact]
    public void Detect_Png_IsRecognised() => Assert.Equal(FileKind.Png, Detect(SampleFiles.Png()));

    [Fact]
    public void Detect_ZipHeaderWithGarbageAfterIt_IsUnknown() =>
        Assert.Equal(FileKind.Unknown, Detect([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]));

    [Fact]
    public void Detect_PdfHeaderFollowedByHtml_IsUnknown() => Assert.Equal(FileKind.Unknown, Detect(SampleFiles.PdfHeaderThenHtml()));

    [Fact]
    public void Detect_PdfCutShort_IsUnknown() => Assert.Equal(FileKind.Unknown, Detect(SampleFiles.Pdf()[..200]));

    [Fact]
    public void Detect_JpegMarkersWithoutAnImage_AreUnknown() => Assert.Equal(FileKind.Unknown, Detect(SampleFiles.JpegMarkersOnly()));

    [Fact]
    public void Detect_PngCutShort_IsUnknown() => Assert.Equal(FileKind.Unknown, Detect(SampleFiles.Png()[..40]));

    [Fact]
    public void Detect_WordPartsWithoutContentTypes_AreNotAWordDocument() => Assert.Equal(FileKind.Unknown, Detect(SampleFiles.DocxWithoutContentTypes()));

    [Fact]
    public void Detect_EmptyFile_IsUnknown() => Assert.Equal(FileKind.Unknown, Detect([]));

    [Fact]
    public void Detecting_LeavesTheStreamAtTheStart_ForTheStoreToRead()
    {
        var stream = new MemoryStream(SampleFiles.Docx());
        FileSignature.Detect(stream);
        Assert.Equal(0, stream.Position);
    }
}
