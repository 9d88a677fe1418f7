using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Domain.ElectronicFiles;

namespace Portal.Features.ElectronicFiles;

/// <summary>A scanned document's pages as marked images, one request a page (the viewer and its thumbnails).</summary>
public static class DocumentViewerEndpoints
{
    public static IEndpointRouteBuilder MapDocumentViewerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/electronic-files/documents/{id:int}/pages/{page:int}", PageAsync).RequireAuthorization();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> PageAsync(int id, int page, int? w, DocumentPages pages, HttpContext http, CancellationToken ct)
    {
        // Out of scope reads like a document that does not exist; a refusal by role is the usual 403.
        if (await pages.PageAsync(id, page, w is > 0 and <= 2000 ? w : null, ct) is not { } png) return TypedResults.NotFound();
        // Each image carries the viewer's name and the minute: never kept by the browser or a proxy for another time.
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(png, "image/png");
    }
}
