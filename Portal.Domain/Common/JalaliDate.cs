using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Portal.Domain.Common;

/// <summary>
/// A Solar Hijri (شمسی) calendar date. The primary constructor does not validate so EF can materialise it;
/// code building dates from input should use <see cref="Create"/> or <see cref="TryParse"/>.
/// </summary>
public readonly record struct JalaliDate(int Year, int Month, int Day) : IComparable<JalaliDate>
{
    // Covers 1/01/01 (622-03-22) onwards; 9377 is the last whole year before DateTime.MaxValue.
    internal const int MinYear = 1, MaxYear = 9377;

    internal static readonly PersianCalendar Calendar = new();

    public static JalaliDate Create(int year, int month, int day)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, DaysInMonth(year, month));
        return new JalaliDate(year, month, day);
    }

    public static bool IsValid(int year, int month, int day) =>
        year is >= MinYear and <= MaxYear && month is >= 1 and <= 12 && day >= 1 && day <= DaysInMonth(year, month);

    public static bool IsLeapYear(int year) => Calendar.IsLeapYear(year);

    public static int DaysInMonth(int year, int month) => Calendar.GetDaysInMonth(year, month);

    public static JalaliDate FromDateOnly(DateOnly date) =>
        Converted.TryGetValue(date.DayNumber, out var known) ? known
        : Converted.Count < MaxConverted ? Converted.GetOrAdd(date.DayNumber, static n => Convert(DateOnly.FromDayNumber(n)))
        : Convert(date);

    // PersianCalendar works each date out astronomically, microseconds a call; the eligibility inquiry converts a birth
    // date per son asked about. A date converted once is kept (a century of dates is ~37,000).
    private const int MaxConverted = 200_000;
    private static readonly ConcurrentDictionary<int, JalaliDate> Converted = new();

    private static JalaliDate Convert(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        // Two calendar calls, not three: the first six months have 31 days, the next five 30, Esfand the rest.
        var (year, dayOfYear) = (Calendar.GetYear(dt), Calendar.GetDayOfYear(dt) - 1);
        return dayOfYear < 186
            ? new JalaliDate(year, dayOfYear / 31 + 1, dayOfYear % 31 + 1)
            : new JalaliDate(year, (dayOfYear - 186) / 30 + 7, (dayOfYear - 186) % 30 + 1);
    }

    public DateOnly ToDateOnly() => DateOnly.FromDateTime(Calendar.ToDateTime(Year, Month, Day, 0, 0, 0, 0));

    /// <summary>The date a Tehran wall calendar shows at that instant, whatever the server's time zone.</summary>
    public static JalaliDate FromInstant(DateTimeOffset at) => FromDateOnly(DateOnly.FromDateTime(Tehran.ToLocal(at).DateTime));

    public static JalaliDate Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return FromInstant(clock.GetUtcNow());
    }

    /// <summary>The month this date falls in (named so because <see cref="Month"/> is the month number).</summary>
    public JalaliMonth YearMonth => new(Year, Month);

    /// <summary>00:00 Tehran time on this date (01:00 on the old DST switch-over days).</summary>
    public DateTimeOffset StartInstant => Tehran.StartOfDay(ToDateOnly());

    public JalaliDate AddDays(int days) => FromDateOnly(ToDateOnly().AddDays(days));

    public static bool TryParse(string? text, out JalaliDate date)
    {
        date = default;
        var parts = Split(text, 3);
        if (parts is null || parts[0].Length != 4 || parts[1].Length > 2 || parts[2].Length > 2) return false;

        int y = int.Parse(parts[0], CultureInfo.InvariantCulture),
            m = int.Parse(parts[1], CultureInfo.InvariantCulture),
            d = int.Parse(parts[2], CultureInfo.InvariantCulture);
        if (!IsValid(y, m, d)) return false;

        date = new JalaliDate(y, m, d);
        return true;
    }

    public static JalaliDate Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException(Messages.DateInvalid);

    /// <summary>Form-field variant of <see cref="TryParse"/> that carries the message to show.</summary>
    public static Checked<JalaliDate> Check(string? input)
    {
        if (TextNormalizer.Normalize(input).Length == 0) return Checked<JalaliDate>.Fail(Messages.DateRequired);
        return TryParse(input, out var date) ? Checked<JalaliDate>.Ok(date) : Checked<JalaliDate>.Fail(Messages.DateInvalid);
    }

    public int CompareTo(JalaliDate other)
    {
        var c = Year.CompareTo(other.Year);
        if (c != 0) return c;
        c = Month.CompareTo(other.Month);
        return c != 0 ? c : Day.CompareTo(other.Day);
    }

    public static bool operator <(JalaliDate a, JalaliDate b) => a.CompareTo(b) < 0;
    public static bool operator >(JalaliDate a, JalaliDate b) => a.CompareTo(b) > 0;
    public static bool operator <=(JalaliDate a, JalaliDate b) => a.CompareTo(b) <= 0;
    public static bool operator >=(JalaliDate a, JalaliDate b) => a.CompareTo(b) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}/{Month:00}/{Day:00}");

    public string ToPersianString() => TextNormalizer.ToPersianDigits(ToString());

    public string ToLongPersianString() =>
        TextNormalizer.ToPersianDigits(Day.ToString(CultureInfo.InvariantCulture)) + " " + YearMonth.ToPersianString();

    /// <summary>Normalises digits and strips spaces and bidi marks, then splits on / or -; null unless every part is digits.</summary>
    internal static string[]? Split(string? text, int count)
    {
        var normalized = TextNormalizer.Normalize(text);
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c == ' ' || TextNormalizer.IsBidiMark(c)) continue;
            sb.Append(c);
        }

        var parts = sb.ToString().Split('/', '-');
        if (parts.Length != count || !parts.All(TextNormalizer.IsAsciiDigits)) return null;
        return parts;
    }
}
