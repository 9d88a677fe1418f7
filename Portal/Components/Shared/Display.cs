using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Components.Shared;

/// <summary>How numbers and dates read in the current UI language: Persian digits and separators in fa-IR.</summary>
public static class Display
{
    public static bool Persian => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fa";

    /// <summary>The culture the language switch offers: English from Persian and back.</summary>
    public static string OtherCulture => Persian ? "en-US" : "fa-IR";

    /// <summary>
    /// Stored text keeps Latin digits (input is normalised so that search finds "08001" however it was typed);
    /// names and addresses show them as Persian digits to Persian readers.
    /// </summary>
    public static string Text(string? text) => text is null ? "" : Persian ? TextNormalizer.ToPersianDigits(text) : text;

    public static string Number(long n)
    {
        var text = n.ToString("N0", CultureInfo.InvariantCulture);
        return Persian ? TextNormalizer.ToPersianDigits(text).Replace(',', '٬') : text;
    }

    /// <summary>An amount of Rials (۱٬۴۱۷٬۰۰۰٬۰۰۰): the same grouping as every number, named so pages say what they show.</summary>
    public static string Amount(long rials) => Number(rials);

    /// <summary>
    /// A percentage (12.5) with at most one decimal: «۱۲٫۵٪» for a Persian reader (the Persian decimal separator «٫»,
    /// never a full stop between Persian digits), "12.5%" in English.
    /// </summary>
    public static string Percent(double percent)
    {
        var text = Math.Round(percent, 1, MidpointRounding.AwayFromZero).ToString("#,0.#", CultureInfo.InvariantCulture);
        return Persian ? TextNormalizer.ToPersianDigits(text).Replace(',', '٬').Replace('.', '٫') + "٪" : text + "%";
    }

    /// <summary>A rate (0.125) as a percentage (۱۲٫۵٪).</summary>
    public static string Rate(double rate) => Percent(rate * 100);

    /// <summary>A number on a chart's axis or in its tooltip: Persian digits, at most one decimal.</summary>
    public static string ChartValue(double value)
    {
        var text = Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("#,0.#", CultureInfo.InvariantCulture);
        return Persian ? TextNormalizer.ToPersianDigits(text).Replace(',', '٬').Replace('.', '٫') : text;
    }

    public static string Date(DateOnly date)
    {
        var text = JalaliDate.FromDateOnly(date).ToString();
        return Persian ? TextNormalizer.ToPersianDigits(text) : text;
    }

    /// <summary>The Tehran calendar day of an instant.</summary>
    public static string Day(DateTimeOffset at)
    {
        var text = JalaliDate.FromInstant(at).ToString();
        return Persian ? TextNormalizer.ToPersianDigits(text) : text;
    }

    public static string Instant(DateTimeOffset at)
    {
        var local = Tehran.ToLocal(at);
        var date = JalaliDate.FromInstant(at);
        var text = $"{date} {local:HH:mm}";
        return Persian ? TextNormalizer.ToPersianDigits(text) : text;
    }
}
