using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Portal.Domain.Common.Files;

namespace Portal.Hosting;

/// <summary>Where an <see cref="S3FileStore"/> keeps its files: <c>Files:S3:*</c> in configuration.</summary>
public sealed record S3FileStoreOptions
{
    /// <summary>The S3-compatible endpoint: MinIO's or Ceph RGW's address ("https://s3.files.example:9000").</summary>
    public required string ServiceUrl { get; init; }
    public required string Bucket { get; init; }
    public required string AccessKey { get; init; }
    public required string SecretKey { get; init; }
    /// <summary>Addresses objects as <c>{endpoint}/{bucket}/{key}</c>: what MinIO and Ceph expect unless DNS names each bucket.</summary>
    public bool ForcePathStyle { get; init; } = true;
    /// <summary>The region the signatures name; MinIO and Ceph accept their configured one, by default us-east-1.</summary>
    public string Region { get; init; } = "us-east-1";
    /// <summary>This server's copies of files read by seeking (a scan's pages): content-addressed, so never stale.</summary>
    public required string CacheRoot { get; init; }
    public long CacheBytes { get; init; } = 2L << 30;
}

/// <summary>
/// The file store in an S3 bucket (MinIO, Ceph's RADOS gateway, or any S3-compatible service), shared by every server:
/// objects are named <c>ab/cd/abcd…</c> like the folder store's files. An upload is written to a temporary file while
/// it is hashed (a 60 MB scan is never held in memory), then put under its hash unless that object is there already;
/// S3 makes an object visible only once it is whole, and two servers putting the same bytes put the same object.
/// Reading streams the object; a reader that seeks gets this server's copy, downloaded once and checked against its hash.
/// </summary>
public sealed class S3FileStore : IFileStore, IDisposable
{
    private const int BufferSize = 81920;
    private readonly IAmazonS3 _s3;
    private readonly S3FileStoreOptions _options;
    private readonly string _cache;

    public S3FileStore(S3FileStoreOptions options)
    {
        _options = options;
        _cache = Path.GetFullPath(options.CacheRoot);
        var config = new AmazonS3Config
        {
            ServiceURL = options.ServiceUrl,
            ForcePathStyle = options.ForcePathStyle,
            AuthenticationRegion = options.Region,
            // Checksums only where S3 requires them: the trailing CRC headers SDK v4 adds by default are not understood by
            // every S3-compatible server (older MinIO and Ceph releases, s3rver). The content's SHA-256 is its name anyway.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        _s3 = new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    public string Bucket => _options.Bucket;

    public async Task<(string Sha256Hex, long Size)> SaveAsync(Stream content, CancellationToken ct = default)
    {
        var temp = TempPath();
        try
        {
            var (sha, size) = await WriteAsync(content, temp, ct);
            if (!await ExistsAsync(sha, ct)) // the same content is stored once
            {
                await _s3.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = _options.Bucket,
                    Key = StoredFileNames.RelativePath(sha),
                    FilePath = temp,
                    ContentType = "application/octet-stream",
                    UseChunkEncoding = false,
                }, ct);
            }
            return (sha, size);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<Stream?> OpenReadAsync(string sha256Hex, CancellationToken ct = default)
    {
        if (!StoredFileNames.IsHash(sha256Hex)) return null;
        GetObjectResponse response;
        try
        {
            response = await _s3.GetObjectAsync(_options.Bucket, StoredFileNames.RelativePath(sha256Hex), ct);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        return new ObjectStream(response);
    }

    public async Task<Stream?> OpenSeekableAsync(string sha256Hex, CancellationToken ct = default)
    {
        if (!StoredFileNames.IsHash(sha256Hex)) return null;
        var cached = Path.Combine(_cache, StoredFileNames.RelativePath(sha256Hex));
        if (OpenCached(cached) is { } hit) return hit;

        await using (var source = await OpenReadAsync(sha256Hex, ct))
        {
            if (source is null) return null;
            var temp = TempPath();
            var (sha, _) = await WriteAsync(source, temp, ct);
            if (sha != sha256Hex)
            {
                // The object was changed in the bucket: it is handed over as it is (the integrity check reports it), never cached.
                return new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize,
                    FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
            try { File.Move(temp, cached, overwrite: true); }
            catch (IOException) { File.Delete(temp); } // a concurrent reader cached it first
        }
        Trim();
        return OpenCached(cached) ?? await OpenSeekableAsync(sha256Hex, ct);
    }

    public async Task<bool> ExistsAsync(string sha256Hex, CancellationToken ct = default)
    {
        if (!StoredFileNames.IsHash(sha256Hex)) return false;
        try
        {
            await _s3.GetObjectMetadataAsync(_options.Bucket, StoredFileNames.RelativePath(sha256Hex), ct);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<string> ListAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var request = new ListObjectsV2Request { BucketName = _options.Bucket, MaxKeys = 1000 };
        while (true)
        {
            var page = await _s3.ListObjectsV2Async(request, ct);
            foreach (var o in page.S3Objects ?? [])
            {
                var name = o.Key[(o.Key.LastIndexOf('/') + 1)..];
                if (StoredFileNames.IsHash(name) && o.Key == StoredFileNames.RelativePath(name)) yield return name;
            }
            if (page.IsTruncated != true) yield break;
            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    public async Task<string> ProbeAsync(CancellationToken ct = default)
    {
        // A read of a key that is never stored: "no such key" proves the bucket exists and these keys may read it; a
        // missing bucket says "no such bucket" (a HEAD could not tell the two apart: it has no body).
        try
        {
            using var _ = await _s3.GetObjectAsync(_options.Bucket, "probe/never-stored", ct);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchKey") { }
        return $"S3 bucket {_options.Bucket} at {_options.ServiceUrl}";
    }

    public void Dispose() => _s3.Dispose();

    /// <summary>This server's uploads on their way to the bucket and downloads on their way into its copies.</summary>
    public string TemporaryFolder => Path.Combine(_cache, "tmp");

    public int DeleteAbandonedTemporaryFiles(DateTime untouchedSinceUtc) => AbandonedFiles.Delete(TemporaryFolder, untouchedSinceUtc);

    private string TempPath() => Path.Combine(Directory.CreateDirectory(TemporaryFolder).FullName, Guid.NewGuid().ToString("N"));

    private static FileStream? OpenCached(string path)
    {
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, useAsync: true);
            try { File.SetLastAccessTimeUtc(path, DateTime.UtcNow); } catch (IOException) { } // the eviction order; a copy being read keeps working if evicted
            return stream;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Keeps this server's copies under <see cref="S3FileStoreOptions.CacheBytes"/>, dropping the least recently read.</summary>
    private void Trim()
    {
        var files = new DirectoryInfo(_cache).EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => StoredFileNames.IsHash(f.Name)).OrderByDescending(f => f.LastAccessTimeUtc).ToList();
        long kept = 0;
        foreach (var f in files)
        {
            kept += f.Length;
            if (kept <= _options.CacheBytes) continue;
            try { f.Delete(); } catch (IOException) { }
        }
    }

    private static async Task<(string Sha, long Size)> WriteAsync(Stream content, string path, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        var buffer = new byte[BufferSize];
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
            size += read;
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    /// <summary>An object's body as it arrives: read-only, forward-only, its length known from the response.</summary>
    private sealed class ObjectStream(GetObjectResponse response) : Stream
    {
        private readonly Stream _body = response.ResponseStream;
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length { get; } = response.ContentLength;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Counted(_body.Read(buffer, offset, count));
        public override int Read(Span<byte> buffer) => Counted(_body.Read(buffer));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => Counted(await _body.ReadAsync(buffer, ct));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Counted(int read)
        {
            _position += read;
            return read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) response.Dispose();
            base.Dispose(disposing);
        }
    }
}
