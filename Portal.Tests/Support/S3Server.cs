using System.Diagnostics;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Portal.Hosting;

namespace Portal.Tests.Support;

/// <summary>
/// An S3-compatible server on a free loopback port: s3rver from npm (Portal.Tests/s3/package.json, installed by
/// .ci/run), started through s3rver-whole-objects.js so that an object is visible only once whole, as in S3; storing in
/// a temp folder, with one bucket made at start. Its keys are s3rver's fixed S3RVER/S3RVER.
/// </summary>
public sealed class S3Server : IAsyncLifetime
{
    public const string Bucket = "portal-files";
    private readonly string _root = Directory.CreateTempSubdirectory("portal-s3-").FullName;
    private Process? _process;

    public string ServiceUrl { get; private set; } = "";

    /// <summary>The settings a portal needs to keep its files in this server's bucket (<c>Files:Store=S3</c>).</summary>
    public IEnumerable<KeyValuePair<string, string?>> PortalSettings(string cacheRoot) =>
    [
        new("Files:Store", "S3"),
        new("Files:S3:ServiceUrl", ServiceUrl),
        new("Files:S3:Bucket", Bucket),
        new("Files:S3:AccessKey", "S3RVER"),
        new("Files:S3:SecretKey", "S3RVER"),
        new("Files:S3:CacheRoot", cacheRoot),
    ];

    /// <summary>A store on this server's bucket with its own cache folder, as one portal server would have.</summary>
    public S3FileStore Store(string cacheRoot) => new(new S3FileStoreOptions
    {
        ServiceUrl = ServiceUrl,
        Bucket = Bucket,
        AccessKey = "S3RVER",
        SecretKey = "S3RVER",
        CacheRoot = cacheRoot,
    });

    /// <summary>The bucket's keys, as S3 lists them: what the store wrote, seen from outside it.</summary>
    public async Task<List<string>> KeysAsync()
    {
        using var client = Client();
        var page = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket });
        return [.. (page.S3Objects ?? []).Select(o => o.Key)];
    }

    /// <summary>Writes an object behind the store's back (a tampered or restored file).</summary>
    public async Task PutAsync(string key, byte[] content)
    {
        using var client = Client();
        await client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, InputStream = new MemoryStream(content), UseChunkEncoding = false });
    }

    public async Task EmptyBucketAsync()
    {
        using var client = Client();
        foreach (var key in await KeysAsync()) await client.DeleteObjectAsync(Bucket, key);
    }

    private AmazonS3Client Client() => new(new BasicAWSCredentials("S3RVER", "S3RVER"), new AmazonS3Config
    {
        ServiceURL = ServiceUrl,
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

    public async Task InitializeAsync()
    {
        var script = Path.Combine(PackageFolder(), "s3rver-whole-objects.js");
        if (!File.Exists(Path.Combine(PackageFolder(), "node_modules", "s3rver", "bin", "s3rver.js")))
            throw new InvalidOperationException($"s3rver is not installed: run `npm ci` in {PackageFolder()} (.ci/run does).");
        var start = new ProcessStartInfo("node", [script, "-d", Path.Combine(_root, "data"), "-a", "127.0.0.1", "-p", "0", "--silent", "--configure-bucket", Bucket])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var errors = _process.StandardError.ReadToEndAsync();
        // It prints "S3rver listening on 127.0.0.1:PORT" once the bucket is made and it accepts requests.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            const string listening = "S3rver listening on ";
            if (!line.StartsWith(listening, StringComparison.Ordinal)) continue;
            ServiceUrl = $"http://{line[listening.Length..].Trim()}";
            _ = _process.StandardOutput.ReadToEndAsync(); // keep its pipe drained
            return;
        }
        throw new InvalidOperationException($"s3rver exited before listening: {await errors}");
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.WaitForExit();
        _process?.Dispose();
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Portal.Tests/s3, found from the test assembly's folder up to the source tree.</summary>
    private static string PackageFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Portal.Tests", "s3");
            if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
        }
        throw new InvalidOperationException("Portal.Tests/s3/package.json not found above " + AppContext.BaseDirectory);
    }
}
