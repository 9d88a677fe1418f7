namespace Portal;

/// <summary>Marker for the portal's UI strings: Resources/Strings.resx (Persian, the default) and Strings.en.resx.</summary>
public sealed class Strings;
