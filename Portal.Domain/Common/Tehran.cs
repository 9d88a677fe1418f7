namespace Portal.Domain.Common;

/// <summary>Iran's civil time. Offsets come from tzdata, which knows the DST Iran observed until 2022.</summary>
public static class Tehran
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran");

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The first instant of the given civil day in Tehran.</summary>
    public static DateTimeOffset StartOfDay(DateOnly gregorianDate)
    {
        var midnight = gregorianDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        if (Zone.IsInvalidTime(midnight))
        {
            // Iran's clocks used to spring forward at 00:00, so that day began at 01:00;
            // the offset in force just before the gap pins the transition instant.
            var before = Zone.GetUtcOffset(midnight.AddHours(-2));
            var transition = new DateTimeOffset(midnight, before);
            return transition.ToOffset(Zone.GetUtcOffset(transition));
        }

        if (Zone.IsAmbiguousTime(midnight))
        {
            // The earlier of the two instants is the larger offset.
            return new DateTimeOffset(midnight, Zone.GetAmbiguousTimeOffsets(midnight).Max());
        }

        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }
}
