using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Tests.Support;

/// <summary>
/// Seeding the demo data takes a test portal 6–15 s (hundreds of users' password hashes, six months of statistics), and
/// some ninety test classes each seed a portal of their own: seeding was a third of the suite's time. The first portal of
/// a kind seeds as before and leaves a copy of what it seeded (SQLite's backup of its database, its stored files); the
/// others of that kind start from the copy. A kind is the factory's type, its environment and settings but for the
/// database's and the files' paths; only portals on SQLite and the real clock share (the seed is dated from today, and a
/// test's own clock makes its own seed).
/// </summary>
internal static class SeedTemplates
{
    private sealed record Template(string Database, string Files);

    private static readonly ConcurrentDictionary<string, Lazy<Task<Template>>> Made = new();
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), $"portal-test-seeds-{Environment.ProcessId}");

    static SeedTemplates() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    };

    /// <summary>Seeds <paramref name="portal"/> with <paramref name="seed"/>, or from the copy its kind's first seed left.</summary>
    public static async Task SeedAsync(PortalFactory portal, string connectionString, Func<Task> seed)
    {
        if (KindOf(portal) is not { } kind)
        {
            await seed();
            return;
        }
        var mine = new Lazy<Task<Template>>(async () =>
        {
            await seed();
            return Save(connectionString, portal.FilesRoot);
        });
        var template = Made.GetOrAdd(kind, mine);
        var made = await template.Value;
        if (!ReferenceEquals(template, mine)) Restore(made, connectionString, portal.FilesRoot);
    }

    private static string? KindOf(PortalFactory portal)
    {
        var settings = portal.Settings;
        if (settings.GetValueOrDefault("Database:Provider") is { } provider && !provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase)) return null;
        if (!ReferenceEquals(portal.Services.GetRequiredService<TimeProvider>(), TimeProvider.System)) return null;
        var own = settings.Where(s => s.Key is not ("ConnectionStrings:Portal" or "Files:Root"))
            .OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}");
        return string.Join("\n", [portal.GetType().FullName!, portal.Environment ?? "", .. own]);
    }

    private static Template Save(string connectionString, string filesRoot)
    {
        var name = Path.Combine(Directory.CreateDirectory(Folder).FullName, Guid.NewGuid().ToString("N"));
        var template = new Template(name + ".db", name + "-files");
        using (var source = new SqliteConnection(connectionString))
        using (var copy = new SqliteConnection($"Data Source={template.Database};Pooling=False"))
        {
            source.Open();
            source.BackupDatabase(copy);
        }
        CopyFolder(filesRoot, template.Files);
        return template;
    }

    private static void Restore(Template template, string connectionString, string filesRoot)
    {
        using (var source = new SqliteConnection($"Data Source={template.Database};Mode=ReadOnly;Pooling=False"))
        using (var target = new SqliteConnection(connectionString))
        {
            source.Open();
            target.Open();
            // The portal has started: its background work may hold the database a moment (SQLITE_BUSY, 5), which a
            // backup does not wait for as a command does.
            for (var attempt = 1; ; attempt++)
            {
                try { source.BackupDatabase(target); break; }
                catch (SqliteException e) when (e.SqliteErrorCode == 5 && attempt < 50) { Thread.Sleep(100); }
            }
        }
        CopyFolder(template.Files, filesRoot);
    }

    private static void CopyFolder(string from, string to)
    {
        if (!Directory.Exists(from)) return;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
