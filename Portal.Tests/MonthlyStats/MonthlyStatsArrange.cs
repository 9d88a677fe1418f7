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
}
