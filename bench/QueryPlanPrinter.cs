using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore.Diagnostics;

/// <summary>
/// Prints each SQL command a bench runs, its parameters (as sqlite3's <c>.parameter set</c>, so the query can be pasted
/// into sqlite3), its time to the first row and SQLite's query plan. Compiled into the bench projects that read through EF.
/// </summary>
public sealed class QueryPlanPrinter : DbCommandInterceptor
{
    public bool Enabled { get; set; } = true;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Enabled) Print(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        if (Enabled) Console.WriteLine($"-- executed in {eventData.Duration.TotalMilliseconds:0.0} ms (until the first row)");
        return ValueTask.FromResult(result);
    }

    private static void Print(DbCommand command)
    {
        var text = new StringBuilder("\n");
        foreach (DbParameter p in command.Parameters) text.AppendLine($".parameter set {p.ParameterName} {Literal(p.Value)}");
        text.AppendLine(command.CommandText + ";");
        using var explain = command.Connection!.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        foreach (DbParameter p in command.Parameters)
        {
            var copy = explain.CreateParameter();
            (copy.ParameterName, copy.Value) = (p.ParameterName, p.Value);
            explain.Parameters.Add(copy);
        }
        var depth = new Dictionary<long, int> { [0] = 0 };
        text.AppendLine("-- QUERY PLAN");
        using (var plan = explain.ExecuteReader())
            while (plan.Read())
            {
                var (id, parent, detail) = (plan.GetInt64(0), plan.GetInt64(1), plan.GetString(3));
                depth[id] = depth.GetValueOrDefault(parent) + 1;
                text.AppendLine($"-- {new string(' ', 2 * depth[id])}{detail}");
            }
        Console.Write(text);
    }

    private static string Literal(object? value) => value switch
    {
        null or DBNull => "NULL",
        // sqlite3's .parameter evaluates the value as SQL, after its own quoting: "'text'" binds text.
        string s => $"\"'{s.Replace("'", "''")}'\"",
        DateOnly d => $"\"'{d:yyyy-MM-dd}'\"",
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "NULL",
    };
}
