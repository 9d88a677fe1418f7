using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.Tests.Support;

/// <summary>
/// A throwaway Redis on a free loopback port from Debian's redis-server (no persistence, its own temp folder), which a
/// test may stop and start again on the same port (an outage of the shared rate limits' store).
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("portal-redis-").FullName;
    private Process? _process;

    public int Port { get; } = FreePort();

    public string ConnectionString => $"127.0.0.1:{Port}";

    public Task InitializeAsync() => StartAsync();

    public async Task StartAsync()
    {
        if (_process is { HasExited: false }) return;
        var binary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server not found: apt-get install -y redis-server");
        var start = new ProcessStartInfo(binary, ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", _root, "--daemonize", "no", "--protected-mode", "yes"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        _process = Process.Start(start)!;
        _ = _process.StandardError.ReadToEndAsync();
        // Redis says when it listens; read its log up to that line (bounded: a server that does not start fails the test).
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            if (line.Contains("Ready to accept connections"))
            {
                _ = _process.StandardOutput.ReadToEndAsync();
                return;
            }
        throw new InvalidOperationException($"redis-server exited ({_process.ExitCode}) before it listened on {Port}");
    }

    /// <summary>Kills the server (its clients see their connections dropped) and waits for it to be gone.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
