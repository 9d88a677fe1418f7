using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Portal.Domain.Data;

internal static class DbErrors
{
    /// <summary>A unique index refused the row: on SQLite or on PostgreSQL.</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException is
        SqliteException { SqliteExtendedErrorCode: 2067 } // SQLITE_CONSTRAINT_UNIQUE
        or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>
    /// Runs an act that numbers its new row as the highest so far plus one (a wave's number, a heading's code) again when
    /// the number's unique index refused it: another user, on this server or another, took that number at the same
    /// moment. The numbers stay unique and without gaps; the last attempt's refusal goes out as it is.
    /// </summary>
    public static async Task<T> RetryNumberingAsync<T>(Func<Task<T>> act, int attempts = 10)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { return await act(); }
            catch (DbUpdateException e) when (IsUniqueViolation(e) && attempt < attempts) { }
        }
    }
}
