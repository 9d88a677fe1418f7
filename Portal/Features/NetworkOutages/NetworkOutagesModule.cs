using Portal.Documents;
using Portal.Domain.Common;
using Portal.Domain.NetworkOutages;
using Portal.Security;

namespace Portal.Features.NetworkOutages;

/// <summary>Branches' network outages (seed 004 §3): the branch's desk, the province's and head office's pages, the month's hours as Excel.</summary>
public static class NetworkOutagesModule
{
    public static IServiceCollection AddNetworkOutages(this IServiceCollection services)
    {
        services.AddScoped<OutageDesk>();
        services.AddScoped<OutageQuery>();
        services.AddScoped<OutageSheets>();
        return services;
    }

    /// <summary>The month's hours per branch as a workbook: <c>/outages/hours.xlsx?period=1405-08&amp;province=08</c> (the province for national readers).</summary>
    public static IEndpointRouteBuilder MapNetworkOutagesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/outages/hours.xlsx", async (string? period, string? province, OutageQuery query, OutageSheets sheets, CancellationToken ct) =>
            JalaliMonth.TryParse(period, out var month)
                ? Results.File(sheets.Workbook(await query.MonthAsync(month, province, ct)), SheetLayout.ContentType, $"outage-hours-{month.Key}.xlsx")
                : Results.BadRequest())
            .RequireAuthorization(Policies.Outages);
        return app;
    }
}
