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

    /// <summary>
    /// What typed text says as a date, or which message key says what is wrong with it. The one reader of typed dates
    /// (every form, the date box and the sheet imports come here): year, month and day apart by / \ - – — . ٫ or ؍
    /// (any spaces, half-spaces and direction marks around them), or the eight digits «14030101»; any digits.
    /// </summary>
    internal readonly record struct Reading(JalaliDate Date, string? ErrorKey, object[] Args)
    {
        public bool IsDate => ErrorKey is null;

        // Numbers in Persian digits wherever the Persian (neutral) text is read, as typed for an English reader.
        public string Message => Args.Length == 0 ? Messages.Get(ErrorKey!)
            : Messages.Format(ErrorKey!, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "en"
                ? Args.Select(a => a is int n ? TextNormalizer.ToPersianDigits(n.ToString(CultureInfo.InvariantCulture)) : a).ToArray()
                : Args);
    }

    internal static Reading Read(string? text)
    {
        if (TextNormalizer.Normalize(text).Length == 0) return Refused(nameof(Messages.DateRequired));
        var parts = Split(text, 3);
        if (parts is null || parts[0].Length != 4 || parts[1].Length is 0 or > 2 || parts[2].Length is 0 or > 2)
            return Refused(nameof(Messages.DateInvalid));

        int y = int.Parse(parts[0], CultureInfo.InvariantCulture),
            m = int.Parse(parts[1], CultureInfo.InvariantCulture),
            d = int.Parse(parts[2], CultureInfo.InvariantCulture);
        if (y is < MinYear or > MaxYear) return Refused(nameof(Messages.DateInvalid));
        if (m is < 1 or > 12) return Refused("Date.NoSuchMonth", m);
        if (m == 12 && d == 30 && !IsLeapYear(y)) return Refused("Date.NotLeapYear", y);
        var days = DaysInMonth(y, m);
        if (d < 1 || d > days) return Refused("Date.NoSuchDay", new JalaliMonth(y, m).PersianName, days, d, m);
        return new Reading(new JalaliDate(y, m, d), null, []);

        static Reading Refused(string key, params object[] args) => new(default, key, args);
    }

    public static bool TryParse(string? text, out JalaliDate date)
    {
        var reading = Read(text);
        date = reading.Date;
        return reading.IsDate;
    }

    /// <summary>The date, or a <see cref="FormatException"/> whose message says what is wrong with the text.</summary>
    public static JalaliDate Parse(string text)
    {
        var reading = Read(text);
        return reading.IsDate ? reading.Date : throw new FormatException(reading.Message);
    }

    /// <summary>Form-field variant of <see cref="TryParse"/> that carries the message to show: what is wrong, not only the format.</summary>
    public static Checked<JalaliDate> Check(string? input)
    {
        var reading = Read(input);
        return reading.IsDate ? Checked<JalaliDate>.Ok(reading.Date) : Checked<JalaliDate>.Fail(reading.Message);
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

    /// <summary>
    /// Normalises digits and strips spaces, half-spaces and bidi marks, then splits on any date separator; a date may
    /// also be its eight digits. Null unless every part is digits. Commas are no separator: «۱۴۰۳٬۰۱» reads as a number.
    /// </summary>
    internal static string[]? Split(string? text, int count)
    {
        var normalized = TextNormalizer.Normalize(text);
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c is ' ' or '\u200C' or '\u200D' || TextNormalizer.IsBidiMark(c)) continue;
            sb.Append(IsSeparator(c) ? '/' : c);
        }

        var compact = sb.ToString();
        if (count == 3 && compact.Length == 8 && TextNormalizer.IsAsciiDigits(compact)) return [compact[..4], compact[4..6], compact[6..]];
        var parts = compact.Split('/');
        if (parts.Length != count || !parts.All(TextNormalizer.IsAsciiDigits)) return null;
        return parts;
    }

    // ٫ is the Arabic decimal point, ؍ the Arabic date separator; a clerk's 1403.01.01 is as clear as 1403/01/01.
    private static bool IsSeparator(char c) => c is '/' or '\\' or '.' or '\u066B' or '\u060D' || TextNormalizer.IsDash(c);
}
