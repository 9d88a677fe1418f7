namespace Portal.Domain.Common.Files;

/// <summary>
/// Holds an upload in a temporary file (deleted when closed) so its content can be checked before anything is stored,
/// and stops reading once it is larger than allowed.
/// </summary>
public static class UploadBuffer
{
    /// <summary>A seekable copy positioned at the start, or null when the content exceeds <paramref name="maxBytes"/>.</summary>
    public static async Task<Stream?> ReadAsync(Stream source, long maxBytes, CancellationToken ct = default)
    {
        var temp = new FileStream(Path.Combine(Path.GetTempPath(), $"portal-upload-{Guid.NewGuid():N}"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                if (temp.Length + read > maxBytes)
                {
                    await temp.DisposeAsync();
                    return null;
                }
                await temp.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            temp.Position = 0;
            return temp;
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }
    }
}
