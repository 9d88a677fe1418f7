using System.Globalization;

namespace Portal.Domain.Common;

/// <summary>A Solar Hijri year and month, the unit of monthly reports and contributions.</summary>
public readonly record struct JalaliMonth(int Year, int Month) : IComparable<JalaliMonth>
{
    private static readonly string[] PersianNames =
        ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"];

    private static readonly string[] EnglishNames =
        ["Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand"];

    public static JalaliMonth Create(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, JalaliDate.MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, JalaliDate.MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return new JalaliMonth(year, month);
    }

    public static JalaliMonth Of(DateTimeOffset instant) => JalaliDate.FromInstant(instant).YearMonth;

    /// <summary>Sortable integer such as 140307, handy as a database column or dictionary key.</summary>
    public int Key => Year * 100 + Month;

    public static JalaliMonth FromKey(int key) => new(key / 100, key % 100);

    public int Days => JalaliDate.DaysInMonth(Year, Month);
    public JalaliDate First => new(Year, Month, 1);
    public JalaliDate Last => new(Year, Month, Days);

    public DateTimeOffset StartInstant => First.StartInstant;

    /// <summary>Exclusive end, so range queries read <c>start &lt;= t &amp;&amp; t &lt; end</c> with no gap at midnight.</summary>
    public DateTimeOffset EndInstant => Next().StartInstant;

    public JalaliMonth Next() => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);
    public JalaliMonth AddMonths(int months)
    {
        var index = Year * 12 + (Month - 1) + months;
        return Create(index / 12, index % 12 + 1);
    }

    public JalaliMonth Previous() => Month == 1 ? new(Year - 1, 12) : new(Year, Month - 1);

    public string PersianName => PersianNames[Month - 1];
    public string EnglishName => EnglishNames[Month - 1];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}/{Month:00}");

    public string ToPersianString() => PersianName + " " + TextNormalizer.ToPersianDigits(Year.ToString(CultureInfo.InvariantCulture));

    /// <summary>Accepts 1403/07, 1403/7, 1403-07 and Persian or Arabic digits.</summary>
    public static bool TryParse(string? text, out JalaliMonth month)
    {
        month = default;
        var parts = JalaliDate.Split(text, 2);
        if (parts is null || parts[0].Length != 4 || parts[1].Length > 2) return false;

        int y = int.Parse(parts[0], CultureInfo.InvariantCulture), m = int.Parse(parts[1], CultureInfo.InvariantCulture);
        if (y is < JalaliDate.MinYear or > JalaliDate.MaxYear || m is < 1 or > 12) return false;

        month = new JalaliMonth(y, m);
        return true;
    }

    public static JalaliMonth Parse(string text) =>
        TryParse(text, out var month) ? month : throw new FormatException(Messages.MonthInvalid);

    public int CompareTo(JalaliMonth other) => Key.CompareTo(other.Key);

    public static bool operator <(JalaliMonth a, JalaliMonth b) => a.CompareTo(b) < 0;
    public static bool operator >(JalaliMonth a, JalaliMonth b) => a.CompareTo(b) > 0;
    public static bool operator <=(JalaliMonth a, JalaliMonth b) => a.CompareTo(b) <= 0;
    public static bool operator >=(JalaliMonth a, JalaliMonth b) => a.CompareTo(b) >= 0;
}
