namespace Portal.Domain.Common.Files;

/// <summary>An open stored file on its way to a user: whoever does not hand <see cref="Content"/> on to the response disposes it.</summary>
public sealed record FileDownload(string FileName, string ContentType, long Size, Stream Content) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
