using Portal.Domain.MonthlyStats;

namespace Portal.Features.MonthlyStats;

public static class MonthlyStatsModule
{
    public static IServiceCollection AddMonthlyStats(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<MonthlyStatsDesk>();
        services.AddScoped<AgencyMonthsQuery>();
        services.AddScoped<MonthlyCompletenessQuery>();
        services.AddScoped<MonthlyTrendQuery>();
        services.AddScoped<MonthlyWorklistQuery>();
        services.AddScoped<ReportHistoryQuery>();
        services.AddScoped<MonthlyImport>();
        services.AddScoped<MonthlyReminders>();
        services.AddScoped<ClaimCategories>();
        services.AddScoped<MonthlySheets>();
        services.AddSingleton(config.GetSection("MonthlyStats").Get<MonthlyStatsOptions>() ?? new());
        return services;
    }
}
