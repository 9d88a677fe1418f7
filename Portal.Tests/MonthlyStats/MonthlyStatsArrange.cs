using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Domain.Common;
using Portal.Domain.MonthlyStats;

namespace Portal.Tests.MonthlyStats;

/// <summary>Monthly statistics test data.</summary>
internal static class MonthlyStatsArrange
{
    /// <summary>A consistent month: three files received in the first category, two forwarded, the rest carried as pending.</summary>
    public static MonthlyReportForm SmallMonth(MonthlyStatsDesk.Sheet sheet)
    {
        var form = new MonthlyReportForm { Forwarded = "2", Returned = "0", Pending = (sheet.PendingBroughtForward + 3 - 2).ToString() };
        form.Received[sheet.Categories[0].Id] = "3";
        form.Amount[sheet.Categories[0].Id] = "3000000";
        return form;
    }

    /// <summary>
    /// Another tab or server starts the agency's month (a report with no figures yet) the moment after the service has
    /// looked for the month's reports, so the service found none and will add its own.
    /// </summary>
    public sealed class AnotherServerStartsTheMonth(PortalFactory portal, string agencyCode, JalaliMonth month) : DbCommandInterceptor
    {
        private bool _started;

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            if (_started || !command.CommandText.Contains("FROM \"MonthlyReports\"")) return result;
            _started = true;
            await using var db = Acting.SystemDb(portal);
            db.MonthlyReports.Add(new MonthlyReport(await db.Agencies.SingleAsync(a => a.Code == agencyCode, cancellationToken), month, 0));
            await db.SaveChangesAsync(cancellationToken);
            return result;
        }
    }
}
