using Portal.Domain.Common.Files;
using Portal.Hosting;

namespace Portal.Tests.Common.Files;

/// <summary>
/// The S3 store on a loopback s3rver: the same contract as the folder store. Each test class instance empties the
/// bucket first (the fixture is shared by the class), and each "server" has its own cache folder.
/// </summary>
public sealed class S3FileStoreTests(S3Server s3) : FileStoreContract, IClassFixture<S3Server>, IAsyncLifetime, IDisposable
{
    private readonly string _caches = Directory.CreateTempSubdirectory("portal-s3-cache-").FullName;
    private readonly List<S3FileStore> _stores = [];

    protected override IFileStore NewStore()
    {
        var store = s3.Store(Path.Combine(_caches, _stores.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        _stores.Add(store);
        return store;
    }

    protected override string TemporaryFolderOf(IFileStore store) => ((S3FileStore)store).TemporaryFolder;

    public Task InitializeAsync() => s3.EmptyBucketAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var store in _stores) store.Dispose();
        Directory.Delete(_caches, recursive: true);
    }

    [Fact]
    public async Task Objects_AreNamedLikeTheFolderStoresFiles()
    {
        var (sha, _) = await Store.SaveAsync(new MemoryStream(SampleFiles.Png()));

        Assert.Equal([$"{sha[..2]}/{sha[2..4]}/{sha}"], await s3.KeysAsync());
    }

    [Fact]
    public async Task AnObjectChangedInTheBucket_IsNotCachedAsIfItWereTheFile()
    {
        var bytes = SampleFiles.Pdf("original");
        var (sha, _) = await Store.SaveAsync(new MemoryStream(bytes));
        await s3.PutAsync(StoredFileNames.RelativePath(sha), SampleFiles.Pdf("tampered"));

        await using (var first = (await Store.OpenSeekableAsync(sha))!)
            Assert.NotEqual(bytes, await ReadBytesAsync(first));
        await s3.PutAsync(StoredFileNames.RelativePath(sha), bytes); // restored from a backup
        await using var second = (await Store.OpenSeekableAsync(sha))!;
        Assert.Equal(bytes, await ReadBytesAsync(second));
    }

    [Fact]
    public async Task Probe_OfAMissingBucket_Throws()
    {
        using var wrong = new S3FileStore(new S3FileStoreOptions
        {
            ServiceUrl = s3.ServiceUrl, Bucket = "no-such-bucket", AccessKey = "S3RVER", SecretKey = "S3RVER", CacheRoot = _caches,
        });

        await Assert.ThrowsAnyAsync<Exception>(() => wrong.ProbeAsync());
    }

    private static async Task<byte[]> ReadBytesAsync(Stream s)
    {
        using var copy = new MemoryStream();
        await s.CopyToAsync(copy);
        return copy.ToArray();
    }
}
