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
}
