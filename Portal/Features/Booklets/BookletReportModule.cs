using Portal.Domain.Booklets;

namespace Portal.Features.Booklets;

/// <summary>The booklet services' report and the units' evaluation: their queries, workbook and weights.</summary>
public static class BookletReportModule
{
    public const string EvaluationSection = "Booklets:Evaluation";

    public static IServiceCollection AddBookletReport(this IServiceCollection services, IConfiguration config)
    {
        var weights = config.GetSection(EvaluationSection).Get<BookletEvaluationOptions>() ?? new();
        weights.Validate(); // a wrong weight stops the start, not the first reader
        services.AddSingleton(weights);
        services.AddScoped<BookletReport>();
        services.AddScoped<BookletEvaluation>();
        services.AddScoped<BookletReportSheets>();
        return services;
    }
}
