using Portal.Domain.Common.Files;

namespace Portal.Tests.Common.Files;

/// <summary>The folder store, as every server sees it on one shared path: the contract, and where its files lie.</summary>
public sealed class LocalFileStoreTests : FileStoreContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"portal-store-test-{Guid.NewGuid():N}");

    protected override IFileStore NewStore() => new LocalFileStore(_root);

    protected override string TemporaryFolderOf(IFileStore store) => ((LocalFileStore)store).TemporaryFolder;

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Save_AnyFile_IsKeptUnderTwoLevelsOfHashPrefixFolders()
    {
        var (sha, _) = await Store.SaveAsync(new MemoryStream(SampleFiles.Png()));

        Assert.True(File.Exists(Path.Combine(_root, sha[..2], sha[2..4], sha)));
    }

    [Fact]
    public async Task Saves_Finished_LeaveNoTemporaryFileBehind_EvenWhenServersRaced()
    {
        var bytes = SampleFiles.Docx();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => NewStore().SaveAsync(new MemoryStream(bytes)))));

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, "tmp")));
    }

    [Fact]
    public async Task AHalfWrittenFile_LiesOnlyInTheRootsTmpFolder_SoItsRenameStaysOnOneFilesystem()
    {
        var upload = new GeneratedStream(1024 * 1024, pauseAt: 512 * 1024);
        var saving = Task.Run(() => Store.SaveAsync(upload));
        await upload.Paused;

        var pending = Assert.Single(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
        Assert.Equal(Path.Combine(_root, "tmp"), Path.GetDirectoryName(pending));
        upload.Resume();
        await saving;
    }

    [Fact]
    public async Task List_IgnoresFilesThatAreNotStoredFiles()
    {
        var (sha, _) = await Store.SaveAsync(new MemoryStream(SampleFiles.Pdf()));
        await File.WriteAllTextAsync(Path.Combine(_root, sha[..2], sha[2..4], "notes.txt"), "x");
        Directory.CreateDirectory(Path.Combine(_root, "ff", "ff"));
        await File.WriteAllTextAsync(Path.Combine(_root, "ff", "ff", sha), "in the wrong folder");

        Assert.Equal([sha], await ListedAsync(Store));
    }
}
