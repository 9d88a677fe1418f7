using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;

namespace Portal.Hosting;

/// <summary>
/// <c>backup &lt;file&gt;</c> and <c>restore &lt;file&gt; [--files &lt;dir&gt;] [--allow-missing-files]</c> for the embedded SQLite database.
/// A backup is two things side by side: <c>&lt;name&gt;.db</c>, a consistent copy of the database taken while the portal runs
/// (VACUUM INTO), and <c>&lt;name&gt;.files/</c>, every stored file that copy refers to, laid out as the local store lays it out
/// (<c>ab/cd/abcd…</c>), and <c>&lt;name&gt;.sha256</c> listing both for <c>sha256sum -c</c>. Files are content-addressed and never change or go away,
/// so the files copied after the snapshot are exactly those it refers to (and perhaps a few newer, never fewer).
/// Restore goes into an empty portal only, refuses a damaged file or one from a newer build, migrates an older one
/// forward, puts the files back through the configured store checking each against its name, and installs the database by
/// one rename: the portal's database is either untouched or the whole restored copy.
/// </summary>
public static class BackupCommands
{
    public const string FilesSuffix = ".files";
    public const string ManifestSuffix = ".sha256";
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    /// <summary>
    /// Tables a portal that has only been started holds rows in by itself: its cookie-signing keys and the scheduled
    /// integrity check's (empty) passes. A database with rows in any other table is not an empty portal.
    /// </summary>
    private static readonly string[] SystemTables = ["DataProtectionKeys", "FileChecks", "FileCheckFindings"];

    /// <summary>The default folder of a backup's stored files: <c>nightly.db</c> → <c>nightly.files</c>.</summary>
    public static string FilesFolderOf(string backupFile) => Path.ChangeExtension(Path.GetFullPath(backupFile), FilesSuffix);

    public static async Task<int> BackupAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var (file, filesOption, _) = ParseOptions(args);
        if (file is null)
        {
            error.WriteLine("Usage: backup <file> [--files <folder for the stored files, default <name>.files; one folder may serve many backups>]");
            return 2;
        }
        var db = services.GetRequiredService<PortalDbContext>();
        if (!db.Database.IsSqlite())
        {
            error.WriteLine("backup copies the embedded SQLite database; this portal runs on PostgreSQL. Back it up this way:");
            PrintPostgresWay(services, error, Path.GetFullPath(file));
            return 2;
        }
        var live = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (!File.Exists(Path.GetFullPath(live)))
        {
            error.WriteLine($"There is no portal database at {Path.GetFullPath(live)} to back up.");
            return 1;
        }
        var target = Path.GetFullPath(file);
        // A folder given with --files may be shared by many backups (files are content-addressed): those already in it are kept.
        var filesDir = Path.GetFullPath(filesOption ?? FilesFolderOf(target));
        var manifestFile = Path.ChangeExtension(target, ManifestSuffix);
        if ((new[] { target, manifestFile }.FirstOrDefault(File.Exists) ?? (filesOption is null && Directory.Exists(filesDir) ? filesDir : null)) is { } inUse)
        {
            error.WriteLine($"{inUse} exists; choose a new name.");
            return 1;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = TempNextTo(target);
        try
        {
            // VACUUM INTO reads one snapshot (a read transaction) and writes a compacted copy: the portal keeps writing meanwhile,
            // the copy holds every transaction committed before it began and none after.
            await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [partial], ct);
            var verdict = await IntegrityAsync(partial, ct);
            if (verdict != "ok")
            {
                error.WriteLine($"The copy failed its integrity check: {verdict}");
                return 1;
            }
            IReadOnlyList<(string Sha, string HeldBy)> referred;
            await using (var copy = OpenContext(partial))
                referred = await FileIntegrity.ReferredAsync(copy, ct);

            var store = services.GetRequiredService<IFileStore>();
            var problems = new List<string>();
            var manifest = new List<string>();
            long bytes = 0;
            var kept = 0;
            Directory.CreateDirectory(filesDir);
            foreach (var (sha, heldBy) in referred)
            {
                var path = PathIn(filesDir, sha);
                await using var content = await store.OpenReadAsync(sha, ct);
                if (content is null)
                {
                    problems.Add($"  missing from the store: {sha} ({heldBy})");
                    continue;
                }
                var listed = $"{sha}  {Path.GetRelativePath(Path.GetDirectoryName(target)!, path).Replace('\\', '/')}";
                if (File.Exists(path) && (!content.CanSeek || new FileInfo(path).Length == content.Length))
                {
                    kept++; // an earlier backup's copy in a shared folder; restore re-hashes it
                    manifest.Add(listed);
                    continue;
                }
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var written = path + ".partial";
                var (actual, size) = await CopyHashingAsync(content, written, ct);
                if (actual != sha)
                {
                    File.Delete(written);
                    problems.Add($"  changed in the store (its content hashes to {actual}): {sha} ({heldBy})");
                    continue;
                }
                File.Move(written, path, overwrite: true);
                manifest.Add(listed);
                bytes += size;
            }
            File.Move(partial, target);
            manifest.Add($"{await Sha256OfAsync(target, ct)}  {Path.GetFileName(target)}");
            await File.WriteAllLinesAsync(manifestFile, manifest, ct);

            output.WriteLine($"Backed up to {target} ({new FileInfo(target).Length:N0} bytes, integrity ok)");
            output.WriteLine($"and the {referred.Count - problems.Count:N0} stored files it refers to, to {filesDir}{Path.DirectorySeparatorChar}: {referred.Count - problems.Count - kept:N0} copied " +
                $"({bytes:N0} bytes), each checked against its SHA-256{(kept > 0 ? $", {kept:N0} already there" : "")}.");
            output.WriteLine($"Check the backup anywhere with: cd {Path.GetDirectoryName(target)} && sha256sum -c --quiet {Path.GetFileName(manifestFile)}");
            if (problems.Count == 0) return 0;
            error.WriteLine($"The backup is INCOMPLETE: {problems.Count:N0} stored files the database refers to could not be copied:");
            foreach (var p in problems) error.WriteLine(p);
            error.WriteLine("The portal's integrity check (/admin/files) reports the same files; recover them from an older backup.");
            return 1;
        }
        finally
        {
            DeleteSqliteFiles(partial);
        }
    }

    public static async Task<int> RestoreAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var (file, filesOption, allowMissing) = ParseOptions(args);
        if (file is null)
        {
            error.WriteLine("Usage: restore <backup file> [--files <folder of its stored files, default <name>.files>] [--allow-missing-files]");
            return 2;
        }
        var db = services.GetRequiredService<PortalDbContext>();
        if (!db.Database.IsSqlite())
        {
            error.WriteLine("restore puts back a backup of the embedded SQLite database; this portal runs on PostgreSQL. Restore it this way:");
            PrintPostgresWay(services, error, Path.GetFullPath(file));
            return 2;
        }
        var connection = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        if (connection.Mode == SqliteOpenMode.Memory || connection.DataSource is "" or ":memory:")
        {
            error.WriteLine("The portal's database is in memory; there is nothing to restore into.");
            return 2;
        }
        var source = Path.GetFullPath(file);
        var target = Path.GetFullPath(connection.DataSource);
        var filesDir = Path.GetFullPath(filesOption ?? FilesFolderOf(source));

        // 1. The target: an empty portal only (nothing is overwritten that someone may still need).
        if (await TargetRefusalAsync(target, ct) is { } refusal)
        {
            error.WriteLine(refusal);
            return 1;
        }
        // 2. The backup: a whole SQLite file, checked on a copy next to the target so the final step is one rename.
        if (!File.Exists(source))
        {
            error.WriteLine($"{source} does not exist.");
            return 1;
        }
        if (File.Exists(source + "-wal"))
        {
            error.WriteLine($"Refused: {source}-wal lies beside it: that is a live database, not a backup (its latest writes are in the -wal file). " +
                "Make a backup of it with the backup command. Nothing was restored.");
            return 1;
        }
        if (HeaderRefusal(source) is { } damaged)
        {
            error.WriteLine($"Refused: {source} {damaged}. Nothing was restored.");
            return 1;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = TempNextTo(target);
        try
        {
            File.Copy(source, temp);
            string verdict;
            try { verdict = await IntegrityAsync(temp, ct); }
            catch (SqliteException e) { verdict = e.Message; }
            if (verdict != "ok")
            {
                error.WriteLine($"Refused: {source} is damaged (SQLite integrity check: {verdict}). Nothing was restored.");
                return 1;
            }

            await using (var copy = OpenContext(temp))
            {
                // 3. The schema: this build's migrations or a prefix of them.
                if (!await HasTableAsync(copy, DatabaseSetup.HistoryTable, ct))
                {
                    error.WriteLine($"Refused: {source} is a SQLite file but not a portal database (it has no {DatabaseSetup.HistoryTable} table). Nothing was restored.");
                    return 1;
                }
                var known = copy.Database.GetMigrations().ToList();
                var applied = (await copy.Database.GetAppliedMigrationsAsync(ct)).ToList();
                var unknown = applied.Except(known).ToList();
                if (unknown.Count > 0)
                {
                    error.WriteLine($"Refused: {source} was made by a newer build of the portal: its schema has migrations this build does not know " +
                        $"({string.Join(", ", unknown)}). Restore it with that build or a later one. Nothing was restored.");
                    return 1;
                }
                var pending = known.Except(applied).ToList();
                if (pending.Count > 0)
                {
                    await copy.Database.MigrateAsync(ct);
                    output.WriteLine($"The backup was made by an older build: migrated it forward ({string.Join(", ", pending)}).");
                }

                // 4. The stored files, put back through the portal's store; each must hash to its name.
                var referred = await FileIntegrity.ReferredAsync(copy, ct);
                if (referred.Count > 0 && !Directory.Exists(filesDir))
                {
                    error.WriteLine($"Refused: the backup refers to {referred.Count:N0} stored files but {filesDir} does not exist " +
                        "(give their folder with --files <dir>). Nothing was restored.");
                    return 1;
                }
                var (put, already, missing, wrong) = await PutFilesAsync(services.GetRequiredService<IFileStore>(), filesDir, referred, ct);
                if (wrong.Count > 0 || (missing.Count > 0 && !allowMissing))
                {
                    error.WriteLine($"Refused: {wrong.Count + missing.Count:N0} of the backup's {referred.Count:N0} stored files are " +
                        (wrong.Count > 0 ? "damaged or missing" : "missing") + $" in {filesDir}:");
                    foreach (var line in wrong.Concat(missing)) error.WriteLine(line);
                    if (wrong.Count == 0) error.WriteLine("To restore the database without them, add --allow-missing-files (the portal's integrity check will then list them).");
                    error.WriteLine($"The database was not restored. The {put:N0} files already put into the store are intact and harmless (a store holds files by their hash).");
                    return 1;
                }
                output.WriteLine($"Put {put:N0} stored files into the store ({already:N0} were there already), each checked against its SHA-256.");
                if (missing.Count > 0)
                {
                    error.WriteLine($"{missing.Count:N0} stored files the database refers to were not in the backup (restored without them, as asked):");
                    foreach (var line in missing) error.WriteLine(line);
                }
                // Self-contained: the copy is installed as one file, with no write-ahead log beside it.
                await copy.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=DELETE;", ct);
            }

            // 5. One rename installs it; a second look that no one opened the target meanwhile.
            if (await TargetRefusalAsync(target, ct) is { } late)
            {
                error.WriteLine(late);
                return 1;
            }
            SqliteConnection.ClearPool(new SqliteConnection(db.Database.GetConnectionString()));
            foreach (var side in new[] { "-wal", "-shm", "-journal" }) File.Delete(target + side);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            DeleteSqliteFiles(temp);
        }

        await DatabaseSetup.MigrateAsync(services, ct); // write-ahead log back on, as at every start; applies nothing
        output.WriteLine($"Restored {source} into {target}. Start the portal; /admin/files re-hashes every stored file on demand.");
        return 0;
    }

    private static (string? File, string? Files, bool AllowMissing) ParseOptions(string[] args)
    {
        string? file = null, files = null;
        var allowMissing = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--files" when i + 1 < args.Length: files = args[++i]; break;
                case "--allow-missing-files": allowMissing = true; break;
                case var a when a.StartsWith("--files=", StringComparison.Ordinal): files = a["--files=".Length..]; break;
                case var a when !a.StartsWith('-') && file is null: file = a; break;
                case var a when a.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length && !args[i + 1].StartsWith('-'): i++; break; // --urls x and the like
            }
        }
        return (file, files, allowMissing);
    }

    /// <summary>Why the portal's database may not be replaced, or null: it does not exist, or it holds no rows but the system's own.</summary>
    private static async Task<string?> TargetRefusalAsync(string target, CancellationToken ct)
    {
        if (!File.Exists(target) || new FileInfo(target).Length == 0) return null;
        var tables = new List<(string Name, long Rows)>();
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
            await connection.OpenAsync(ct);
            var names = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '{DatabaseSetup.HistoryTable}'";
                await using var reader = await list.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
            }
            foreach (var name in names.Where(n => !SystemTables.Contains(n) && !n.StartsWith("PageTextIndex", StringComparison.Ordinal)))
            {
                await using var count = connection.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM \"{name.Replace("\"", "\"\"")}\"";
                if ((long)(await count.ExecuteScalarAsync(ct))! is > 0 and var rows) tables.Add((name, rows));
            }
        }
        catch (SqliteException e)
        {
            return $"Refused: the portal's database {target} cannot be read ({e.Message}). Move it aside and run restore again.";
        }
        if (tables.Count > 0)
            return $"Refused: the portal's database {target} holds data ({string.Join(", ", tables.Take(5).Select(t => $"{t.Name}: {t.Rows:N0} row{(t.Rows == 1 ? "" : "s")}"))}" +
                $"{(tables.Count > 5 ? $" and {tables.Count - 5} more tables" : "")}). restore goes into an empty portal only: " +
                "stop the portal, move that file aside (with its -wal and -shm files), and run restore again.";
        // Our connection was the last: SQLite removes the write-ahead log when the last connection closes.
        if (File.Exists(target + "-wal") || File.Exists(target + "-shm"))
            return $"Refused: the portal's database {target} is open in another process (its -wal/-shm files remain). Stop the portal and run restore again.";
        return null;
    }

    /// <summary>Why the file is not a whole SQLite database by its header, or null.</summary>
    private static string? HeaderRefusal(string path)
    {
        var header = new byte[100];
        long length;
        using (var stream = File.OpenRead(path))
        {
            length = stream.Length;
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !header.AsSpan(0, 16).SequenceEqual(SqliteHeader))
                return "is not a SQLite database";
        }
        var pageSize = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(16)) is 1 ? 65536 : BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(16));
        var pages = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(28));
        var sizeIsValid = pages > 0 && header.AsSpan(24, 4).SequenceEqual(header.AsSpan(92, 4));
        if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0) return "is damaged (its header names no valid page size)";
        if (length % pageSize != 0 || (sizeIsValid && length < (long)pages * pageSize))
            return $"is truncated (its header says {(long)pages * pageSize:N0} bytes, the file has {length:N0})";
        return null;
    }

    private static async Task<(int Put, int Already, List<string> Missing, List<string> Wrong)> PutFilesAsync(IFileStore store, string filesDir,
        IReadOnlyList<(string Sha, string HeldBy)> referred, CancellationToken ct)
    {
        int put = 0, already = 0;
        List<string> missing = [], wrong = [];
        foreach (var (sha, heldBy) in referred)
        {
            if (await store.ExistsAsync(sha, ct))
            {
                already++;
                continue;
            }
            var path = PathIn(filesDir, sha);
            if (!File.Exists(path))
            {
                missing.Add($"  missing: {sha} ({heldBy})");
                continue;
            }
            await using var content = new VerifyingStream(File.OpenRead(path), sha);
            try
            {
                await store.SaveAsync(content, ct);
                put++;
            }
            catch (InvalidDataException e)
            {
                wrong.Add($"  damaged: {sha} ({heldBy}): {e.Message}");
            }
        }
        return (put, already, missing, wrong);
    }

    /// <summary>The PostgreSQL way, with this portal's connection (no password: pg_dump reads PGPASSWORD or ~/.pgpass).</summary>
    private static void PrintPostgresWay(IServiceProvider services, TextWriter to, string file)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var c = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var where = $"-h {c.Host ?? "localhost"} -p {c.Port} -U {c.Username ?? "postgres"}";
        var dump = Path.ChangeExtension(file, ".dump");
        var store = services.GetRequiredService<IFileStore>() is LocalFileStore local ? local.Root : "the file store";
        to.WriteLine($"  1. pg_dump -Fc {where} -d {c.Database} -f {dump}");
        to.WriteLine($"  2. then copy the file store (files never change or go away, so a copy made after the dump holds every file it refers to):");
        to.WriteLine($"     rsync -a {store}/ {FilesFolderOf(file)}/");
        to.WriteLine($"  Restore into an empty database: the files first, then pg_restore --no-owner {where} -d <empty database> {dump}");
        to.WriteLine("  README.md, \"Several servers\" → \"Backup and restore\", has the whole procedure and its checks.");
    }

    private static string PathIn(string root, string sha) => Path.Combine(root, sha[..2], sha[2..4], sha);

    private static string TempNextTo(string target) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");

    /// <summary>A context on a SQLite file outside the portal's configuration (a backup's copy), unpooled so the file is free once it is disposed.</summary>
    private static PortalDbContext OpenContext(string path) =>
        new(new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString(), o => o.MigrationsHistoryTable(DatabaseSetup.HistoryTable))
            .Options);

    private static async Task<bool> HasTableAsync(PortalDbContext db, string table, CancellationToken ct) =>
        await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {table}").SingleAsync(ct) > 0;

    private static async Task<string> IntegrityAsync(string path, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        var lines = new List<string>();
        await using var reader = await check.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct) && lines.Count < 10) lines.Add(reader.GetString(0));
        return string.Join("; ", lines);
    }

    private static async Task<(string Sha, long Size)> CopyHashingAsync(Stream content, string path, CancellationToken ct)
    {
        await using var verifying = new VerifyingStream(content, expected: null);
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await verifying.CopyToAsync(file, 81920, ct);
            await file.FlushAsync(ct);
        }
        return (verifying.Actual!, verifying.Position);
    }

    private static async Task<string> Sha256OfAsync(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
    }

    private static void DeleteSqliteFiles(string path)
    {
        foreach (var f in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
            if (File.Exists(f)) File.Delete(f);
    }

    /// <summary>
    /// Reads a stream through SHA-256; at its end, a content that does not hash to <c>expected</c> throws, so a store
    /// writing it (to a temporary name, then moved) never keeps it.
    /// </summary>
    private sealed class VerifyingStream(Stream inner, string? expected) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _read;

        public string? Actual { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer) => Seen(buffer, inner.Read(buffer));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            var read = await inner.ReadAsync(buffer, ct);
            return Seen(buffer.Span, read);
        }

        private int Seen(ReadOnlySpan<byte> buffer, int read)
        {
            if (read > 0)
            {
                _hash.AppendData(buffer[..read]);
                _read += read;
            }
            else if (Actual is null && buffer.Length > 0)
            {
                Actual = Convert.ToHexStringLower(_hash.GetHashAndReset());
                if (expected is not null && Actual != expected)
                    throw new InvalidDataException($"its content hashes to {Actual}");
            }
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                _hash.Dispose();
            }
            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            _hash.Dispose();
            await base.DisposeAsync();
        }
    }
}
