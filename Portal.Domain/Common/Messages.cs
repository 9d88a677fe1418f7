using System.Globalization;
using System.Resources;

namespace Portal.Domain.Common;

/// <summary>
/// Validation texts: Persian in the neutral Messages.resx, English in Messages.en.resx,
/// chosen by <see cref="CultureInfo.CurrentUICulture"/>.
/// </summary>
internal static class Messages
{
    internal static ResourceManager ResourceManager { get; } = new("Portal.Domain.Common.Messages", typeof(Messages).Assembly);

    // A missing key is a build mistake; surface it loudly rather than show an empty error.
    internal static string Get(string name) =>
        ResourceManager.GetString(name, CultureInfo.CurrentUICulture)
        ?? throw new MissingManifestResourceException($"Message '{name}' is missing from Portal.Domain.Common.Messages.");

    internal static string Format(string name, params object[] args) => string.Format(CultureInfo.CurrentCulture, Get(name), args);

    internal static string NationalIdRequired => Get(nameof(NationalIdRequired));
    internal static string NationalIdLength => Get(nameof(NationalIdLength));
    internal static string NationalIdSameDigits => Get(nameof(NationalIdSameDigits));
    internal static string NationalIdCheckDigit => Get(nameof(NationalIdCheckDigit));
    internal static string ShebaRequired => Get(nameof(ShebaRequired));
    internal static string ShebaFormat => Get(nameof(ShebaFormat));
    internal static string ShebaCheckDigits => Get(nameof(ShebaCheckDigits));
    internal static string MobileRequired => Get(nameof(MobileRequired));
    internal static string MobileFormat => Get(nameof(MobileFormat));
    internal static string PostalCodeRequired => Get(nameof(PostalCodeRequired));
    internal static string PostalCodeLength => Get(nameof(PostalCodeLength));
    internal static string PostalCodeSameDigits => Get(nameof(PostalCodeSameDigits));
    internal static string PostalCodeLeadingZero => Get(nameof(PostalCodeLeadingZero));
    internal static string RialRequired => Get(nameof(RialRequired));
    internal static string RialFormat => Get(nameof(RialFormat));
    internal static string RialTooLarge => Get(nameof(RialTooLarge));
    internal static string DateRequired => Get(nameof(DateRequired));
    internal static string DateInvalid => Get(nameof(DateInvalid));
    internal static string MonthInvalid => Get(nameof(MonthInvalid));
}
