using Portal.Domain.Audit;

namespace Portal.Features.Audit;

public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditSearch>();
        return services;
    }
}
