using System.Globalization;

namespace Portal.Tests.Support;

/// <summary>
/// Sets the culture for one test and restores it on dispose. <see cref="Persian"/> and <see cref="English"/> set both
/// CurrentCulture and CurrentUICulture (the layout's direction, strings and digits follow them); the <c>…Messages</c>
/// scopes set only CurrentUICulture, for a message's language without touching how numbers and dates format.
/// </summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    private CultureScope(CultureInfo culture, bool messagesOnly)
    {
        if (!messagesOnly) CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public static CultureScope Persian() => new(CultureInfo.GetCultureInfo("fa-IR"), messagesOnly: false);
    public static CultureScope English() => new(CultureInfo.GetCultureInfo("en-US"), messagesOnly: false);

    public static CultureScope PersianMessages() => new(CultureInfo.GetCultureInfo("fa-IR"), messagesOnly: true);
    public static CultureScope EnglishMessages() => new(CultureInfo.GetCultureInfo("en-US"), messagesOnly: true);
    public static CultureScope InvariantMessages() => new(CultureInfo.InvariantCulture, messagesOnly: true);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
