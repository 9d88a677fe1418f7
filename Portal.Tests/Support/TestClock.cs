using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Common;

namespace Portal.Tests.Support;

/// <summary>
/// The tests' one clock: Microsoft's <see cref="FakeTimeProvider"/>, stopped at an instant and moved only by the test
/// (<c>Advance</c>, <c>SetUtcNow</c>), so "today", deadlines and the open months are deterministic.
/// </summary>
internal static class TestClock
{
    public static FakeTimeProvider StoppedAt(DateTimeOffset instant) => new(instant.ToUniversalTime());

    public static FakeTimeProvider StoppedAt(JalaliDate day, int hour = 0, int minute = 0, int second = 0) => StoppedAt(At(day, hour, minute, second));

    /// <summary>The instant at the given Tehran wall-clock time of a Jalali day.</summary>
    public static DateTimeOffset At(JalaliDate day, int hour = 0, int minute = 0, int second = 0) =>
        day.StartInstant.AddHours(hour).AddMinutes(minute).AddSeconds(second);
}
