using Microsoft.Extensions.Localization;
using Portal.Documents;
using Portal.Domain.Agencies;
using Portal.Domain.OffsetFiles;
using Portal.Hosting;
using Portal.Security;
using Portal.Features.MonthlyStats;

namespace Portal.Features.OffsetFiles;

/// <summary>
/// The offset registers' Excel imports: for each register a template and an all-or-nothing upload, and the refused
/// upload with its errors column. The enforcement unit imports debtors and seized assets, the treatment directorate
/// claims; the outcome goes back to /offset/registers in the address.
/// </summary>
public static class OffsetImportEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The path segment of each register, also the <c>sheet</c> the page reads back.</summary>
    public static string Segment(OffsetSheet sheet) => sheet.ToString().ToLowerInvariant();

    public static IEndpointRouteBuilder MapOffsetImportEndpoints(this IEndpointRouteBuilder app)
    {
        var enforcement = app.MapGroup("/offset/import").RequireAuthorization(Policies.OffsetEnforcement);
        enforcement.MapGet("/debtors/template.xlsx", (OffsetImportSheets sheets) => TypedResults.File(sheets.DebtorsTemplate(), Xlsx, "offset-debtors.xlsx"));
        enforcement.MapGet("/assets/template.xlsx", async (OffsetImport import, OffsetImportSheets sheets, CancellationToken ct) =>
            TypedResults.File(sheets.AssetsTemplate(await import.DebtorsAsync(ct)), Xlsx, "offset-assets.xlsx"));
        Upload(enforcement, OffsetSheet.Debtors, (upload, import, ct) => Import(OffsetImportSheets.ReadDebtors(upload), import.ImportDebtorsAsync, ct));
        Upload(enforcement, OffsetSheet.Assets, (upload, import, ct) => Import(OffsetImportSheets.ReadAssets(upload), import.ImportAssetsAsync, ct));

        var treatment = app.MapGroup("/offset/import").RequireAuthorization(Policies.OffsetTreatment);
        treatment.MapGet("/claims/template.xlsx", async (OffsetImport import, OffsetImportSheets sheets, CancellationToken ct) =>
            TypedResults.File(sheets.ClaimsTemplate(await import.CentresAsync(ct)), Xlsx, "offset-claims.xlsx"));
        Upload(treatment, OffsetSheet.Claims, (upload, import, ct) => Import(OffsetImportSheets.ReadClaims(upload), import.ImportClaimsAsync, ct));

        // Only the user who uploaded finds the workbook; the id alone is not enough.
        app.MapGet("/offset/import/errors/{id}.xlsx", (string id, HttpContext http, ImportFailures failures) =>
                failures.Find(id, http.User.Identity!.Name!) is { Workbook: { } workbook } ? Results.File(workbook, Xlsx, "offset-import-errors.xlsx") : Results.NotFound())
            .RequireAuthorization(Policies.OffsetLists);
        return app;
    }

    /// <summary>A read sheet's rows handed to the import, or the reader's refusal as a sheet-level error.</summary>
    private static async Task<ImportResult> Import<T>(SheetUpload<T> sheet, Func<IReadOnlyList<T>, CancellationToken, Task<ImportResult>> import, CancellationToken ct) =>
        sheet.Error is not null ? SheetImport.Refused(sheet.Error) : await import(sheet.Rows, ct);

    private static void Upload(RouteGroupBuilder group, OffsetSheet sheet, Func<Stream, OffsetImport, CancellationToken, Task<ImportResult>> import)
    {
        var back = $"~/offset/registers?sheet={Segment(sheet)}";
        group.MapPost($"/{Segment(sheet)}", (HttpContext http, OffsetImport offsetImport, ImportFailures failures, IStringLocalizer<Strings> L, CancellationToken ct) =>
                SheetImport.ImportAsync(http, failures, L,
                    upload => import(upload, offsetImport, ct),
                    (upload, result) => OffsetImportSheets.WithErrors(sheet, upload, result.Errors),
                    result => $"{back}&imported={result.Inserted}",
                    (id, rows) => rows > 0 ? $"{back}&failed={id}&rows={rows}" : $"{back}&failed={id}", ct));
    }
}
