using System.Security.Cryptography;
using Portal.Domain.Common.Files;

namespace Portal.Tests.Common.Files;

public sealed class LocalFileStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"portal-store-test-{Guid.NewGuid():N}");
    private LocalFileStore Store => new(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private IEnumerable<string> StoredFiles() =>
        Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Where(f => !Path.GetRelativePath(_root, f).StartsWith("tmp"));

    [Fact]
    public async Task Save_ThenOpen_ReturnsTheSameBytes_UnderTheirSha256()
    {
        var bytes = SampleFiles.Pdf();

        var (sha, size) = await Store.SaveAsync(new MemoryStream(bytes));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), sha);
        Assert.Equal(bytes.Length, size);
        await using var read = Store.OpenRead(sha)!;
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Save_SameContentTwice_IsStoredOnce()
    {
        var first = await Store.SaveAsync(new MemoryStream(SampleFiles.Pdf()));
        var second = await Store.SaveAsync(new MemoryStream(SampleFiles.Pdf()));

        Assert.Equal(first, second);
        Assert.Single(StoredFiles());
    }

    [Fact]
    public async Task Save_AnyFile_IsKeptUnderTwoLevelsOfHashPrefixFolders()
    {
        var (sha, _) = await Store.SaveAsync(new MemoryStream(SampleFiles.Png()));

        Assert.True(File.Exists(Path.Combine(_root, sha[..2], sha[2..4], sha)));
    }

    [Fact]
    public async Task Save_Finished_LeavesNoTemporaryFileBehind()
    {
        await Store.SaveAsync(new MemoryStream(SampleFiles.Docx()));

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, "tmp")));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("ABCDEF")]
    public void Open_UnknownOrMalformedHash_OpensNothing(string sha)
    {
        Assert.Null(Store.OpenRead(sha));
        Assert.False(Store.Exists(sha));
    }
}
