using System.Data.Common;

namespace Portal.Demo;

/// <summary>
/// Many rows into one table, fast: a prepared multi-row INSERT whose parameters are reused. Rows are buffered into the
/// parameters and sent <c>rows</c> at a time; <see cref="Flush"/> sends the rest one by one. Identifiers are
/// double-quoted as EF names them, and the SQL is plain, so SQLite and PostgreSQL both take it. It bypasses EF (no
/// change tracking, no audit entries, no domain rules), which is why it lives with the demo generators and not in the
/// domain: no production path writes rows this way. About a hundred parameters a statement: SQLite finds each named
/// parameter by a linear search, so a statement of several hundred costs more per row than it saves.
/// </summary>
internal sealed class BulkInsert : IDisposable
{
    private readonly DbCommand _many;
    private readonly DbCommand _one;
    private readonly int _columns;
    private readonly int _rows;
    private readonly List<object?[]> _pending = [];
    private int _filled;

    public BulkInsert(DbConnection connection, DbTransaction tx, string table, string[] columns, int rows)
    {
        (_columns, _rows) = (columns.Length, rows);
        _many = Command(connection, tx, table, columns, rows);
        _one = Command(connection, tx, table, columns, 1);
    }

    /// <summary>One statement outside the batches (a pragma, moving an identity past explicit ids).</summary>
    public static void Execute(DbConnection connection, DbTransaction? tx, string sql)
    {
        using var command = connection.CreateCommand();
        (command.CommandText, command.Transaction) = (sql, tx);
        command.ExecuteNonQuery();
    }

    public void Add(params object?[] values)
    {
        var offset = _filled * _columns;
        for (var c = 0; c < _columns; c++) _many.Parameters[offset + c].Value = values[c] ?? DBNull.Value;
        _pending.Add(values);
        if (++_filled < _rows) return;
        _many.ExecuteNonQuery();
        _filled = 0;
        _pending.Clear();
    }

    public void Flush()
    {
        foreach (var values in _pending)
        {
            for (var c = 0; c < _columns; c++) _one.Parameters[c].Value = values[c] ?? DBNull.Value;
            _one.ExecuteNonQuery();
        }
        _pending.Clear();
        _filled = 0;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction tx, string table, string[] columns, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        var values = new List<string>(rows);
        for (var r = 0; r < rows; r++)
        {
            var names = new string[columns.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = names[c] = $"@p{r}_{c}";
                parameter.Value = DBNull.Value;
                command.Parameters.Add(parameter);
            }
            values.Add("(" + string.Join(", ", names) + ")");
        }
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES {string.Join(", ", values)}";
        if (connection is Microsoft.Data.Sqlite.SqliteConnection) command.Prepare(); // Npgsql prepares by itself when asked to in its connection string
        return command;
    }

    public void Dispose()
    {
        _many.Dispose();
        _one.Dispose();
    }
}
