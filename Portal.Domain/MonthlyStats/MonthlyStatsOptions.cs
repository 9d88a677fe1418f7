namespace Portal.Domain.MonthlyStats;

/// <summary>Settings of the monthly statistics (section <c>MonthlyStats</c>).</summary>
public sealed class MonthlyStatsOptions
{
    /// <summary>The day of the following month by which an agency submits its report (its own deadline, not the office's 10th).</summary>
    public int AgencyDeadlineDay { get; set; } = 5;
}
