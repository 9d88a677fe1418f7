using Portal.Domain.Home;

namespace Portal.Features.Home;

public static class HomeModule
{
    public static IServiceCollection AddHome(this IServiceCollection services)
    {
        services.AddScoped<ToDoList>();
        return services;
    }
}
