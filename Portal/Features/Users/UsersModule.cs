using Portal.Domain.Users;

namespace Portal.Features.Users;

public static class UsersModule
{
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddScoped<UserAdministration>();
        services.AddScoped<AccountRequestDesk>();
        services.AddScoped<AccountRequestQuery>();
        return services;
    }
}
