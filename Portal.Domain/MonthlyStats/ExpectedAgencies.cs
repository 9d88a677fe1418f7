using System.Linq.Expressions;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.MonthlyStats;

/// <summary>Which agencies owe a month's report, and which of them a follower follows.</summary>
internal static class ExpectedAgencies
{
    /// <summary>
    /// Agencies expected to report for the month: in a province that went live by its last day (from the go-live month
    /// on), and open on at least one day of it (see <see cref="Agency.WasOpenIn"/>).
    /// </summary>
    public static IQueryable<Agency> For(PortalDbContext db, JalaliMonth period) => db.Agencies.Where(In(period, period));

    /// <summary>Expected for some month from <paramref name="first"/> to <paramref name="last"/>; one rule, run by the database or in memory.</summary>
    public static Expression<Func<Agency, bool>> In(JalaliMonth first, JalaliMonth last)
    {
        var (firstDay, lastDay) = (first.First.ToDateOnly(), last.Last.ToDateOnly());
        return a => (a.Status != AgencyStatus.Closed || a.ClosedOn > firstDay) && a.Province!.RolloutWave.GoLiveDate <= lastDay;
    }

    /// <summary>A review office follows only the agencies it serves; the query filters already keep everyone else in their scope.</summary>
    public static IQueryable<Agency> InScope(PortalDbContext db, IQueryable<Agency> agencies)
    {
        if (db.Actor.Role != Roles.ReviewOffice) return agencies;
        var officeId = db.Actor.UnitId;
        return agencies.Where(a => a.ReviewOfficeId == officeId);
    }
}
