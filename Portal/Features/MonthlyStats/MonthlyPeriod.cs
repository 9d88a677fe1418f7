using Portal.Domain.Common;
using Portal.Domain.MonthlyStats;

namespace Portal.Features.MonthlyStats;

/// <summary>The month the monthly-statistics pages look at, and the latest one they offer in the period picker.</summary>
public static class MonthlyPeriod
{
    /// <summary>
    /// The month named in the address, or the one just ended (the month agencies are reporting on). On a month's last
    /// day that month is open, but the default stays the previous one: most agencies still owe it.
    /// </summary>
    public static JalaliMonth Parse(string? period, TimeProvider clock) =>
        JalaliMonth.TryParse(period, out var month) ? month : JalaliDate.Today(clock).YearMonth.Previous();

    /// <summary>A month that is not over is not offered (the desk refuses it anyway).</summary>
    public static JalaliMonth Last(TimeProvider clock) => MonthlyReport.LatestOpen(clock.GetUtcNow());
}
