using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Documents;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Hosting;
using Portal.Security;

namespace Portal.Features.Agencies;

/// <summary>The agency sheets as HTTP endpoints: template and list downloads, the whole-list upload, and its error report.</summary>
public static class AgencyEndpoints
{
    private const string XlsxType = SheetLayout.ContentType;

    public static IEndpointRouteBuilder MapAgencyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/agencies").RequireAuthorization(Policies.Agencies);
        group.MapGet("/template.xlsx", (AgencySheets sheets) => Xlsx(sheets.Template(), "agency-template.xlsx"))
            .RequireAuthorization(Policies.AgencyEditing);
        group.MapGet("/export.xlsx", ExportAsync);
        // Order -1: the import page has the same path, and Razor component endpoints accept POST too.
        group.MapPost("/import", ImportAsync).RequireAuthorization(Policies.AgencyEditing).WithOrder(-1);
        group.MapGet("/import/errors/{id}.xlsx", (string id, HttpContext http, ImportFailures failures) =>
                failures.Find(id, http.User.Identity!.Name!) is { Workbook: { } workbook }
                    ? Xlsx(workbook, "agency-import-errors.xlsx")
                    : Results.NotFound())
            .RequireAuthorization(Policies.AgencyEditing);
        return app;
    }

    // The list page's own query string: the export is exactly what the user is looking at.
    private static async Task<IResult> ExportAsync(AgencySearch search, AgencySheets sheets, TimeProvider clock, [FromQuery(Name = "q")] string? text,
        int? province, int? office, AgencyStatus? status, int? position, bool? overdue, int? wave, bool? ready, AgencySort? sort, bool? desc,
        CancellationToken ct)
    {
        var filter = new AgencyFilter(text, province, office, status, position, overdue ?? false, wave, ready ?? false);
        var rows = await search.AllAsync(filter, sort ?? AgencySort.Code, desc ?? false, ct);
        return Xlsx(sheets.Export(rows), $"agencies-{JalaliDate.Today(clock).ToString().Replace('/', '-')}.xlsx");
    }

    private static Task<IResult> ImportAsync(HttpContext http, AgencyImport import, ImportFailures failures,
        TimeProvider clock, IStringLocalizer<Strings> L, CancellationToken ct) =>
        SheetImport.ImportAsync(http, failures, L,
            async upload =>
            {
                var sheet = AgencySheets.Read(upload);
                return sheet.Error is null ? await import.ImportAsync(sheet.Rows, JalaliDate.Today(clock), ct) : SheetImport.Refused(sheet.Error);
            },
            AgencySheets.WithErrors,
            result => $"~/agencies/import?done={result.Inserted}-{result.Updated}",
            (id, rows) => $"~/agencies/import?failed={id}&rows={rows}", ct);

    private static IResult Xlsx(byte[] content, string fileName) => TypedResults.File(content, XlsxType, fileName);
}
