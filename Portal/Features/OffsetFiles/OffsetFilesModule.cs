using Portal.Domain.OffsetFiles;

namespace Portal.Features.OffsetFiles;

public static class OffsetFilesModule
{
    public static IServiceCollection AddOffsetFiles(this IServiceCollection services)
    {
        services.AddScoped<OffsetDesk>();
        services.AddScoped<OffsetLedger>();
        services.AddScoped<OffsetBoard>();
        services.AddScoped<OffsetLetterVerification>();
        services.AddScoped<OffsetImport>();
        services.AddScoped<OffsetImportSheets>();
        services.AddScoped<OffsetCollectionSheets>();
        services.AddSingleton<IOffsetPapers, OffsetPapers>();
        return services;
    }
}
