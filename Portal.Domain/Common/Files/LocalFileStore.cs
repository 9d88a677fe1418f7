using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Portal.Domain.Common.Files;

/// <summary>
/// The file store in a folder: <c>{root}/ab/cd/abcd…</c>, on the local disk or on a path every server mounts (NFS). A
/// file is written under a temporary name in the same root (<c>{root}/tmp</c>, so the same filesystem), flushed to disk
/// (fsync) and only then renamed into place, and the folder holding it is flushed too: a reader on any server sees the
/// whole file or none, and a file once named survives the writer's crash. Two servers saving the same bytes at once both
/// succeed: the second rename finds the file there and leaves it (the same content).
/// </summary>
public sealed class LocalFileStore(string root) : IFileStore
{
    private const int BufferSize = 81920;

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Where saves write before the rename: in the root, so on the same filesystem (a rename, not a copy).</summary>
    public string TemporaryFolder => Path.Combine(Root, "tmp");

    public async Task<(string Sha256Hex, long Size)> SaveAsync(Stream content, CancellationToken ct = default)
    {
        var temp = Path.Combine(Directory.CreateDirectory(TemporaryFolder).FullName, $"{Environment.MachineName}-{Guid.NewGuid():N}");
        try
        {
            var (sha, size) = await WriteAsync(content, temp, ct);
            var path = PathOf(sha);
            if (File.Exists(path)) return (sha, size); // the same content is stored once
            var folder = Directory.CreateDirectory(Path.GetDirectoryName(path)!).FullName;
            try { File.Move(temp, path, overwrite: false); }
            catch (IOException) when (File.Exists(path)) { } // another server's upload of the same bytes got there first
            FlushFolder(folder);
            return (sha, size);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public Task<Stream?> OpenReadAsync(string sha256Hex, CancellationToken ct = default) => Task.FromResult(Open(sha256Hex));

    // A stored file is a local (or mounted) file already: its own stream seeks.
    public Task<Stream?> OpenSeekableAsync(string sha256Hex, CancellationToken ct = default) => Task.FromResult(Open(sha256Hex));

    public Task<bool> ExistsAsync(string sha256Hex, CancellationToken ct = default) => Task.FromResult(Exists(sha256Hex));

    public async IAsyncEnumerable<string> ListAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!Directory.Exists(Root)) yield break;
        foreach (var first in Directory.EnumerateDirectories(Root, "??"))
            foreach (var second in Directory.EnumerateDirectories(first, "??"))
                foreach (var file in Directory.EnumerateFiles(second))
                {
                    ct.ThrowIfCancellationRequested();
                    var name = Path.GetFileName(file);
                    if (StoredFileNames.IsHash(name) && file == PathOf(name)) yield return name;
                }
        await Task.CompletedTask;
    }

    public int DeleteAbandonedTemporaryFiles(DateTime untouchedSinceUtc) => AbandonedFiles.Delete(TemporaryFolder, untouchedSinceUtc);

    public Task<string> ProbeAsync(CancellationToken ct = default)
    {
        // A stale NFS mount throws here rather than on the next upload.
        var tmp = Directory.CreateDirectory(TemporaryFolder);
        _ = tmp.EnumerateFiles().Take(1).Count();
        return Task.FromResult($"folder {Root}");
    }

    private bool Exists(string sha256Hex) => StoredFileNames.IsHash(sha256Hex) && File.Exists(PathOf(sha256Hex));

    private Stream? Open(string sha256Hex)
    {
        if (!StoredFileNames.IsHash(sha256Hex)) return null;
        try
        {
            return new FileStream(PathOf(sha256Hex), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
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
        await file.FlushAsync(ct);
        file.Flush(flushToDisk: true); // fsync: the bytes are on the disk (or the NFS server) before the name points at them
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    private string PathOf(string sha) => Path.Combine(Root, sha[..2], sha[2..4], sha);

    /// <summary>
    /// fsync of the folder, so the new name itself is on the disk (POSIX leaves a rename in the folder's cache until then).
    /// .NET opens no folder as a stream, hence libc. Best effort: on NFS the server commits the rename before answering.
    /// </summary>
    private static void FlushFolder(string folder)
    {
        if (!OperatingSystem.IsLinux()) return;
        var fd = Native.open(folder, 0 /* O_RDONLY */);
        if (fd < 0) return;
        try { Native.fsync(fd); }
        finally { Native.close(fd); }
    }

    // DllImport, not LibraryImport: the generated marshalling needs unsafe code, and these three calls pass only an int or a path.
#pragma warning disable SYSLIB1054, CA2101, CA5392
    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        internal static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        internal static extern int fsync(int fd);

        [DllImport("libc")]
        internal static extern int close(int fd);
    }
#pragma warning restore SYSLIB1054, CA2101, CA5392
}
