using System.Globalization;
using MudBlazor;
using Portal.Domain.Common;

namespace Portal.Components.Shared;

/// <summary>How <see cref="JalaliDateField"/> reads and writes a date: the Persian calendar, any digits, one canonical text.</summary>
public static class JalaliDateText
{
    /// <summary>fa-IR on the Persian calendar: the picker's month names, week and year are the Jalali ones for every reader.</summary>
    public static readonly CultureInfo Culture = Create();

    public static readonly IReversibleConverter<DateTime?, string?> Converter = new JalaliConverter();

    private static CultureInfo Create()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("fa-IR").Clone();
        if (culture.DateTimeFormat.Calendar is not PersianCalendar) culture.DateTimeFormat.Calendar = new PersianCalendar();
        // The calendar's column heads: «ش ی د …», as on a Persian wall calendar; whole names do not fit seven abreast.
        culture.DateTimeFormat.AbbreviatedDayNames = ["ی", "د", "س", "چ", "پ", "ج", "ش"]; // Sunday first, as .NET orders them
        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>
    /// Typed text as the form keeps it: a readable date as "1403/05/02" (whatever <see cref="JalaliDate.TryParse"/> reads:
    /// any digits, one-digit months and days, '-', '–', '.' or '/' between the parts, «14030101»), empty as null,
    /// anything else trimmed with its digits made Latin.
    /// </summary>
    public static string? Normalise(string? text)
    {
        var trimmed = TextNormalizer.Normalize(text);
        if (trimmed.Length == 0) return null;
        return JalaliDate.TryParse(trimmed, out var date) ? date.ToString() : trimmed;
    }

    /// <summary>What is wrong with typed text that is no date (month 13, Esfand 30 of a common year, the format), or null.</summary>
    public static string? Problem(string? text) => text is null ? null : JalaliDate.Check(text).Error;

    /// <summary>The date the text names (midnight, for MudBlazor's DateTime), or null.</summary>
    public static DateTime? ToDateTime(string? text) =>
        text is not null && JalaliDate.TryParse(Normalise(text), out var date) ? date.ToDateOnly().ToDateTime(TimeOnly.MinValue) : null;

    private sealed class JalaliConverter : IReversibleConverter<DateTime?, string?>
    {
        public string? Convert(DateTime? input) =>
            input is { } d ? Display.Text(JalaliDate.FromDateOnly(DateOnly.FromDateTime(d)).ToString()) : null;

        public DateTime? ConvertBack(string? input) =>
            string.IsNullOrWhiteSpace(input) ? null
            : JalaliDate.Parse(Normalise(input)!).ToDateOnly().ToDateTime(TimeOnly.MinValue); // a FormatException with the Persian message
    }
}
