using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Domain.ElectronicFiles;
using Portal.Hosting;
using Portal.Security;

namespace Portal.Features.ElectronicFiles;

/// <summary>Document images go in and out of technical files here, as plain HTTP (not through the circuit).</summary>
public static class ElectronicFilesEndpoints
{
    // The scan plus the multipart boundaries and the form's few fields.
    private const long UploadRequestLimit = DocumentDesk.MaxBytes + 64 * 1024;

    public static IEndpointRouteBuilder MapElectronicFilesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/electronic-files").RequireAuthorization(Policies.ElectronicFiles);
        group.MapGet("/documents/{id:int}/content", async (int id, DocumentDesk documents, CancellationToken ct) =>
            await documents.OpenAsync(id, ct) is { } file ? TypedResults.File(file.Content, file.ContentType, file.FileName) : Results.NotFound());
        group.MapGet("/documents/{id:int}/pages/{page:int}", PageAsync);
        group.MapGet("/report.xlsx", async (string? period, ScanningReportQuery query, ScanningSheets sheets, CancellationToken ct) =>
            JalaliMonth.TryParse(period, out var month)
                ? Results.File(sheets.Workbook(await query.ReadAsync(month, ct)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"scanning-{month.Key}.xlsx")
                : Results.BadRequest());
        group.MapGet("/documents/{id:int}/stamp.pdf", StampAsync).RequireAuthorization(Policies.ElectronicFilesScanning);
        group.MapGet("/destruction/{id:int}.pdf", async (int id, DestructionQuery lists, ElectronicFilePapers papers, CancellationToken ct) =>
            await lists.FindAsync(id, ct) is { } list
                ? Results.File(await papers.DestructionListAsync(list, ct), "application/pdf", $"destruction-list-{id}.pdf")
                : Results.NotFound());
        group.MapPost("/documents", UploadAsync).RequireAuthorization(Policies.ElectronicFilesUpload);
        return app;
    }

    /// <summary>A page as a marked image (the viewer and its thumbnails); out of scope reads like a document that does not exist.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> PageAsync(int id, int page, int? w, DocumentPages pages, HttpContext http, CancellationToken ct)
    {
        if (await pages.PageAsync(id, page, w is > 0 and <= 2000 ? w : null, ct) is not { } png) return TypedResults.NotFound();
        // Each image carries the viewer's name and the minute: never kept by the browser or a proxy for another time.
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(png, "image/png");
    }

    /// <summary>The «اسکن شد» stamp's imprint for a paper of the reader's branch; another branch's paper is not found.</summary>
    private static async Task<IResult> StampAsync(int id, PaperDesk desk, IElectronicFilePapers papers, CancellationToken ct)
    {
        ScanStamp stamp;
        try
        {
            stamp = await desk.StampImprintAsync(id, ct);
        }
        catch (DomainException)
        {
            return Results.NotFound();
        }
        return Results.File(await papers.ScanStampAsync(stamp, ct), "application/pdf", $"stamp-{id}.pdf");
    }

    /// <summary>
    /// A document's image with its type and source. The user goes back to the file's page (or, when the file was named by
    /// number, to the upload page) with the refusal's message key when there is one.
    /// </summary>
    private static async Task<IResult> UploadAsync(HttpContext ctx, IAntiforgery antiforgery, DocumentDesk documents, IStringLocalizer<Strings> L,
        CancellationToken ct)
    {
        var (form, outcome) = await UploadForm.ReadAsync(ctx, antiforgery, UploadRequestLimit, ct);
        if (outcome == UploadForm.Outcome.BadToken) return Refusals.Result(StatusCodes.Status400BadRequest, L["Request.FormExpired"]);
        int? fileId = int.TryParse(form?["fileId"], NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : null;
        if (form is null) return Back(fileId, "ElectronicFiles.ScanTooLarge");
        if (form.Files.GetFile("file") is not { Length: > 0 } file) return Back(fileId, "ElectronicFiles.ScanRequired");
        if (!int.TryParse(form["typeId"], NumberStyles.None, CultureInfo.InvariantCulture, out var typeId)) return Back(fileId, "ElectronicFiles.TypeRequired");
        if (!Enum.TryParse<DocumentSource>(form["source"], out var source) || !Enum.IsDefined(source)) return Back(fileId, "ElectronicFiles.SourceNotAllowed");
        try
        {
            await using var content = file.OpenReadStream();
            var id = await documents.UploadAsync(new DocumentDesk.Upload(fileId, form["number"], form["nationalId"], typeId, source, form["title"]), content, ct);
            return TypedResults.LocalRedirect($"/electronic-files/{id}?added=true");
        }
        catch (DomainException e)
        {
            return Back(fileId, e.Key);
        }
    }

    private static RedirectHttpResult Back(int? fileId, string? error)
    {
        var page = fileId is int id ? $"/electronic-files/{id}" : "/electronic-files/upload";
        return TypedResults.LocalRedirect(error is null ? page : $"{page}?error={Uri.EscapeDataString(error)}");
    }
}
