using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Domain.Data;

/// <summary>
/// Maps the SQLite file into memory on every connection (<c>PRAGMA mmap_size</c>; <c>Database:SqliteMmapBytes</c>,
/// default 1 GiB, 0 turns it off): a page is then read where the operating system caches it, instead of by a read call
/// and a copy into SQLite's own small cache. On the inquiry's reads over a million persons that took 7,000 to 11,300
/// a second (bench/eligibility.sh). The setting lasts only as long as the connection, hence every open.
/// </summary>
internal sealed class SqliteMemoryMap(long bytes) : DbConnectionInterceptor
{
    public const long DefaultBytes = 1L << 30;

    private readonly string _pragma = "PRAGMA mmap_size = " + bytes.ToString(CultureInfo.InvariantCulture);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection); // SQLite's calls are synchronous underneath
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }
}
