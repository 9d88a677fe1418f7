using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Data;

namespace Portal.Tests.MonthlyStats;

/// <summary>A clock standing at one instant, for the monthly rules that depend on Tehran's calendar.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>The instant at the given Tehran wall-clock time of a Jalali day.</summary>
    public static DateTimeOffset At(JalaliDate day, int hour = 0, int minute = 0, int second = 0) =>
        day.StartInstant.AddHours(hour).AddMinutes(minute).AddSeconds(second);
}

public static class MonthlyClock
{
    /// <summary>A domain service of the real app acting as a demo user, reading the given clock instead of the system's.</summary>
    public static async Task<T> AsAtAsync<T>(this PortalFactory factory, string userName, TimeProvider clock) where T : class
    {
        var user = new ActingAs(await Acting.ActorAsync(factory, userName));
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        return ActivatorUtilities.CreateInstance<T>(factory.Services, new PortalDb(contexts, user), clock);
    }
}
