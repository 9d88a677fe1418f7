using Microsoft.AspNetCore.Identity;
using Portal.Demo;
using Portal.Domain.Users;

namespace Portal.Hosting;

/// <summary>Production refuses to start while any demo account still has the published demo password.</summary>
public static class DemoPasswordGuard
{
    public static async Task<IReadOnlyList<string>> AccountsWithDemoPasswordAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var found = new List<string>();
        foreach (var account in DemoSeeder.Accounts)
            if (await users.FindByNameAsync(account.UserName) is { } user && await users.CheckPasswordAsync(user, DemoSeeder.DemoPassword))
                found.Add(account.UserName);
        return found;
    }
}
