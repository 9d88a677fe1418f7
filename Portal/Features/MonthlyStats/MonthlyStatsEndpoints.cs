using Microsoft.Extensions.Localization;
using Portal.Documents;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.MonthlyStats;
using Portal.Hosting;
using Portal.Security;

namespace Portal.Features.MonthlyStats;

/// <summary>The monthly statistics' Excel downloads, for the month named as <c>?period=1405-07</c>, in the user's scope.</summary>
public static class MonthlyStatsEndpoints
{
    private const string Xlsx = SheetLayout.ContentType;

    public static IEndpointRouteBuilder MapMonthlyStatsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/monthly/reports").RequireAuthorization(Policies.MonthlyOverview);
        group.MapGet("/agencies.xlsx", async (string? period, AgencyMonthsQuery query, MonthlySheets sheets, CancellationToken ct) =>
            JalaliMonth.TryParse(period, out var month)
                ? Results.File(sheets.Province(month, (await query.AgencyMonthsAsync(month, ct: ct))!), Xlsx, $"monthly-agencies-{month.Key}.xlsx")
                : Results.BadRequest());
        group.MapGet("/completeness.xlsx", async (string? period, MonthlyCompletenessQuery query, MonthlySheets sheets, CancellationToken ct) =>
            JalaliMonth.TryParse(period, out var month)
                ? Results.File(sheets.National(month, await query.CompletenessAsync(month, ct)), Xlsx, $"monthly-completeness-{month.Key}.xlsx")
                : Results.BadRequest());
        group.MapGet("/trend.xlsx", async (string? period, MonthlyTrendQuery query, MonthlySheets sheets, CancellationToken ct) =>
            JalaliMonth.TryParse(period, out var month)
                ? Results.File(sheets.Trend(month, await query.TrendAsync(month, ct: ct)), Xlsx, $"monthly-trend-{month.Key}.xlsx")
                : Results.BadRequest());
        group.MapGet("/timeliness.xlsx", async (string? period, AgencyMonthsQuery query, MonthlySheets sheets, MonthlyStatsOptions options, CancellationToken ct) =>
            JalaliMonth.TryParse(period, out var month)
                ? Results.File(sheets.Timeliness(month, (await query.AgencyMonthsAsync(month, ct: ct))!, options.AgencyDeadlineDay), Xlsx, $"monthly-timeliness-{month.Key}.xlsx")
                : Results.BadRequest());

        var upload = app.MapGroup("/monthly/upload").RequireAuthorization(Policies.MonthlyReview);
        upload.MapGet("/template.xlsx", async (string? period, MonthlyImport import, CancellationToken ct) =>
            JalaliMonth.TryParse(period, out var month)
                ? Results.File(MonthlyUploadSheet.Template(await import.ColumnsAsync(ct), await import.TemplateRowsAsync(month, ct)), Xlsx, $"monthly-sheet-{month.Key}.xlsx")
                : Results.BadRequest());
        // Order -1: the worklist page is a Razor component endpoint, which accepts POST too.
        upload.MapPost("", UploadAsync).WithOrder(-1);
        upload.MapGet("/errors/{id}.xlsx", (string id, HttpContext http, ImportFailures failures) =>
            failures.Find(id, http.User.Identity!.Name!) is { Workbook: { } workbook } ? Results.File(workbook, Xlsx, "monthly-sheet-errors.xlsx") : Results.NotFound());

        // For other systems: the same rows as the agencies sheet, in the caller's scope. A province outside it is "not found".
        app.MapGet("/api/v1/reports/monthly", ApiAsync).RequireAuthorization(Policies.MonthlyOverview);
        return app;
    }

    /// <summary>The review office's sheet of many agencies for one month; the worklist says how it went.</summary>
    private static async Task<IResult> UploadAsync(string? period, HttpContext http, MonthlyImport import, ImportFailures failures,
        IStringLocalizer<Strings> L, CancellationToken ct)
    {
        if (!JalaliMonth.TryParse(period, out var month)) return Results.BadRequest();
        var back = $"~/monthly/worklist?period={month.Year:0000}-{month.Month:00}";
        var columns = await import.ColumnsAsync(ct);
        return await SheetImport.ImportAsync(http, failures, L,
            async upload =>
            {
                var sheet = MonthlyUploadSheet.Read(upload, columns);
                return sheet.Error is null ? await import.ImportAsync(month, sheet.Rows, ct) : SheetImport.Refused(sheet.Error);
            },
            (upload, result) => MonthlyUploadSheet.WithErrors(upload, result.Errors),
            result => $"{back}&uploaded={result.Inserted + result.Updated}",
            (id, rows) => rows > 0 ? $"{back}&failed={id}&rows={rows}" : $"{back}&failed={id}", ct);
    }

    private static async Task<IResult> ApiAsync(string? period, string? province, string? format, AgencyMonthsQuery query,
        MonthlySheets sheets, IStringLocalizer<Strings> L, CancellationToken ct)
    {
        if (!JalaliMonth.TryParse(period, out var month)) return Refusals.Result(StatusCodes.Status400BadRequest, L["Request.BadPeriod"]);
        if (format is not (null or "json" or "csv" or "xlsx")) return Refusals.Result(StatusCodes.Status400BadRequest, L["Request.BadFormat"]);
        if (await query.AgencyMonthsAsync(month, province, ct) is not { } rows) return Results.NotFound();
        var name = province is null ? $"monthly-{month.Key}" : $"monthly-{month.Key}-{province}";
        return format switch
        {
            "xlsx" => Results.File(sheets.Province(month, rows), Xlsx, name + ".xlsx"),
            "csv" => Results.File(Csv(rows), "text/csv; charset=utf-8", name + ".csv"),
            _ => Results.Json(rows.Select(r => new
            {
                province = r.ProvinceCode, reviewOffice = r.ReviewOffice, agency = r.Code, name = r.Name, status = r.Status?.ToString(),
                filesReceived = r.FilesReceived, amountClaimedRials = r.AmountClaimed, filesForwarded = r.FilesForwarded,
                filesReturned = r.FilesReturned, pendingAtEnd = r.PendingAtEnd, averageDays = r.AverageDays, forwardedOnTime = r.ForwardedOnTime,
            })),
        };
    }

    /// <summary>UTF-8 with a byte-order mark, so that Excel opens the Persian names as Persian.</summary>
    private static byte[] Csv(IReadOnlyList<AgencyMonth> rows)
    {
        static string Field(object? value) => value is string s && s.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{s.Replace("\"", "\"\"")}\"" : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var text = new System.Text.StringBuilder("province,reviewOffice,agency,name,status,filesReceived,amountClaimedRials,filesForwarded,filesReturned,pendingAtEnd,averageDays,forwardedOnTime\n");
        foreach (var r in rows)
            text.AppendJoin(',', new object?[] { r.ProvinceCode, r.ReviewOffice, r.Code, r.Name, r.Status, r.FilesReceived, r.AmountClaimed,
                r.FilesForwarded, r.FilesReturned, r.PendingAtEnd, r.AverageDays, r.ForwardedOnTime }.Select(Field)).Append('\n');
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ToString())];
    }
}
