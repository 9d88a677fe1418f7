using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Data.Seed;
using Portal.Domain.Security;
using Portal.Domain.Accounts;

namespace Portal.Hosting;

/// <summary>
/// The admin commands of the same executable: <c>migrate</c>, <c>seed-demo [--agencies-per-province N] [--representatives-per-agency N]
/// [--demo-documents false] [--offset-debtors N] [--offset-assets-per-debtor N] [--offset-centres N]</c> (the offset sizes are per demo province),
/// <c>create-admin &lt;user&gt;</c>, <c>backup &lt;file&gt;</c>, and <c>demo</c> (migrate + seed, then serve).
/// </summary>
public static class AdminCommands
{
    public static readonly string[] Names = ["migrate", "seed-demo", "create-admin", "backup", "demo"];

    /// <summary>Runs the command named by <paramref name="args"/>; null when the app should just serve.</summary>
    public static async Task<int?> RunAsync(WebApplication app, string[] args)
    {
        // Only the first argument names a command; the rest are options (`--urls http://…` included).
        var command = args.FirstOrDefault();
        if (command is null || command.StartsWith('-')) return null;
        if (!Names.Contains(command))
        {
            Console.Error.WriteLine($"Unknown command '{command}'. Commands: {string.Join(", ", Names)}.");
            return 2;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<PortalDbContext>().ActAs(Actor.System);
        await DatabaseSetup.MigrateAsync(services);
        switch (command)
        {
            case "migrate":
                Console.WriteLine("Database is up to date.");
                return 0;
            case "seed-demo":
                await SeedDemoAsync(services, app.Configuration);
                return 0;
            case "demo":
                await SeedDemoAsync(services, app.Configuration);
                PrintDemoSignIns(app);
                return null; // go on serving
            case "create-admin":
                return await CreateAdminAsync(services, args.SkipWhile(a => a != command).Skip(1).FirstOrDefault());
            default:
                return await BackupAsync(services, args.SkipWhile(a => a != command).Skip(1).FirstOrDefault());
        }
    }

    private static async Task SeedDemoAsync(IServiceProvider services, IConfiguration config)
    {
        var perProvince = config.GetValue("agencies-per-province", 40);
        var demo = OffsetDemoSize.Demo;
        var offset = new OffsetDemoSize(config.GetValue("offset-debtors", demo.DebtorsPerProvince), config.GetValue("offset-assets-per-debtor", demo.AssetsPerDebtor),
            config.GetValue("offset-centres", demo.CentresPerProvince));
        var note = await services.GetRequiredService<DemoSeeder>().SeedAsync(perProvince, config.GetValue<int?>("representatives-per-agency"),
            documents: config.GetValue("demo-documents", true), offset);
        Console.WriteLine($"Demo data is in place ({perProvince} agencies per province).");
        if (note is not null) Console.WriteLine($"Demo contracts were not issued: {note}");
    }

    private static void PrintDemoSignIns(WebApplication app)
    {
        var urls = app.Configuration["urls"] ?? app.Configuration["ASPNETCORE_URLS"] ?? "http://localhost:5000";
        Console.WriteLine();
        Console.WriteLine($"Portal: {urls.Split(';')[0]}");
        Console.WriteLine($"Demo sign-ins (password for all: {DemoSeeder.DemoPassword}):");
        foreach (var a in DemoSeeder.Accounts)
            Console.WriteLine($"  {a.UserName,-28} {a.Role}");
        Console.WriteLine();
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string? userName)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            Console.Error.WriteLine("Usage: create-admin <user>");
            return 2;
        }
        await services.GetRequiredService<OrganisationSeeder>().SeedAsync();
        var result = await services.GetRequiredService<UserAdministration>().CreateAdminAsync(userName);
        if (result.Error is { } error)
        {
            Console.Error.WriteLine(error);
            return 1;
        }
        Console.WriteLine($"Created {userName}. First password (shown once, change it after signing in): {result.Value}");
        return 0;
    }

    private static async Task<int> BackupAsync(IServiceProvider services, string? file)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            Console.Error.WriteLine("Usage: backup <file>");
            return 2;
        }
        var target = Path.GetFullPath(file);
        if (File.Exists(target))
        {
            Console.Error.WriteLine($"{target} exists; choose a new file name.");
            return 1;
        }
        var db = services.GetRequiredService<PortalDbContext>();
        if (!db.Database.IsSqlite())
        {
            Console.Error.WriteLine("backup copies the embedded SQLite database; back up PostgreSQL with pg_dump.");
            return 2;
        }
        // VACUUM INTO writes a consistent, compacted copy while the portal keeps running.
        await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", target);
        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await copy.OpenAsync();
        await using var check = copy.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        var verdict = (string?)await check.ExecuteScalarAsync();
        if (verdict != "ok")
        {
            Console.Error.WriteLine($"The copy failed its integrity check: {verdict}");
            return 1;
        }
        Console.WriteLine($"Backed up to {target} ({new FileInfo(target).Length:N0} bytes, integrity ok).");
        return 0;
    }
}
