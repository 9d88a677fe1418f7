using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Components.Shared;

/// <summary>How numbers and dates read in the current UI language: Persian digits and separators in fa-IR.</summary>
public static class Display
{
    public static bool Persian => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fa";

    /// <summary>The culture the language switch offers: English from Persian and back.</summary>
    public static string OtherCulture => Persian ? "en-US" : "fa-IR";

    public static string Number(long n)
    {
        var text = n.ToString("N0", CultureInfo.InvariantCulture);
        return Persian ? TextNormalizer.ToPersianDigits(text).Replace(',', '٬') : text;
    }

    public static string Date(DateOnly date)
    {
        var text = JalaliDate.FromDateOnly(date).ToString();
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
