using Portal.Documents;
using Portal.Domain.Booklets;
using Portal.Security;

namespace Portal.Features.Booklets;

/// <summary>Booklet services (seed 004): the counter and its slips, and the services' report with the units' evaluation.</summary>
public static class BookletsModule
{
    public const string EvaluationSection = "Booklets:Evaluation";

    public static IServiceCollection AddBooklets(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<BookletCounter>();
        services.AddScoped<BookletSlips>();
        services.AddScoped<BookletPapers>();
        var weights = config.GetSection(EvaluationSection).Get<BookletEvaluationOptions>() ?? new();
        weights.Validate(); // a wrong weight stops the start, not the first reader
        services.AddSingleton(weights);
        services.AddScoped<BookletReport>();
        services.AddScoped<BookletEvaluation>();
        services.AddScoped<BookletReportSheets>();
        return services;
    }

    public static IEndpointRouteBuilder MapBookletsEndpoints(this IEndpointRouteBuilder app)
    {
        // The slip of a done service of the clerk's branch; another branch's reads as not found.
        app.MapGet("/booklets/services/{id:long}/slip.pdf", async (long id, BookletSlips slips, BookletPapers papers, CancellationToken ct) =>
            await slips.FindAsync(id, ct) is { } slip
                ? Results.File(await papers.SlipAsync(slip, ct), "application/pdf", $"booklet-slip-{slip.Serial}.pdf")
                : Results.NotFound())
            .RequireAuthorization(Policies.BookletCounter);
        return app.MapBookletReportEndpoints();
    }
}

/// <summary>The validity slip (<see cref="BookletSlipDocument"/>), printed by <see cref="DocumentPrinter"/> with its QR code to <c>/verify/booklet</c>.</summary>
public sealed class BookletPapers(DocumentPrinter printer, PublicLinks links)
{
    public Task<byte[]> SlipAsync(BookletSlips.Slip slip, CancellationToken ct = default) =>
        printer.PrintAsync<BookletSlipDocument>(new Dictionary<string, object?>
        {
            [nameof(BookletSlipDocument.Slip)] = slip,
            [nameof(BookletSlipDocument.QrCode)] = PublicLinks.QrCode(links.VerifyBookletSlip(slip.VerificationCode)),
            [nameof(BookletSlipDocument.FontOrigin)] = PdfRenderer.AssetOrigin,
        }, $"the validity slip of booklet {slip.Serial}", ct);
}
