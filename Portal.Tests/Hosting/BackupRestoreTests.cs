using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Domain.Circulars;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using Portal.Domain.ElectronicFiles;
using Portal.Domain.Security;
using Portal.Tests.ElectronicFiles;

namespace Portal.Tests.Hosting;

/// <summary>
/// The small seeded portal (2 agencies a province) with stored files of two kinds — a circular's PDF, a scan as a PDF of
/// JPEG pages and a multi-page TIFF scan — backed up once with the <c>backup</c> command, as an operator runs it.
/// </summary>
public sealed class BackedUpPortal : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new();
    public string Dir { get; } = Directory.CreateTempSubdirectory("portal-backup-").FullName;
    public string Backup => Path.Combine(Dir, "nightly.db");
    public string BackupFiles => Path.Combine(Dir, "nightly.files");
    public string Database => new SqliteConnectionStringBuilder(Portal.Settings["ConnectionStrings:Portal"]).DataSource;
    public AdminCommandLine.Run BackupRun { get; private set; } = null!;
    /// <summary>Every table's rows when the backup was taken.</summary>
    public Dictionary<string, long> RowsAtBackup { get; private set; } = null!;
    public List<string> StoredHashes { get; } = [];

    public async Task InitializeAsync()
    {
        await Portal.SeededAsync();
        var contexts = Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var review = await ActingAs.ActorAsync(contexts, Roles.ReviewOffice, "RO-08-1", "kerman.review");
        var library = new CircularLibrary(new PortalDb(contexts, new ActingAs(review)), Portal.Services.GetRequiredService<IFileStore>(),
            TimeProvider.System, NullLogger<CircularLibrary>.Instance);
        var circular = await library.UploadAsync(new CircularLibrary.Upload("بخشنامهٔ پشتیبان‌گیری", "1403/120", CircularKind.Circular, "circular.pdf", true, []),
            new MemoryStream(SampleFiles.Pdf("backup")));
        Assert.True(circular.IsValid, circular.Error);

        var fileId = await ElectronicFilesArrange.RegisterAsync(Portal);
        var desk = await Portal.AsAsync<DocumentDesk>(ElectronicFilesArrange.Staff);
        var type = await ElectronicFilesArrange.TypeIdAsync(Portal);
        await desk.UploadAsync(new DocumentDesk.Upload(fileId, null, null, type, DocumentSource.ReceivedInService, null),
            new MemoryStream(ScanArrange.Pdf([ScanArrange.Page(7)])));
        await desk.UploadAsync(new DocumentDesk.Upload(fileId, null, null, type, DocumentSource.ReceivedInService, null),
            new MemoryStream(ScanArrange.Tiff([ScanArrange.Page(8), ScanArrange.Page(9)])));

        await using (var db = PortalDb.Open(contexts, Actor.System))
        {
            StoredHashes.Add(await db.Circulars.Where(c => c.Id == circular.Value).Select(c => c.Sha256).SingleAsync());
            StoredHashes.AddRange(await db.ScannedDocuments.Where(d => d.FileId == fileId).Select(d => d.Sha256).ToListAsync());
        }
        RowsAtBackup = await BackupRestoreTests.RowCountsAsync(Database);
        BackupRun = await AdminCommandLine.RunAsync(Database, Portal.FilesRoot, "backup", Backup);
    }

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Dir, recursive: true);
    }
}

/// <summary>
/// Backup and restore of the embedded SQLite portal, through the admin commands: a restored portal has every row and every
/// stored file of the one backed up; restore refuses a damaged file, a newer schema, a non-empty portal and damaged stored
/// files, and leaves nothing half-written when it refuses; backup is consistent while the portal writes.
/// </summary>
public sealed class BackupRestoreTests(BackedUpPortal backedUp) : IClassFixture<BackedUpPortal>, IDisposable
{
    private readonly string _target = Directory.CreateTempSubdirectory("portal-restore-").FullName;
    private string TargetDb => Path.Combine(_target, "App_Data", "portal.db");
    private string TargetFiles => Path.Combine(_target, "App_Data", "files");

    private Task<AdminCommandLine.Run> RestoreAsync(params string[] args) =>
        AdminCommandLine.RunAsync(TargetDb, TargetFiles, ["restore", .. args]);

    [Fact]
    public async Task Backup_ThenRestoreIntoAnEmptyPortal_HasEveryTablesRowCount_AndEveryStoredFilesSha256()
    {
        var backup = backedUp.BackupRun;
        Assert.True(backup.Code == 0, backup.ToString());
        Assert.Contains("integrity ok", backup.Output);
        // The manifest checks the backup with the operator's own tool, wherever it was copied.
        var sums = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sha256sum", ["-c", "--strict", "nightly.sha256"])
            { WorkingDirectory = backedUp.Dir, RedirectStandardOutput = true })!;
        var verdicts = await sums.StandardOutput.ReadToEndAsync();
        await sums.WaitForExitAsync();
        Assert.True(sums.ExitCode == 0, verdicts);
        var stored = StoredFiles(backedUp.Portal.FilesRoot).Count; // the seed's own files (offset papers…) and ours
        Assert.Equal(stored + 1, verdicts.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.EndsWith(": OK", StringComparison.Ordinal)));

        var run = await RestoreAsync(backedUp.Backup);

        Assert.True(run.Code == 0, run.ToString());
        var restored = await RowCountsAsync(TargetDb);
        Assert.Equal(backedUp.RowsAtBackup, restored);
        Assert.True(restored["OrgUnits"] > 100 && restored["AspNetUsers"] > 10 && restored["Circulars"] >= 1 && restored["ScannedDocuments"] >= 2,
            string.Join(", ", restored.Select(r => $"{r.Key}={r.Value}")));
        var original = StoredFiles(backedUp.Portal.FilesRoot);
        var copy = StoredFiles(TargetFiles);
        Assert.Equal(original, copy);
        Assert.All(copy, f => Assert.Equal(f.Key, f.Value)); // each file's SHA-256 is its name
        Assert.All(backedUp.StoredHashes, sha => Assert.Contains(sha, copy.Keys));
        Assert.Contains($"Put {stored} stored files", run.Output);
        Assert.Empty(Leftovers());
        // The restored portal is whole: the integrity check over its store finds nothing missing or changed.
        await using var portal = new PortalFactory();
        portal.Settings["ConnectionStrings:Portal"] = $"Data Source={TargetDb}";
        portal.Settings["Files:Root"] = TargetFiles;
        var check = await portal.Services.GetRequiredService<FileIntegrity>().RunAsync();
        Assert.True(check.Clean && check.FilesChecked == stored, $"{check.FilesChecked} checked, {check.Changed} changed, {check.Missing} missing");
    }

    [Fact]
    public async Task Restore_RandomBytes_IsRefusedAsNotSqlite_AndWritesNothing()
    {
        var file = Path.Combine(_target, "random.db");
        await File.WriteAllBytesAsync(file, RandomNumberGenerator.GetBytes(64 * 1024));

        var run = await RestoreAsync(file);

        Assert.Equal(1, run.Code);
        Assert.Contains("is not a SQLite database", run.Error);
        Assert.False(File.Exists(TargetDb));
        Assert.Empty(Leftovers());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Restore_TruncatedCopy_IsRefused_AndWritesNothing(bool atAPageBoundary)
    {
        var bytes = await File.ReadAllBytesAsync(backedUp.Backup);
        var length = bytes.Length / 2;
        if (atAPageBoundary) length -= length % 4096;
        var file = Path.Combine(_target, "truncated.db");
        await File.WriteAllBytesAsync(file, bytes[..length]);

        var run = await RestoreAsync(file);

        Assert.Equal(1, run.Code);
        Assert.Contains("is truncated", run.Error);
        Assert.False(File.Exists(TargetDb));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public async Task Restore_PagesOverwrittenInTheMiddle_FailsTheIntegrityCheck_AndWritesNothing()
    {
        var bytes = await File.ReadAllBytesAsync(backedUp.Backup);
        var pageSize = (bytes[16] << 8) | bytes[17];
        var start = bytes.Length / 2 / pageSize * pageSize;
        new Random(22).NextBytes(bytes.AsSpan(start, 8 * pageSize));
        var file = Path.Combine(_target, "damaged.db");
        await File.WriteAllBytesAsync(file, bytes);

        var run = await RestoreAsync(file);

        Assert.Equal(1, run.Code);
        Assert.Contains("is damaged", run.Error);
        Assert.False(File.Exists(TargetDb));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public async Task Restore_SchemaOfANewerBuild_IsRefused_NamingTheUnknownMigration()
    {
        var file = Path.Combine(_target, "newer.db");
        File.Copy(backedUp.Backup, file);
        await ExecuteAsync(file, $"INSERT INTO \"{DatabaseSetup.HistoryTable}\" (MigrationId, ProductVersion) VALUES ('29991231235959_FromALaterBuild', '99.0.0')");

        var run = await RestoreAsync(file, "--files", backedUp.BackupFiles);

        Assert.Equal(1, run.Code);
        Assert.Contains("newer build", run.Error);
        Assert.Contains("29991231235959_FromALaterBuild", run.Error);
        Assert.False(File.Exists(TargetDb));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public async Task Restore_SchemaOfAnOlderBuild_IsMigratedForward_AndSaysSo()
    {
        // The oldest portal database: its history table and no migration applied yet (the sets are squashed into one Initial until the first deployment).
        var file = Path.Combine(_target, "older.db");
        await ExecuteAsync(file, $"CREATE TABLE \"{DatabaseSetup.HistoryTable}\" (MigrationId TEXT NOT NULL PRIMARY KEY, ProductVersion TEXT NOT NULL)");
        await using var db = Acting.SystemDb(backedUp.Portal);
        var known = db.Database.GetMigrations().ToList();

        var run = await RestoreAsync(file);

        Assert.True(run.Code == 0, run.ToString());
        Assert.Contains("migrated it forward", run.Output);
        Assert.All(known, m => Assert.Contains(m, run.Output));
        Assert.Equal(known, await QueryAsync(TargetDb, $"SELECT MigrationId FROM \"{DatabaseSetup.HistoryTable}\" ORDER BY MigrationId"));
        Assert.Contains("OrgUnits", (await RowCountsAsync(TargetDb)).Keys);
    }

    [Fact]
    public async Task Restore_IntoAPortalThatHoldsData_IsRefused_AndLeavesItAsItWas()
    {
        var before = await RowCountsAsync(backedUp.Database);

        var run = await AdminCommandLine.RunAsync(backedUp.Database, backedUp.Portal.FilesRoot, "restore", backedUp.Backup);

        Assert.Equal(1, run.Code);
        Assert.Contains("holds data", run.Error);
        Assert.Contains("empty portal only", run.Error);
        Assert.Equal(before, await RowCountsAsync(backedUp.Database));
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(backedUp.Database)!, $".{Path.GetFileName(backedUp.Database)}.*"));
    }

    [Fact]
    public async Task Restore_AStoredFileChangedInTheBackup_IsRefused_AndTheDatabaseIsNotInstalled()
    {
        var (db, files) = CopyOfBackup("tampered");
        var victim = backedUp.StoredHashes[0];
        await File.AppendAllTextAsync(Path.Combine(files, victim[..2], victim[2..4], victim), "tampered");

        var run = await RestoreAsync(db, "--files", files);

        Assert.Equal(1, run.Code);
        Assert.Contains($"damaged: {victim}", run.Error);
        Assert.False(File.Exists(TargetDb));
        Assert.DoesNotContain(victim, StoredFiles(TargetFiles).Keys);
        Assert.Empty(Leftovers());
    }

    [Fact]
    public async Task Restore_AStoredFileMissingFromTheBackup_IsRefused_UnlessAllowed_ThenNamed()
    {
        var (db, files) = CopyOfBackup("missing");
        var victim = backedUp.StoredHashes[1];
        File.Delete(Path.Combine(files, victim[..2], victim[2..4], victim));

        var refused = await RestoreAsync(db, "--files", files);
        Assert.Equal(1, refused.Code);
        Assert.Contains($"missing: {victim}", refused.Error);
        Assert.Contains("--allow-missing-files", refused.Error);
        Assert.False(File.Exists(TargetDb));

        var allowed = await RestoreAsync(db, "--files", files, "--allow-missing-files");
        Assert.True(allowed.Code == 0, allowed.ToString());
        Assert.Contains(victim, allowed.Error);
        Assert.Equal(backedUp.RowsAtBackup["ScannedDocuments"], (await RowCountsAsync(TargetDb))["ScannedDocuments"]);
        Assert.Equal(StoredFiles(backedUp.Portal.FilesRoot).Count - 1, StoredFiles(TargetFiles).Count);
    }

    [Fact]
    public async Task Backup_WhileThePortalWrites_HoldsEveryCommittedTransaction_AndNoneInFlight()
    {
        // A table of our own on the live portal's database: each transaction writes one batch of ten rows.
        await ExecuteAsync(backedUp.Database, "CREATE TABLE IF NOT EXISTS BackupProbe (Batch INTEGER NOT NULL, N INTEGER NOT NULL); DELETE FROM BackupProbe;");
        await using var writer = await OpenAsync(backedUp.Database);
        await InsertBatchAsync(writer, null, 0); // committed (in the write-ahead log, perhaps not yet in the main file)
        await using (var open = (SqliteTransaction)await writer.BeginTransactionAsync())
        {
            await InsertBatchAsync(writer, open, 1); // in flight while the backup runs: the portal's writer holds the write lock
            var held = await AdminCommandLine.RunAsync(backedUp.Database, backedUp.Portal.FilesRoot, "backup", Path.Combine(_target, "held.db"));
            Assert.True(held.Code == 0, held.ToString());
            await open.CommitAsync();
        }
        Assert.Equal(new[] { "10" }, await QueryAsync(Path.Combine(_target, "held.db"), "SELECT COUNT(*) FROM BackupProbe"));

        // Writers committing as fast as they can through the whole backup.
        using var stop = new CancellationTokenSource();
        var committed = 20L;
        var first = new TaskCompletionSource();
        var writing = Task.Run(async () =>
        {
            await using var busy = await OpenAsync(backedUp.Database);
            for (var batch = 2; !stop.IsCancellationRequested; batch++)
            {
                await using var tx = (SqliteTransaction)await busy.BeginTransactionAsync();
                await InsertBatchAsync(busy, tx, batch);
                await tx.CommitAsync();
                Interlocked.Add(ref committed, 10);
                first.TrySetResult();
            }
        });
        await first.Task;
        var before = Interlocked.Read(ref committed);
        var run = await AdminCommandLine.RunAsync(backedUp.Database, backedUp.Portal.FilesRoot, "backup", Path.Combine(_target, "busy.db"));
        var after = Interlocked.Read(ref committed);
        await stop.CancelAsync();
        await writing;

        Assert.True(run.Code == 0, run.ToString());
        var rows = long.Parse((await QueryAsync(Path.Combine(_target, "busy.db"), "SELECT COUNT(*) FROM BackupProbe")).Single());
        Assert.True(rows % 10 == 0 && rows >= before && rows <= after, $"backup holds {rows} rows; {before} committed before it began, {after} when it ended");
        Assert.Equal(new[] { "ok" }, await QueryAsync(Path.Combine(_target, "busy.db"), "PRAGMA integrity_check"));
    }

    [Fact]
    public async Task Backup_ToANameInUse_IsRefused()
    {
        var run = await AdminCommandLine.RunAsync(backedUp.Database, backedUp.Portal.FilesRoot, "backup", backedUp.Backup);

        Assert.Equal(1, run.Code);
        Assert.Contains("exists; choose a new name", run.Error);
    }

    [Fact]
    public async Task BackupAndRestore_OnPostgres_PrintTheDumpAndRestoreCommands_ForThisPortal()
    {
        // Neither command touches the database on PostgreSQL: no server is needed to be told the way.
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = "Host=db.tamin.local;Port=5433;Username=portal;Password=secret;Database=portal",
            ["Files:Root"] = TargetFiles,
        };

        var backup = await AdminCommandLine.RunAsync(settings, "backup", Path.Combine(_target, "nightly.db"));
        var restore = await AdminCommandLine.RunAsync(settings, "restore", Path.Combine(_target, "nightly.dump"));

        Assert.Equal(2, backup.Code);
        Assert.Contains($"pg_dump -Fc -h db.tamin.local -p 5433 -U portal -d portal -f {Path.Combine(_target, "nightly.dump")}", backup.Error);
        Assert.Contains($"rsync -a {TargetFiles}/ {Path.Combine(_target, "nightly.files")}/", backup.Error);
        Assert.Equal(2, restore.Code);
        Assert.Contains("pg_restore --no-owner -h db.tamin.local -p 5433 -U portal", restore.Error);
        Assert.DoesNotContain("secret", backup.Error + restore.Error);
    }

    /// <summary>Rows of every table of a SQLite file (sqlite_master: the model's tables, the history, the full-text index's own).</summary>
    internal static async Task<Dictionary<string, long>> RowCountsAsync(string file)
    {
        var tables = await QueryAsync(file, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
            counts[table] = long.Parse((await QueryAsync(file, $"SELECT COUNT(*) FROM \"{table}\"")).Single());
        return counts;
    }

    /// <summary>Every file of a local store (not its tmp folder), by name, with the SHA-256 of its content.</summary>
    private static Dictionary<string, string> StoredFiles(string root) =>
        !Directory.Exists(root) ? [] : Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).StartsWith("tmp", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));

    private (string Db, string Files) CopyOfBackup(string name)
    {
        var db = Path.Combine(_target, $"{name}.db");
        File.Copy(backedUp.Backup, db);
        var files = Path.Combine(_target, $"{name}.files");
        foreach (var f in Directory.EnumerateFiles(backedUp.BackupFiles, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(files, Path.GetRelativePath(backedUp.BackupFiles, f));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(f, to);
        }
        return (db, files);
    }

    /// <summary>What a refused or finished restore must not leave beside the portal's database: its temporary copy.</summary>
    private IEnumerable<string> Leftovers() =>
        Directory.Exists(Path.GetDirectoryName(TargetDb)) ? Directory.EnumerateFiles(Path.GetDirectoryName(TargetDb)!, "*.partial*") : [];

    private static async Task<SqliteConnection> OpenAsync(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, DefaultTimeout = 60 }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private static async Task InsertBatchAsync(SqliteConnection connection, SqliteTransaction? tx, int batch)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = $"INSERT INTO BackupProbe (Batch, N) WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 10) SELECT {batch}, n FROM s";
        await insert.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteAsync(string file, string sql)
    {
        await using var connection = await OpenAsync(file);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> QueryAsync(string file, string sql)
    {
        await using var connection = await OpenAsync(file);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_target, recursive: true);
    }
}
