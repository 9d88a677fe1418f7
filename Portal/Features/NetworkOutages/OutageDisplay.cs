using Microsoft.Extensions.Localization;
using Portal.Components.Shared;

namespace Portal.Features.NetworkOutages;

/// <summary>How long an outage lasted, in the reader's words: «۲ روز و ۳ ساعت», «۴ ساعت و ۱۰ دقیقه», «۲۵ دقیقه».</summary>
public static class OutageDisplay
{
    public static string Duration(IStringLocalizer L, TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        var parts = new List<string>();
        if (span.Days > 0) parts.Add(string.Format(L["Outages.Days"], Display.Number(span.Days)));
        if (span.Hours > 0) parts.Add(string.Format(L["Outages.HoursPart"], Display.Number(span.Hours)));
        if (span.Days == 0 && (span.Minutes > 0 || parts.Count == 0)) parts.Add(string.Format(L["Outages.Minutes"], Display.Number(span.Minutes)));
        return string.Join(L["Outages.And"], parts);
    }

    /// <summary>Hours with one decimal («۱۲٫۵»).</summary>
    public static string Hours(double hours) => Display.ChartValue(hours);
}
