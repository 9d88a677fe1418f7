using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Data.Seed;
using Portal.Domain.Security;

namespace Portal.Tests.Components;

/// <summary>
/// A temp-file SQLite database registered, migrated and seeded the way the app does it (AddPortalData,
/// DatabaseSetup.MigrateAsync, OrganisationSeeder + DemoSeeder), for use as an xunit class fixture.
/// </summary>
public sealed class SeededDatabase : IAsyncLifetime
{
    public const int AgenciesPerProvince = 3;

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"portal-components-{Guid.NewGuid():N}.db");
    private ServiceProvider? _services;

    public IDbContextFactory<PortalDbContext> Factory => Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
    public ServiceProvider Services => _services ?? throw new InvalidOperationException("The database is not initialised yet.");

    /// <summary>The id of a province looked up by its code, e.g. "08" for Kerman.</summary>
    public async Task<int> ProvinceIdAsync(string code)
    {
        await using var db = PortalDb.Open(Factory, Actor.System);
        return await db.Provinces.Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
    }

    public async Task InitializeAsync()
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = $"Data Source={_file}" })
            .Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalData(config);
        services.AddScoped<OrganisationSeeder>();
        services.AddScoped<DemoSeeder>();
        services.AddIdentityCore<PortalUser>(o =>
            {
                // The app's password rules (Portal/Hosting/PortalServices.cs), which the demo password satisfies.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>();
        _services = services.BuildServiceProvider();

        await DatabaseSetup.MigrateAsync(_services);
        await using var scope = _services.CreateAsyncScope();
        // As the app's seed command does: the Identity stores' context acts as the system.
        scope.ServiceProvider.GetRequiredService<PortalDbContext>().ActAs(Actor.System);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(agenciesPerProvince: AgenciesPerProvince);
    }

    public async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm", _file + "-journal" })
            if (File.Exists(path)) File.Delete(path);
    }
}
