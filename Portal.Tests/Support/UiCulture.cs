using System.Globalization;

namespace Portal.Tests.Support;

/// <summary>Sets CurrentUICulture for one test and restores it, since messages depend on it.</summary>
internal sealed class UiCulture : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

    private UiCulture(string name) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

    public static UiCulture Persian() => new("fa-IR");
    public static UiCulture English() => new("en-US");

    public void Dispose() => CultureInfo.CurrentUICulture = _previous;
}
