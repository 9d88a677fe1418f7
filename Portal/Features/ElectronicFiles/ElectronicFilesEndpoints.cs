using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
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

        // The scanning staff's papers, for the files their branch holds: another branch's file reads as not found.
        group.MapGet("/{id:int}/label.pdf", (int id, FilePaperDesk papers, CancellationToken ct) => PaperAsync(() => papers.LabelAsync(id, ct)))
            .RequireAuthorization(Policies.ElectronicFilesScanning);
        group.MapGet("/labels.pdf", (string? ids, FilePaperDesk papers, CancellationToken ct) =>
            Ids(ids) is { } list ? PaperAsync(() => papers.LabelSheetAsync(list, ct)) : Task.FromResult(Results.BadRequest()))
            .RequireAuthorization(Policies.ElectronicFilesScanning);
        group.MapGet("/cover-sheets.pdf", (string? ids, FilePaperDesk papers, CancellationToken ct) =>
            Ids(ids) is { } list ? PaperAsync(() => papers.CoverSheetsAsync(list, ct)) : Task.FromResult(Results.BadRequest()))
            .RequireAuthorization(Policies.ElectronicFilesScanning);
        group.MapPost("/batches", StageBatchAsync).RequireAuthorization(Policies.ElectronicFilesScanning);
        return app;
    }

    /// <summary>Files' ids as the queue page sends them: comma-separated, at most a little more than the papers' limit.</summary>
    private static List<int>? Ids(string? ids)
    {
        var parts = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is 0 or > FilePaperDesk.MaxFiles * 2) return null;
        var list = new List<int>(parts.Length);
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
            list.Add(id);
        }
        return list;
    }

    /// <summary>A paper as a PDF; a refusal (too many files) in Persian as plain text.</summary>
    private static async Task<IResult> PaperAsync(Func<Task<FileDownload?>> print)
    {
        try
        {
            return await print() is { } pdf ? TypedResults.File(pdf.Content, pdf.ContentType, pdf.FileName) : TypedResults.NotFound();
        }
        catch (DomainException e)
        {
            return TypedResults.Text(e.Message, "text/plain; charset=utf-8",
                statusCode: e.Kind == RefusalKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>
    /// A batch scan: checked, split at its cover sheets and kept aside, then the user goes to its preview; a refusal goes
    /// back to the batch page with its message key.
    /// </summary>
    private static async Task<IResult> StageBatchAsync(HttpContext ctx, IAntiforgery antiforgery, DocumentDesk documents, IStringLocalizer<Strings> L,
        CancellationToken ct)
    {
        const string page = "/electronic-files/batch";
        var (form, outcome) = await UploadForm.ReadAsync(ctx, antiforgery, UploadRequestLimit, ct);
        if (outcome == UploadForm.Outcome.BadToken) return Refusals.Result(StatusCodes.Status400BadRequest, L["Request.FormExpired"]);
        if (form is null) return TypedResults.LocalRedirect($"{page}?error=ElectronicFiles.ScanTooLarge");
        if (form.Files.GetFile("file") is not { Length: > 0 } file) return TypedResults.LocalRedirect($"{page}?error=ElectronicFiles.ScanRequired");
        try
        {
            await using var content = file.OpenReadStream();
            var id = await documents.StageBatchAsync(content, ct);
            return TypedResults.LocalRedirect($"{page}?id={id:N}");
        }
        catch (DomainException e)
        {
            return TypedResults.LocalRedirect($"{page}?error={Uri.EscapeDataString(e.Key ?? "ElectronicFiles.BatchUnreadable")}");
        }
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
