using System.Globalization;

namespace Portal.Domain.Common;

/// <summary>
/// The lengths a typed text may have. The database columns are declared with these (<c>HasMaxLength</c>) and the
/// papers are laid out for them; forms refuse longer text with <c>Field.TooLong</c> rather than cut it.
/// </summary>
public static class TextLength
{
    public const int Code = 20;
    public const int Name = 200;
    public const int Title = 300;
    public const int Address = 500;
    public const int Reason = 1000;
    public const int Notes = 4000;
}

/// <summary>
/// The shared checks of typed input. Each normalises (letter variants, digits, spaces) and refuses with a message that
/// says what is wrong; none changes a value silently.
/// </summary>
public static class Input
{
    /// <summary>Normalised text no longer than <paramref name="maxLength"/>; empty is refused when required.</summary>
    public static Checked<string> Text(string? raw, int maxLength, bool required = true)
    {
        var text = TextNormalizer.Normalize(raw);
        if (text.Length == 0 && required) return Checked<string>.Fail(Messages.Get("Field.Required"));
        return text.Length > maxLength
            ? Checked<string>.Fail(Messages.Format("Field.TooLong", TextNormalizer.ToPersianDigits(maxLength.ToString(CultureInfo.InvariantCulture))))
            : Checked<string>.Ok(text);
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; a sign, a fraction or a value outside is refused.</summary>
    public static Checked<int> WholeNumber(string? raw, int min, int max)
    {
        var text = TextNormalizer.Normalize(raw);
        if (text.Length == 0) return Checked<int>.Fail(Messages.Get("Field.Required"));
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            return Checked<int>.Fail(Messages.Format("Field.Range",
                TextNormalizer.ToPersianDigits(min.ToString(CultureInfo.InvariantCulture)),
                TextNormalizer.ToPersianDigits(max.ToString(CultureInfo.InvariantCulture))));
        return Checked<int>.Ok(n);
    }

    /// <summary>
    /// The Jalali date of something that has happened (a meeting, an attendance, a seizure, a signature): not after
    /// <paramref name="today"/>, Tehran's civil day (<see cref="JalaliDate.Today"/>).
    /// </summary>
    public static Checked<DateOnly> PastDate(string? raw, DateOnly today)
    {
        var reading = JalaliDate.Read(raw);
        if (!reading.IsDate) return Checked<DateOnly>.Fail(reading.Message);
        var date = reading.Date;
        return date.ToDateOnly() > today ? Checked<DateOnly>.Fail(Messages.Get("Date.InFuture")) : Checked<DateOnly>.Ok(date.ToDateOnly());
    }
}
