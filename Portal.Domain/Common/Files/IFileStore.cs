namespace Portal.Domain.Common.Files;

/// <summary>
/// Uploaded files, content-addressed by SHA-256: the same bytes are stored once and a stored file never changes.
/// Records keep the hash; the store keeps the bytes outside the web root, so nothing is served without an endpoint's check.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the stream's content (read to its end) and returns its lower-case hex SHA-256 and length.</summary>
    Task<(string Sha256Hex, long Size)> SaveAsync(Stream content, CancellationToken ct = default);

    /// <summary>The stored content, or null when there is none under that hash.</summary>
    Stream? OpenRead(string sha256Hex);

    bool Exists(string sha256Hex);
}
