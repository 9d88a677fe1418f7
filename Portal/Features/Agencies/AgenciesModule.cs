using Portal.Domain.Agencies;

namespace Portal.Features.Agencies;

public static class AgenciesModule
{
    public static IServiceCollection AddAgencies(this IServiceCollection services)
    {
        services.AddScoped<AgencyRegistry>();
        services.AddScoped<AgencySearch>();
        services.AddScoped<AgencyImport>();
        services.AddScoped<AgencySheets>();
        services.AddScoped<ChangeNoticeInbox>();
        services.AddScoped<NoticeBadge>();
        return services;
    }
}
