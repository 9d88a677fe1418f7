using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Domain.Booklets;

/// <summary>
/// Whole minutes from a service's request to its service, counted by the database: instants are UTC ticks on SQLite and
/// timestamptz on PostgreSQL, which LINQ cannot subtract, and the report must not load the rows to do it.
/// </summary>
public static class BookletReportFunctions
{
    public const long TicksPerMinute = TimeSpan.TicksPerMinute;

    /// <summary>Only inside a query (translated to SQL); never called in memory.</summary>
    public static double WaitMinutes(DateTimeOffset requestedAt, DateTimeOffset at) => throw new InvalidOperationException("Only in a query.");

    internal static void Register(ModelBuilder builder, bool sqlite)
    {
        var method = typeof(BookletReportFunctions).GetMethod(nameof(WaitMinutes))!;
        // Every node carries its store type: the providers' type-mapping pass refuses a node without one.
        var real = new DoubleTypeMapping(sqlite ? "REAL" : "double precision");
        var integer = new LongTypeMapping(sqlite ? "INTEGER" : "bigint");
        builder.HasDbFunction(method).HasTranslation(args =>
        {
            var (requested, at) = (args[0], args[1]);
            if (sqlite) // UTC ticks: integer division gives whole minutes
                return new SqlBinaryExpression(ExpressionType.Divide,
                    new SqlBinaryExpression(ExpressionType.Subtract, at, requested, typeof(long), integer),
                    new SqlConstantExpression(TicksPerMinute, typeof(long), integer), typeof(long), integer);
            SqlExpression Epoch(SqlExpression instant) =>
                new SqlFunctionExpression("date_part", [new SqlFragmentExpression("'epoch'"), instant], nullable: true, [false, true], typeof(double), real);
            return new SqlFunctionExpression("floor", [new SqlBinaryExpression(ExpressionType.Divide,
                    new SqlBinaryExpression(ExpressionType.Subtract, Epoch(at), Epoch(requested), typeof(double), real),
                    new SqlConstantExpression(60.0, typeof(double), real), typeof(double), real)],
                nullable: true, [true], typeof(double), real);
        });
    }
}
