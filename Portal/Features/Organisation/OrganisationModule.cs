using Portal.Domain.Organisation;

namespace Portal.Features.Organisation;

public static class OrganisationModule
{
    public static IServiceCollection AddOrganisation(this IServiceCollection services)
    {
        services.AddScoped<OrganisationOverview>();
        services.AddScoped<OrganisationDirectory>();
        return services;
    }
}
