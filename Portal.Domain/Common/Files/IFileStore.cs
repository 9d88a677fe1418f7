namespace Portal.Domain.Common.Files;

/// <summary>
/// Uploaded files, content-addressed by SHA-256: the same bytes are stored once and a stored file never changes.
/// Records keep the hash; the store keeps the bytes outside the web root, so nothing is served without an endpoint's check.
/// Every server of a portal reads and writes the same store (a shared folder, or an S3 bucket): a file saved through one
/// is opened through any other. Asynchronous throughout, because a store may be across the network.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the stream's content (read to its end) and returns its lower-case hex SHA-256 and length.</summary>
    Task<(string Sha256Hex, long Size)> SaveAsync(Stream content, CancellationToken ct = default);

    /// <summary>
    /// The stored content, or null when there is none under that hash. The stream reads from its start and knows its
    /// <see cref="Stream.Length"/>, but may not seek (an S3 object is streamed): a reader that jumps about asks for
    /// <see cref="OpenSeekableAsync"/>.
    /// </summary>
    Task<Stream?> OpenReadAsync(string sha256Hex, CancellationToken ct = default);

    /// <summary>
    /// The stored content as a local file (a <see cref="FileStream"/> on the file itself, or on this server's copy of
    /// it), for readers that seek: a PDF's pages, a TIFF's frames. Null when there is none under that hash.
    /// </summary>
    Task<Stream?> OpenSeekableAsync(string sha256Hex, CancellationToken ct = default);

    Task<bool> ExistsAsync(string sha256Hex, CancellationToken ct = default);

    /// <summary>Every hash stored, in no particular order: for the integrity check and the file store's backup.</summary>
    IAsyncEnumerable<string> ListAsync(CancellationToken ct = default);

    /// <summary>
    /// Deletes the temporary files of saves a crash interrupted: those in this store's temporary folder not written to
    /// since <paramref name="untouchedSinceUtc"/> (a save writes as its bytes arrive). Returns how many it deleted.
    /// </summary>
    int DeleteAbandonedTemporaryFiles(DateTime untouchedSinceUtc);

    /// <summary>Where the files are kept, for the health check ("S3 bucket portal-files at http://…"); throws when the store cannot be reached.</summary>
    Task<string> ProbeAsync(CancellationToken ct = default);
}

/// <summary>What a stored file's name must look like, whichever store keeps it.</summary>
public static class StoredFileNames
{
    /// <summary>Only a well-formed hash names a stored file: a request can never name "../" or another object.</summary>
    public static bool IsHash(string? s) => s is { Length: 64 } && s.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>The file's place under the store's root: <c>ab/cd/abcd…</c>, two levels of folders so no one folder grows huge.</summary>
    public static string RelativePath(string sha) => $"{sha[..2]}/{sha[2..4]}/{sha}";
}

/// <summary>The temporary files of interrupted saves, whichever store wrote them.</summary>
public static class AbandonedFiles
{
    public static int Delete(string folder, DateTime untouchedSinceUtc)
    {
        if (!Directory.Exists(folder)) return 0;
        var deleted = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc >= untouchedSinceUtc) continue;
            try
            {
                file.Delete();
                deleted++;
            }
            catch (IOException) { } // gone already: another server swept the shared folder first
        }
        return deleted;
    }
}
