using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Portal.Documents;

public static class DocumentsSetup
{
    /// <summary>The PDF printer (one Chromium per process) and the links printed on paper.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddSingleton<PdfRenderer>();
        services.AddSingleton<PublicLinks>();
        services.AddScoped<CircuitHandler, CircuitOrigin>();
        services.AddSingleton<DocumentPrinter>();
        return services;
    }
}
