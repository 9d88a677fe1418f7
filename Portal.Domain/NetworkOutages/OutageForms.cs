using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.NetworkOutages;

/// <summary>
/// The instant of a Jalali date and a clock time typed as Tehran's wall clock («1405/08/12» and «08:30», any digits):
/// what happened at the branch, so never in the future. Each problem is named on its own field.
/// </summary>
public static class OutageTime
{
    /// <summary>The instant, or null with the message(s) added to <paramref name="errors"/> under the two fields' names.</summary>
    public static DateTimeOffset? Read(string? date, string? time, DateTimeOffset now, string dateField, string timeField, IDictionary<string, string> errors)
    {
        var day = Input.PastDate(date, JalaliDate.FromInstant(now).ToDateOnly());
        if (!day.IsValid) errors[dateField] = day.Error!;
        var clock = Clock(time);
        if (!clock.IsValid) errors[timeField] = clock.Error!;
        if (!day.IsValid || !clock.IsValid) return null;
        if (Instant(day.Value, clock.Value) is not { } at)
        {
            errors[timeField] = Messages.Get("Outages.TimeInvalid");
            return null;
        }
        if (at > now)
        {
            errors[timeField] = Messages.Get("Outages.TimeInFuture");
            return null;
        }
        return at;
    }

    /// <summary>«8:30», «08:30», «۰۸:۳۰» or «08.30»: hours 0–23 and minutes 0–59.</summary>
    public static Checked<TimeOnly> Clock(string? raw)
    {
        var text = TextNormalizer.Normalize(raw).Replace(" ", "", StringComparison.Ordinal);
        if (text.Length == 0) return Checked<TimeOnly>.Fail(Messages.Get("Field.Required"));
        var parts = text.Split([':', '.', '٫', '：'], StringSplitOptions.None);
        if (parts.Length == 2 && parts[0].Length is 1 or 2 && parts[1].Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h < 24
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m < 60)
            return Checked<TimeOnly>.Ok(new TimeOnly(h, m));
        return Checked<TimeOnly>.Fail(Messages.Get("Outages.TimeInvalid"));
    }

    /// <summary>The instant Tehran's clocks showed <paramref name="time"/> on <paramref name="day"/>; null for a time the clocks skipped (the old DST).</summary>
    public static DateTimeOffset? Instant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (Tehran.Zone.IsInvalidTime(local)) return null;
        var offset = Tehran.Zone.IsAmbiguousTime(local) ? Tehran.Zone.GetAmbiguousTimeOffsets(local).Max() : Tehran.Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The date and the time as the forms show them («1405/08/12», «08:30»), Tehran's wall clock.</summary>
    public static (string Date, string Time) Text(DateTimeOffset at) =>
        (JalaliDate.FromInstant(at).ToString(), Tehran.ToLocal(at).ToString("HH:mm", CultureInfo.InvariantCulture));
}

/// <summary>What the branch's data-processing unit types to record an outage; an end given with it records it resolved.</summary>
public sealed class OutageForm
{
    public string? StartDate { get; set; }
    public string? StartTime { get; set; }
    public OutageCause? Cause { get; set; }
    public string? Description { get; set; }
    public string? SupportReference { get; set; }
    public string? EndDate { get; set; }
    public string? EndTime { get; set; }

    public sealed record Valid(DateTimeOffset StartedAt, OutageCause Cause, string Description, string? SupportReference, DateTimeOffset? EndedAt);

    public (Valid? Value, Dictionary<string, string> Errors) Validate(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string>();
        var start = OutageTime.Read(StartDate, StartTime, now, nameof(StartDate), nameof(StartTime), errors);
        DateTimeOffset? end = null;
        if (!string.IsNullOrWhiteSpace(EndDate) || !string.IsNullOrWhiteSpace(EndTime))
        {
            end = OutageTime.Read(EndDate, EndTime, now, nameof(EndDate), nameof(EndTime), errors);
            if (end < start) errors[nameof(EndTime)] = Messages.Get("Outages.EndsBeforeStart");
        }
        if (Cause is not { } cause || !Enum.IsDefined(cause)) errors[nameof(Cause)] = Messages.Get("Field.Required");
        var description = Input.Text(Description, NetworkOutage.DescriptionMaxLength);
        if (!description.IsValid) errors[nameof(Description)] = description.Error!;
        var reference = Input.Text(SupportReference, NetworkOutage.ReferenceMaxLength, required: false);
        if (!reference.IsValid) errors[nameof(SupportReference)] = reference.Error!;
        if (errors.Count > 0) return (null, errors);
        return (new Valid(start!.Value, Cause!.Value, description.Value!, reference.Value is { Length: > 0 } r ? r : null, end), errors);
    }
}

/// <summary>A follow-up: what was done or heard, and the support company's reference when it gave a (new) one.</summary>
public sealed class FollowUpForm
{
    public string? Note { get; set; }
    public string? SupportReference { get; set; }

    public sealed record Valid(string Note, string? SupportReference);

    public (Valid? Value, Dictionary<string, string> Errors) Validate()
    {
        var errors = new Dictionary<string, string>();
        var note = Input.Text(Note, NetworkOutage.NoteMaxLength);
        if (!note.IsValid) errors[nameof(Note)] = note.Error!;
        var reference = Input.Text(SupportReference, NetworkOutage.ReferenceMaxLength, required: false);
        if (!reference.IsValid) errors[nameof(SupportReference)] = reference.Error!;
        return errors.Count > 0 ? (null, errors) : (new Valid(note.Value!, reference.Value is { Length: > 0 } r ? r : null), errors);
    }
}

/// <summary>The link is back: when (not before the start, not in the future) and, if the user says, what fixed it.</summary>
public sealed class ResolveForm
{
    public string? EndDate { get; set; }
    public string? EndTime { get; set; }
    public string? Note { get; set; }

    public sealed record Valid(DateTimeOffset EndedAt, string? Note);

    public (Valid? Value, Dictionary<string, string> Errors) Validate(DateTimeOffset startedAt, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string>();
        var end = OutageTime.Read(EndDate, EndTime, now, nameof(EndDate), nameof(EndTime), errors);
        if (end < startedAt) errors[nameof(EndTime)] = Messages.Get("Outages.EndsBeforeStart");
        var note = Input.Text(Note, NetworkOutage.NoteMaxLength, required: false);
        if (!note.IsValid) errors[nameof(Note)] = note.Error!;
        return errors.Count > 0 ? (null, errors) : (new Valid(end!.Value, note.Value is { Length: > 0 } n ? n : null), errors);
    }
}
