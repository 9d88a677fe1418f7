using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Domain.Security;

namespace Portal.Domain.Data;

public static class DatabaseSetup
{
    /// <summary>
    /// Registers the context factory on the configured provider (<c>Database:Provider</c> = Sqlite | Postgres,
    /// <c>ConnectionStrings:Portal</c>) and <see cref="PortalDb"/>.
    /// </summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration config)
    {
        var provider = config["Database:Provider"] ?? "Sqlite";
        var connection = config.GetConnectionString("Portal") ?? "Data Source=App_Data/portal.db";
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AuditInterceptor>();
        services.AddDbContextFactory<PortalDbContext>((sp, options) =>
        {
            _ = provider switch
            {
                "Sqlite" => options.UseSqlite(connection, o => o.MigrationsHistoryTable("__migrations")),
                "Postgres" => options.UseNpgsql(connection, o => o.MigrationsHistoryTable("__migrations")),
                _ => throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{provider}'."),
            };
            options.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
        });
        services.AddScoped<PortalDb>();
        return services;
    }

    /// <summary>Creates the SQLite file's folder, then applies pending migrations.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = PortalDb.Open(factory, Actor.System);
        if (db.Database.IsSqlite() && db.Database.GetDbConnection().DataSource is { Length: > 0 } file
            && Path.GetDirectoryName(Path.GetFullPath(file)) is { } dir)
            Directory.CreateDirectory(dir);
        await db.Database.MigrateAsync(ct);
    }
}
