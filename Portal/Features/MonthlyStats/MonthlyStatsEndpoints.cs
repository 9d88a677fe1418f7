using Portal.Documents;
using Portal.Domain.Common;
using Portal.Domain.MonthlyStats;
using Portal.Security;

namespace Portal.Features.MonthlyStats;

/// <summary>The monthly statistics' Excel downloads, for the month named as <c>?period=1405-07</c>, in the user's scope.</summary>
public static class MonthlyStatsEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapMonthlyStatsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/monthly/reports").RequireAuthorization(Policies.MonthlyOverview);
        group.MapGet("/agencies.xlsx", async (string? period, MonthlyStatsBoard board, MonthlySheets sheets, CancellationToken ct) =>
            JalaliMonth.TryParse(period, out var month)
                ? Results.File(sheets.Province(month, (await board.AgencyMonthsAsync(month, ct: ct))!), Xlsx, $"monthly-agencies-{month.Key}.xlsx")
                : Results.BadRequest());
        group.MapGet("/completeness.xlsx", async (string? period, MonthlyStatsBoard board, MonthlySheets sheets, CancellationToken ct) =>
            JalaliMonth.TryParse(period, out var month)
                ? Results.File(sheets.National(month, await board.CompletenessAsync(month, ct)), Xlsx, $"monthly-completeness-{month.Key}.xlsx")
                : Results.BadRequest());
        // For other systems: the same rows as the agencies sheet, in the caller's scope. A province outside it is "not found".
        app.MapGet("/api/v1/reports/monthly", ApiAsync).RequireAuthorization(Policies.MonthlyOverview);
        return app;
    }

    private static async Task<IResult> ApiAsync(string? period, string? province, string? format, MonthlyStatsBoard board,
        MonthlySheets sheets, CancellationToken ct)
    {
        if (!JalaliMonth.TryParse(period, out var month)) return Results.BadRequest("period must be YYYY-MM (Jalali)");
        if (format is not (null or "json" or "csv" or "xlsx")) return Results.BadRequest("format must be json, csv or xlsx");
        if (await board.AgencyMonthsAsync(month, province, ct) is not { } rows) return Results.NotFound();
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
    private static byte[] Csv(IReadOnlyList<MonthlyStatsBoard.AgencyMonth> rows)
    {
        static string Field(object? value) => value is string s && s.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{s.Replace("\"", "\"\"")}\"" : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var text = new System.Text.StringBuilder("province,reviewOffice,agency,name,status,filesReceived,amountClaimedRials,filesForwarded,filesReturned,pendingAtEnd,averageDays,forwardedOnTime\n");
        foreach (var r in rows)
            text.AppendJoin(',', new object?[] { r.ProvinceCode, r.ReviewOffice, r.Code, r.Name, r.Status, r.FilesReceived, r.AmountClaimed,
                r.FilesForwarded, r.FilesReturned, r.PendingAtEnd, r.AverageDays, r.ForwardedOnTime }.Select(Field)).Append('\n');
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ToString())];
    }
}
