using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

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
        builder.HasDbFunction(method).HasTranslation(args =>
        {
            var (requested, at) = (args[0], args[1]);
            SqlExpression minutes = sqlite
                ? new SqlBinaryExpression(ExpressionType.Divide,
                    new SqlBinaryExpression(ExpressionType.Subtract, at, requested, typeof(long), null),
                    new SqlFragmentExpression(TicksPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)), typeof(double), null)
                : new SqlFunctionExpression("floor", [new SqlBinaryExpression(ExpressionType.Divide,
                    new SqlFunctionExpression("date_part", [new SqlFragmentExpression("'epoch'"),
                        new SqlBinaryExpression(ExpressionType.Subtract, at, requested, typeof(TimeSpan), null)], nullable: true, [false, true], typeof(double), null),
                    new SqlFragmentExpression("60"), typeof(double), null)], nullable: true, [true], typeof(double), null);
            return minutes;
        });
    }
}
