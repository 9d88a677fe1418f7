using Microsoft.Extensions.DependencyInjection;

namespace Portal.Demo;

public static class DemoServices
{
    /// <summary>
    /// The demo generators behind <c>seed-demo</c> and <c>demo</c>. The reference data they build on
    /// (<see cref="Portal.Domain.Organisation.OrganisationSeeder"/>) is production's and registered by the portal itself.
    /// </summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services) => services.AddScoped<DemoSeeder>();
}
