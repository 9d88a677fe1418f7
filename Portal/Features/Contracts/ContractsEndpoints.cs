using System.IO.Compression;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Domain.Contracts;
using Portal.Hosting;
using Portal.Security;

namespace Portal.Features.Contracts;

/// <summary>Contract files go in and out here, as plain HTTP: PDFs, signed scans, batch ZIPs and template previews.</summary>
public static class ContractsEndpoints
{
    // The scan plus the multipart boundaries and the antiforgery field.
    private const long ScanRequestLimit = ContractScans.MaxScanBytes + 64 * 1024;

    public static IEndpointRouteBuilder MapContractsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/contracts").RequireAuthorization(Policies.Contracts);
        group.MapGet("/{id:int}/pdf", async (int id, ContractDownloads downloads, CancellationToken ct) => Send(await downloads.OpenPdfAsync(id, ct)));
        group.MapGet("/{id:int}/signed", async (int id, ContractDownloads downloads, CancellationToken ct) => Send(await downloads.OpenSignedScanAsync(id, ct)));
        group.MapPost("/{id:int}/signed", UploadScanAsync).RequireAuthorization(Policies.ContractIssuing);
        group.MapGet("/batches/{batchId:guid}/zip", ZipAsync);
        group.MapPost("/templates/preview", PreviewAsync).RequireAuthorization(Policies.ContractTemplates);
        group.MapGet("/templates/{version:int}/preview", async (int version, ContractTemplates templates, CancellationToken ct) =>
            await templates.FindAsync(version, ct) is { } template ? await PdfAsync(() => templates.PreviewAsync(template.Body, ct)) : Results.NotFound())
            .RequireAuthorization(Policies.ContractTemplates);
        return app;
    }

    // Outside the user's scope reads exactly like a contract that does not exist.
    private static IResult Send(Domain.Common.Files.FileDownload? file) =>
        file is null ? Results.NotFound() : TypedResults.File(file.Content, file.ContentType, file.FileName);

    /// <summary>The signed copy; the user goes back to the contract's page, with the refusal's message key when there is one.</summary>
    private static async Task<IResult> UploadScanAsync(int id, HttpContext ctx, IAntiforgery antiforgery,
        ContractScans scans, IStringLocalizer<Strings> L, CancellationToken ct)
    {
        var (form, outcome) = await UploadForm.ReadAsync(ctx, antiforgery, ScanRequestLimit, ct);
        if (outcome == UploadForm.Outcome.BadToken) return Refusals.Result(StatusCodes.Status400BadRequest, L["Request.FormExpired"]);
        if (form is null) return Back(id, "Contract.ScanTooLarge");
        if (form.Files.GetFile("file") is not { Length: > 0 } file) return Back(id, "Contract.ScanRequired");
        try
        {
            await using var content = file.OpenReadStream();
            await scans.RecordSignedScanAsync(id, content, ct);
            return Back(id, null);
        }
        catch (DomainException e)
        {
            return Back(id, e.Key);
        }
    }

    /// <summary>Every PDF of one batch the user may see, as one ZIP named by contract number.</summary>
    private static async Task<IResult> ZipAsync(Guid batchId, ContractDownloads downloads, CancellationToken ct)
    {
        var files = await downloads.BatchFilesAsync(batchId, ct);
        if (files.Count == 0) return Results.NotFound();
        // Built in a temporary file: ZipArchive writes synchronously, which the response body does not allow.
        var zip = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (number, sha) in files)
            {
                await using var pdf = await downloads.OpenStoredAsync(sha, ct);
                if (pdf is null) continue;
                await using var entry = archive.CreateEntry($"{number}.pdf", CompressionLevel.Fastest).Open();
                await pdf.CopyToAsync(entry, ct);
            }
        }
        zip.Position = 0;
        return TypedResults.File(zip, "application/zip", $"contracts-{batchId:N}.zip");
    }

    private static async Task<IResult> PreviewAsync(HttpContext ctx, IAntiforgery antiforgery, ContractTemplates templates, IStringLocalizer<Strings> L,
        CancellationToken ct)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(ctx);
        }
        catch (AntiforgeryValidationException)
        {
            return Refusals.Result(StatusCodes.Status400BadRequest, L["Request.FormExpired"]);
        }
        var form = await ctx.Request.ReadFormAsync(ct);
        return await PdfAsync(() => templates.PreviewAsync(form["body"], ct));
    }

    // Shown in the browser's own viewer (a new tab), not saved: it is a look before saving the version.
    // A refusal (a mistake in the text, no PDF engine) is shown in that tab as plain Persian text.
    private static async Task<IResult> PdfAsync(Func<Task<Checked<byte[]>>> render)
    {
        Checked<byte[]> pdf;
        try { pdf = await render(); }
        catch (DomainException e) { pdf = Checked<byte[]>.Fail(e.Message); }
        return pdf.IsValid
            ? TypedResults.File(pdf.Value!, "application/pdf")
            : TypedResults.Text(pdf.Error!, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
    }

    private static RedirectHttpResult Back(int id, string? error) =>
        TypedResults.LocalRedirect(error is null ? $"/contracts/{id}" : $"/contracts/{id}?error={Uri.EscapeDataString(error)}");
}
