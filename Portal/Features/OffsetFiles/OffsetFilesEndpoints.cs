using Portal.Domain.OffsetFiles;
using Portal.Security;

namespace Portal.Features.OffsetFiles;

/// <summary>An offset file's papers as sent, and the collection reports, as plain downloads.</summary>
public static class OffsetFilesEndpoints
{
    public static IEndpointRouteBuilder MapOffsetFilesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/offset").RequireAuthorization(Policies.OffsetFiles);
        // Outside the reader's scope (another province, a governor's draft) reads exactly like a file that does not exist.
        group.MapGet("/{id:int}/papers/{paper}", async (int id, OffsetPaper paper, OffsetBoard board, CancellationToken ct) =>
            await board.OpenPaperAsync(id, paper, ct) is { } file ? Results.File(file.Content, file.ContentType, file.FileName) : Results.NotFound());
        return app;
    }
}
