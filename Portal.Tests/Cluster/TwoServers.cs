using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Hosting;

namespace Portal.Tests.Cluster;

/// <summary>
/// Two portal servers, each its own host with its own memory, clock and background services, on one throwaway PostgreSQL:
/// what a load balancer in front of two machines sees. A migrates and seeds; B starts on the migrated database after it.
/// </summary>
public sealed class TwoServers : IAsyncLifetime
{
    private readonly PostgresServer _server = new();
    public PostgresServer Postgres => _server;
    public Server A { get; private set; } = default!;
    public Server B { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        A = new Server(_server.ConnectionString("portal"));
        await A.SeededAsync();
        B = new Server(_server.ConnectionString("portal"));
        _ = B.Services; // starts B
    }

    public async Task DisposeAsync()
    {
        A?.Dispose();
        B?.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>
    /// One server. The hourly housekeeping is not started on its own: the tests run its passes at the moment they choose,
    /// on both servers at once.
    /// </summary>
    public sealed class Server : AddressedPortal
    {
        public Server(string connectionString)
        {
            Settings["Database:Provider"] = "Postgres";
            Settings["ConnectionStrings:Portal"] = connectionString;
            Settings["Files:IntegrityCheckHours"] = "24";
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                foreach (var hosted in services.Where(d => d.ImplementationType == typeof(Housekeeping)).ToList()) services.Remove(hosted);
            });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TwoServersCollection : ICollectionFixture<TwoServers>
{
    public const string Name = "Two servers on one PostgreSQL";
}
