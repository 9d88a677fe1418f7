using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.MonthlyStats;

/// <summary>
/// In-app reminders for the month just ended, derived from the reports rather than sent and stored, so they disappear
/// the moment the work is done: an agency from a few days before its deadline until its report is submitted, a review
/// office from a few days before the 10th until every expected report is forwarded. Past the deadline they say so.
/// </summary>
public sealed class MonthlyReminders(PortalDb portalDb, TimeProvider clock, MonthlyStatsOptions options)
{
    public enum Audience { Agency = 1, ReviewOffice }

    /// <summary>Reports of <paramref name="Period"/> still owed by <paramref name="Deadline"/> (<paramref name="Count"/> of them for an office).</summary>
    public sealed record Reminder(Audience For, JalaliMonth Period, JalaliDate Deadline, int Count, bool Overdue);

    public async Task<Reminder?> DueAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        var today = JalaliDate.Today(clock);
        var period = today.YearMonth.Previous();
        if (db.Actor.Can(Permission.MonthlyEntry) && db.Actor.UnitId is int agencyId)
        {
            var deadline = period.Next().First.AddDays(options.AgencyDeadlineDay - 1);
            if (!Started(today, deadline)) return null;
            var owes = await ExpectedAgencies.For(db, period).AnyAsync(a => a.Id == agencyId
                && !db.MonthlyReports.Any(r => r.AgencyId == agencyId && r.Period == period.Key && r.SubmittedAt != null), ct);
            return owes ? new Reminder(Audience.Agency, period, deadline, 1, today > deadline) : null;
        }
        if (db.Actor.Can(Permission.MonthlyReview) && db.Actor.UnitId is int officeId)
        {
            var deadline = MonthlyReport.ForwardingDeadline(period);
            if (!Started(today, deadline)) return null;
            var owed = await ExpectedAgencies.For(db, period).CountAsync(a => a.ReviewOfficeId == officeId
                && !db.MonthlyReports.Any(r => r.AgencyId == a.Id && r.Period == period.Key && r.FirstForwardedAt != null), ct);
            return owed > 0 ? new Reminder(Audience.ReviewOffice, period, deadline, owed, today > deadline) : null;
        }
        return null;
    }

    private bool Started(JalaliDate today, JalaliDate deadline) => today >= deadline.AddDays(-options.ReminderDays);
}
