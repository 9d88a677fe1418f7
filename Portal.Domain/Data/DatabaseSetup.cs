using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Domain.Audit;
using Portal.Domain.Security;

namespace Portal.Domain.Data;

public static class DatabaseSetup
{
    public enum Provider { Sqlite, Postgres }

    public const string HistoryTable = "__migrations";

    internal sealed record ConfiguredProvider(Provider Value);

    /// <summary>
    /// Registers the context factory on the configured provider (<c>Database:Provider</c> = Sqlite | Postgres,
    /// <c>ConnectionStrings:Portal</c>) and <see cref="PortalDb"/>.
    /// </summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration config)
    {
        var name = config["Database:Provider"] ?? nameof(Provider.Sqlite);
        if (!Enum.TryParse<Provider>(name, ignoreCase: true, out var provider))
            throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{name}'.");
        var connection = config.GetConnectionString("Portal") ?? "Data Source=App_Data/portal.db";
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton(new ConfiguredProvider(provider));
        services.AddDbContextFactory<PortalDbContext, PortalContextFactory>((sp, options) =>
        {
            _ = provider == Provider.Postgres
                ? options.UseNpgsql(WithStatementPreparation(connection), o => o.MigrationsHistoryTable(HistoryTable))
                : options.UseSqlite(connection, o => o.MigrationsHistoryTable(HistoryTable));
            options.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
        });
        services.AddScoped<PortalDb>();
        return services;
    }

    /// <summary>
    /// Npgsql prepares a statement on the server once it has run a few times (Max Auto Prepare): PostgreSQL then parses and
    /// plans the inquiry's statements once per connection instead of at every call (bench/eligibility-postgres.sh, 10 million
    /// persons: 1,262 → 1,661 inquiries/s, PostgreSQL's CPU per inquiry 0.93 → 0.79 ms). A connection string that sets
    /// it keeps its own value (0 turns it off).
    /// </summary>
    internal static string WithStatementPreparation(string connection)
    {
        if (System.Text.RegularExpressions.Regex.IsMatch(connection, @"max\s*auto\s*prepare", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            return connection;
        return new NpgsqlConnectionStringBuilder(connection) { MaxAutoPrepare = 32 }.ConnectionString;
    }

    /// <summary>Creates the SQLite file's folder, applies pending migrations, and puts the file in write-ahead-log mode.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = PortalDb.Open(factory, Actor.System);
        if (db.Database.IsSqlite() && db.Database.GetDbConnection().DataSource is { Length: > 0 } file
            && Path.GetDirectoryName(Path.GetFullPath(file)) is { } dir)
            Directory.CreateDirectory(dir);
        await db.Database.MigrateAsync(ct);
        // WAL (kept in the file): readers never wait for a writer, and a commit is one append and one sync instead of
        // a rollback journal's several; the inquiry log and postings write while pages read.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await FillSearchTextAsync(db, ct);
    }

    /// <summary>
    /// Rows written before the search text existed get it here: the fold is C# (<see cref="Common.SearchKey"/>), which a
    /// migration cannot run. Loading them is enough, the context's save computes the text; after the first start
    /// nothing matches and this is three empty queries.
    /// </summary>
    internal static async Task FillSearchTextAsync(PortalDbContext db, CancellationToken ct)
    {
        await db.OrgUnits.IgnoreQueryFilters().Where(u => u.SearchText == "").LoadAsync(ct);
        await db.Users.Where(u => u.SearchText == "").LoadAsync(ct);
        await db.Representatives.IgnoreQueryFilters().Where(r => r.SearchText == "").LoadAsync(ct);
        if (db.ChangeTracker.Entries().Any()) await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
