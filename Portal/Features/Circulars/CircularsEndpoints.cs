using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Portal.Domain.Circulars;
using Portal.Hosting;
using Portal.Security;

namespace Portal.Features.Circulars;

/// <summary>Circular files go in and out here, as plain HTTP: never as bytes through the Blazor circuit.</summary>
public static class CircularsEndpoints
{
    // The file plus the form's few text fields and multipart boundaries.
    private const long RequestLimit = CircularLibrary.MaxBytes + 64 * 1024;

    public static IEndpointRouteBuilder MapCircularsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/circulars").RequireAuthorization(Policies.Circulars);
        group.MapGet("/{id:int}/file", DownloadAsync);
        group.MapPost("/upload", UploadAsync).RequireAuthorization(Policies.CircularUpload);
        return app;
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAsync(int id, CircularLibrary library, CancellationToken ct)
    {
        // Outside the user's scope reads exactly like a circular that does not exist.
        if (await library.OpenForDownloadAsync(id, ct) is not { } file) return TypedResults.NotFound();
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The upload form posts here; the user is sent back to the list with the new id or an error key to show.</summary>
    private static async Task<IResult> UploadAsync(
        HttpContext ctx, IAntiforgery antiforgery, CircularLibrary library, IStringLocalizer<Strings> L, CancellationToken ct)
    {
        var (form, outcome) = await UploadForm.ReadAsync(ctx, antiforgery, RequestLimit, ct);
        if (outcome == UploadForm.Outcome.BadToken) return Refusals.Result(StatusCodes.Status400BadRequest, L["Request.FormExpired"]);
        if (form is null) return Back("error=Circulars.TooLarge");

        // The form's file picker (MudFileUpload) opens a fresh input for each pick and keeps the earlier ones: the
        // last input that holds a file is the one the user chose last.
        var file = form.Files.GetFiles("file").LastOrDefault(f => f.Length > 0);
        if (file is null || file.Length == 0) return Back("error=Circulars.FileRequired");
        var upload = new CircularLibrary.Upload(form["title"], form["number"],
            Enum.TryParse<CircularKind>(form["kind"], out var kind) ? kind : default, file.FileName,
            form["recipients"] == "all",
            form["agencyIds"].Select(v => int.TryParse(v, out var n) ? n : 0).ToList());
        await using var content = file.OpenReadStream();
        var result = await library.UploadAsync(upload, content, ct);
        return result.IsValid ? Back($"uploaded={result.Value}") : Back($"error={result.Error}");
    }

    private static RedirectHttpResult Back(string query) => TypedResults.LocalRedirect($"/circulars?{query}");
}
