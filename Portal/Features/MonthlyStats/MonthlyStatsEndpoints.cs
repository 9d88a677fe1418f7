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
                ? Results.File(sheets.Province(month, await board.AgencyMonthsAsync(month, ct)), Xlsx, $"monthly-agencies-{month.Key}.xlsx")
                : Results.BadRequest());
        group.MapGet("/completeness.xlsx", async (string? period, MonthlyStatsBoard board, MonthlySheets sheets, CancellationToken ct) =>
            JalaliMonth.TryParse(period, out var month)
                ? Results.File(sheets.National(month, await board.CompletenessAsync(month, ct)), Xlsx, $"monthly-completeness-{month.Key}.xlsx")
                : Results.BadRequest());
        return app;
    }
}
