using Portal.Domain.Rollout;

namespace Portal.Features.Rollout;

public static class RolloutModule
{
    public static IServiceCollection AddRollout(this IServiceCollection services)
    {
        services.AddScoped<RolloutDashboard>();
        services.AddScoped<RolloutPlanning>();
        services.AddScoped<TrainingPlanner>();
        return services;
    }
}
