using System.Security.Cryptography;
using Portal.Domain.Common.Files;

namespace Portal.Tests.Common.Files;

/// <summary>
/// What every file store must do, whichever keeps the bytes: the same tests run over the folder store
/// (<see cref="LocalFileStoreTests"/>) and the S3 store on a loopback s3rver (<see cref="S3FileStoreTests"/>).
/// <see cref="NewStore"/> returns another server's view of the same store (same folder, same bucket).
/// </summary>
public abstract class FileStoreContract
{
    protected abstract IFileStore NewStore();

    /// <summary>Where the store's saves write before their file is whole.</summary>
    protected abstract string TemporaryFolderOf(IFileStore store);

    private IFileStore? _store;
    protected IFileStore Store => _store ??= NewStore();

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    protected static async Task<List<string>> ListedAsync(IFileStore store)
    {
        var listed = new List<string>();
        await foreach (var sha in store.ListAsync()) listed.Add(sha);
        return listed;
    }

    [Fact]
    public async Task Save_ThenOpen_ReturnsTheSameBytes_UnderTheirSha256()
    {
        var bytes = SampleFiles.Pdf($"contract {Guid.NewGuid()}");

        var (sha, size) = await Store.SaveAsync(new MemoryStream(bytes));

        Assert.Equal((Sha(bytes), (long)bytes.Length), (sha, size));
        await using var read = (await Store.OpenReadAsync(sha))!;
        Assert.Equal(bytes.Length, read.Length);
        Assert.Equal(bytes, await ReadAllAsync(read));
        Assert.True(await Store.ExistsAsync(sha));
    }

    [Fact]
    public async Task Save_SameContentTwice_IsStoredOnce()
    {
        var bytes = SampleFiles.Png();
        var first = await Store.SaveAsync(new MemoryStream(bytes));
        var second = await NewStore().SaveAsync(new MemoryStream(bytes));

        Assert.Equal(first, second);
        Assert.Equal([first.Sha256Hex], await ListedAsync(Store));
    }

    [Fact]
    public async Task List_NamesEveryStoredHash()
    {
        var a = await Store.SaveAsync(new MemoryStream(SampleFiles.Pdf("one")));
        var b = await Store.SaveAsync(new MemoryStream(SampleFiles.Pdf("two")));

        Assert.Equal(new[] { a.Sha256Hex, b.Sha256Hex }.Order(), (await ListedAsync(NewStore())).Order());
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("ABCDEF")]
    [InlineData("ab/cd/0000000000000000000000000000000000000000000000000000000000")]
    public async Task Open_UnknownOrMalformedHash_OpensNothing(string sha)
    {
        Assert.Null(await Store.OpenReadAsync(sha));
        Assert.Null(await Store.OpenSeekableAsync(sha));
        Assert.False(await Store.ExistsAsync(sha));
    }

    [Fact]
    public async Task OpenSeekable_GivesTheBytes_InAStreamThatSeeks()
    {
        var bytes = SampleFiles.Pdf($"scan {Guid.NewGuid()}");
        var (sha, _) = await Store.SaveAsync(new MemoryStream(bytes));

        await using (var other = (await NewStore().OpenSeekableAsync(sha))!)
        {
            Assert.True(other.CanSeek);
            other.Position = bytes.Length - 5;
            other.Position = 0;
            Assert.Equal(bytes, await ReadAllAsync(other));
        }
        await using var again = (await NewStore().OpenSeekableAsync(sha))!;
        Assert.Equal(FileKind.Pdf, FileSignature.Detect(again));
    }

    [Fact]
    public async Task ALargeFile_StreamsIn_AndOut_WithItsHash()
    {
        const long size = 24L * 1024 * 1024; // a heavy scan; the source cannot seek, so nothing may rewind it
        var source = new GeneratedStream(size);

        var (sha, saved) = await Store.SaveAsync(source);

        Assert.Equal((source.Sha256, size), (sha, saved));
        await using var read = (await NewStore().OpenReadAsync(sha))!;
        Assert.Equal(size, read.Length);
        Assert.Equal(sha, Convert.ToHexStringLower(await SHA256.HashDataAsync(read)));
    }

    [Fact]
    public async Task TwoServers_SavingTheSameBytesAtOnce_BothSucceed_AndOneFileIsStored()
    {
        var bytes = new byte[3 * 1024 * 1024];
        new Random(22).NextBytes(bytes);
        var servers = new[] { NewStore(), NewStore() };

        var saved = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => servers[i % 2].SaveAsync(new MemoryStream(bytes)))));

        Assert.All(saved, s => Assert.Equal((Sha(bytes), (long)bytes.Length), s));
        Assert.Equal([Sha(bytes)], await ListedAsync(Store));
        await using var read = (await servers[1].OpenReadAsync(Sha(bytes)))!;
        Assert.Equal(bytes, await ReadAllAsync(read));
    }

    [Fact]
    public async Task TheSweep_DeletesWhatACrashedSaveLeft_AndNotASaveInProgress()
    {
        const long size = 4L * 1024 * 1024;
        var upload = new GeneratedStream(size, pauseAt: size / 2);
        var saving = Task.Run(() => Store.SaveAsync(upload));
        await upload.Paused; // its temporary file holds half the bytes
        var crashed = Path.Combine(TemporaryFolderOf(Store), "left-by-a-crash");
        await File.WriteAllBytesAsync(crashed, new byte[1000]);
        var untouchedSince = DateTime.UtcNow - Portal.Hosting.Housekeeping.AbandonedAfter;
        File.SetLastWriteTimeUtc(crashed, untouchedSince.AddMinutes(-1));

        Assert.Equal(1, Store.DeleteAbandonedTemporaryFiles(untouchedSince));

        Assert.False(File.Exists(crashed));
        upload.Resume();
        Assert.Equal((upload.Sha256, size), await saving);
        Assert.Equal(0, Store.DeleteAbandonedTemporaryFiles(DateTime.UtcNow.AddMinutes(1))); // the save cleaned up after itself
    }

    [Fact]
    public async Task AFileHalfWritten_IsSeenByNoServer_UntilItIsWhole()
    {
        const long size = 4L * 1024 * 1024;
        var upload = new GeneratedStream(size, pauseAt: size / 2);
        var writer = NewStore();
        var reader = NewStore();

        var saving = Task.Run(() => writer.SaveAsync(upload));
        await upload.Paused; // half the bytes are with the writer, the rest not yet sent

        Assert.False(await reader.ExistsAsync(upload.Sha256));
        Assert.Null(await reader.OpenReadAsync(upload.Sha256));
        Assert.Empty(await ListedAsync(reader));
        upload.Resume();
        var (sha, _) = await saving;
        await using var read = (await reader.OpenReadAsync(sha))!;
        Assert.Equal(size, read.Length);
        Assert.Equal(upload.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(read)));
    }

    [Fact]
    public async Task Probe_NamesWhereTheFilesAre()
    {
        Assert.False(string.IsNullOrWhiteSpace(await Store.ProbeAsync()));
    }

    /// <summary>
    /// <paramref name="length"/> pseudo-random bytes made as they are read, never held: forward-only, like a request body.
    /// With <paramref name="pauseAt"/>, reading stops there until <see cref="Resume"/>, and <see cref="Paused"/> completes.
    /// </summary>
    protected sealed class GeneratedStream(long length, long pauseAt = -1) : Stream
    {
        private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _resume = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _position;

        public string Sha256 { get; } = HashOf(length);
        public Task Paused => _paused.Task;
        public void Resume() => _resume.TrySetResult();

        private static byte Byte(long i) => (byte)((i * 2654435761L) >> 13);

        private static string HashOf(long length)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            for (long at = 0; at < length;)
            {
                var n = (int)Math.Min(buffer.Length, length - at);
                for (var i = 0; i < n; i++) buffer[i] = Byte(at + i);
                hash.AppendData(buffer, 0, n);
                at += n;
            }
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            if (_position == pauseAt)
            {
                _paused.TrySetResult();
                await _resume.Task.WaitAsync(ct);
            }
            var end = pauseAt > _position ? pauseAt : length;
            var n = (int)Math.Min(buffer.Length, end - _position);
            var span = buffer.Span;
            for (var i = 0; i < n; i++) span[i] = Byte(_position + i);
            _position += n;
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
