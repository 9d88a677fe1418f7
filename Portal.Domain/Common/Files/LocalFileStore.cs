using System.Security.Cryptography;

namespace Portal.Domain.Common.Files;

/// <summary>
/// The embedded file store: <c>{root}/ab/cd/abcd…</c> on the local disk. A file is written under a temporary name in
/// the same root and then moved into place, so a reader never sees a half-written file.
/// </summary>
public sealed class LocalFileStore(string root) : IFileStore
{
    private const int BufferSize = 81920;

    public string Root { get; } = Path.GetFullPath(root);

    public async Task<(string Sha256Hex, long Size)> SaveAsync(Stream content, CancellationToken ct = default)
    {
        var temp = Path.Combine(Directory.CreateDirectory(Path.Combine(Root, "tmp")).FullName, Guid.NewGuid().ToString("N"));
        try
        {
            var (sha, size) = await WriteAsync(content, temp, ct);
            var path = PathOf(sha);
            if (File.Exists(path)) return (sha, size); // the same content is stored once
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try { File.Move(temp, path); }
            catch (IOException) when (File.Exists(path)) { } // a concurrent upload of the same bytes got there first
            return (sha, size);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public Stream? OpenRead(string sha256Hex) =>
        Exists(sha256Hex) ? new FileStream(PathOf(sha256Hex), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true) : null;

    public bool Exists(string sha256Hex) => IsHash(sha256Hex) && File.Exists(PathOf(sha256Hex));

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
        await file.FlushAsync(ct);
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    // Two levels of folders keep any one directory small when there are hundreds of thousands of files.
    private string PathOf(string sha) => Path.Combine(Root, sha[..2], sha[2..4], sha);

    // Only a well-formed hash becomes a path: a request can never name "../" or another file.
    private static bool IsHash(string? s) => s is { Length: 64 } && s.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
