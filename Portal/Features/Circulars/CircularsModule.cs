using Portal.Domain.Circulars;

namespace Portal.Features.Circulars;

public static class CircularsModule
{
    public static IServiceCollection AddCirculars(this IServiceCollection services)
    {
        services.AddScoped<CircularLibrary>();
        return services;
    }
}
