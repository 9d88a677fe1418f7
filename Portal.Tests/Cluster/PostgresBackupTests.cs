using System.Net;
using Npgsql;

namespace Portal.Tests.Cluster;

/// <summary>
/// README's PostgreSQL backup, done as written: <c>pg_dump -Fc</c> of the portal while it serves, <c>pg_restore</c> into
/// an empty database, and a server started on the restored one.
/// </summary>
[Collection(TwoServersCollection.Name)]
public sealed class PostgresBackupTests(TwoServers servers)
{
    [Fact]
    public async Task PgDump_ThenPgRestoreIntoAnEmptyDatabase_HasEveryTablesRowCount_AndAServerStartsOnIt()
    {
        var dump = Path.Combine(Directory.CreateTempSubdirectory("portal-pg-dump-").FullName, "portal.dump");
        var source = servers.Postgres.ConnectionString("portal");
        var before = await RowCountsAsync(source);

        await servers.Postgres.ClientAsync("pg_dump", "-Fc", "-d", "portal", "-f", dump);
        await servers.Postgres.ClientAsync("pg_restore", "--list", dump);
        await servers.Postgres.ClientAsync("createdb", "restored");
        await servers.Postgres.ClientAsync("pg_restore", "-d", "restored", "--no-owner", "--exit-on-error", "-j", "2", dump);

        Assert.Equal(before, await RowCountsAsync(source)); // nothing wrote while it was dumped, so the counts must match exactly
        Assert.Equal(before, await RowCountsAsync(servers.Postgres.ConnectionString("restored")));
        Assert.True(before["OrgUnits"] > 31 && before["__migrations"] > 0);
        using var restored = new TwoServers.Server(servers.Postgres.ConnectionString("restored"));
        var client = await PortalFactory.SignedInClientAsync(restored, "headoffice");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/agencies")).StatusCode);
    }

    private static async Task<Dictionary<string, long>> RowCountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var counts = new Dictionary<string, long>();
        foreach (var table in tables.Order(StringComparer.Ordinal))
        {
            await using var count = new NpgsqlCommand($"select count(*) from \"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }
}
