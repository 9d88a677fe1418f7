using Portal.Domain.ElectronicFiles;

namespace Portal.Features.ElectronicFiles;

public static class ElectronicFilesModule
{
    public static IServiceCollection AddElectronicFiles(this IServiceCollection services)
    {
        services.AddScoped<ScanningDesk>();
        services.AddScoped<ScanQueueQuery>();
        services.AddScoped<TechnicalFileQuery>();
        services.AddScoped<DocumentDesk>();
        services.AddScoped<DocumentTaxonomyRegistry>();
        services.AddScoped<DocumentSearchQuery>();
        services.AddScoped<DocumentViewer>();
        services.AddScoped<DocumentPages>();
        services.AddScoped<ScanningReportQuery>();
        services.AddScoped<ScanningSheets>();
        services.AddScoped<PaperDesk>();
        services.AddScoped<BinderQuery>();
        services.AddScoped<DestructionQuery>();
        services.AddElectronicFilePapers();
        services.AddPageReading();
        return services;
    }
}
