using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster in a temp folder on a free loopback port, from the machine's own server binaries
/// (Debian's postgresql package). As root it runs as the postgres user, which initdb requires.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("portal-pg-").FullName;
    private string _bin = "";
    private int _port;

    private string DataDir => Path.Combine(_root, "data");

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=false";

    /// <summary>Runs one of PostgreSQL's client programs (pg_dump, pg_restore, createdb) against this server, as its postgres user.</summary>
    public Task ClientAsync(string program, params string[] args) =>
        RunAsync(Path.Combine(_bin, program), ["-h", "127.0.0.1", "-p", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", .. args]);

    public async Task InitializeAsync()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault() ?? ""
            : "";
        if (_bin.Length == 0) throw new InvalidOperationException("PostgreSQL server binaries not found: apt-get install -y postgresql");
        if (IsRoot) await RunAsync("chown", "-R", "postgres:postgres", _root);
        _port = FreePort();
        await RunAsync(Path.Combine(_bin, "initdb"), AsPostgres, "-D", DataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync");
        await RunAsync(Path.Combine(_bin, "pg_ctl"), AsPostgres, "-D", DataDir, "-w", "-l", Path.Combine(_root, "server.log"),
            "-o", $"-p {_port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off", "start");
    }

    public async Task DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataDir, "postmaster.pid")))
            await RunAsync(Path.Combine(_bin, "pg_ctl"), AsPostgres, "-D", DataDir, "-m", "immediate", "stop");
        Directory.Delete(_root, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";
    private static readonly object AsPostgres = new();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a command to completion; <see cref="AsPostgres"/> as the second item runs it as the postgres user when root.</summary>
    private static async Task RunAsync(string file, params object[] args)
    {
        var asPostgres = args.Length > 0 && ReferenceEquals(args[0], AsPostgres);
        var rest = args.Where(a => !ReferenceEquals(a, AsPostgres)).Cast<string>().ToList();
        var start = asPostgres && IsRoot ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. rest]) : new ProcessStartInfo(file, rest);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', rest)} failed ({process.ExitCode}): {await error}{await output}");
    }
}
