using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Domain.Data;

/// <summary>
/// The same model on PostgreSQL. A type of its own only so that EF keeps a PostgreSQL migration set
/// (Migrations/Postgres) beside the SQLite one (Migrations/Sqlite): migrations belong to a context type.
/// </summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PortalDbContext> options) : PortalDbContext(options);

/// <summary>For <c>dotnet ef migrations add … --context PortalDbContext</c> (the SQLite set).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(DatabaseSetup.HistoryTable))
            .Options);
}

/// <summary>For <c>dotnet ef migrations add … --context PostgresPortalDbContext</c>; needs no running server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PortalDbContext>()
            .UseNpgsql("Host=localhost;Database=portal_design", o => o.MigrationsHistoryTable(DatabaseSetup.HistoryTable))
            .Options);
}

/// <summary>Creates the context type whose migrations match the configured provider.</summary>
internal sealed class PortalContextFactory(DbContextOptions<PortalDbContext> options, DatabaseSetup.ConfiguredProvider provider)
    : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext() =>
        provider.Value == DatabaseSetup.Provider.Postgres ? new PostgresPortalDbContext(options) : new PortalDbContext(options);
}
