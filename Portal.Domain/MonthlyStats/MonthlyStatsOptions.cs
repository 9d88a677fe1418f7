namespace Portal.Domain.MonthlyStats;

/// <summary>Settings of the monthly statistics (section <c>MonthlyStats</c>).</summary>
public sealed class MonthlyStatsOptions
{
    /// <summary>The day of the following month by which an agency submits its report (its own deadline, not the office's 10th).</summary>
    public int AgencyDeadlineDay { get; set; } = 5;

    /// <summary>
    /// The day of the following month after which agencies can no longer enter the month's figures, except to correct a
    /// report the review office returned (0: never). Separate from the on-time cut-off of the 10th.
    /// </summary>
    public int LockDay { get; set; } = 20;

    /// <summary>How many days before a deadline the reminders start.</summary>
    public int ReminderDays { get; set; } = 3;
}
