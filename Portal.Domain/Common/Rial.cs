using System.Globalization;
using System.Text;

namespace Portal.Domain.Common;

/// <summary>An amount in whole Rials. Integer only: money must never pick up floating-point error.</summary>
public readonly record struct Rial(long Value) : IComparable<Rial>
{
    public static Rial Zero => default;

    public static Rial operator +(Rial a, Rial b) => new(checked(a.Value + b.Value));
    public static Rial operator -(Rial a, Rial b) => new(checked(a.Value - b.Value));

    public static bool operator <(Rial a, Rial b) => a.Value < b.Value;
    public static bool operator >(Rial a, Rial b) => a.Value > b.Value;
    public static bool operator <=(Rial a, Rial b) => a.Value <= b.Value;
    public static bool operator >=(Rial a, Rial b) => a.Value >= b.Value;

    public int CompareTo(Rial other) => Value.CompareTo(other.Value);

    /// <summary>Latin digits with comma grouping, e.g. 1,234,567 (for logs and exports).</summary>
    public override string ToString() => Value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Persian digits with the Arabic thousands separator, e.g. ۱٬۲۳۴٬۵۶۷ ریال.</summary>
    public string ToPersianString() => TextNormalizer.ToPersianDigits(ToString().Replace(',', '\u066C')) + " ریال";

    /// <summary>Parses what a user typed into an amount field.</summary>
    public static Checked<Rial> Check(string? input)
    {
        var normalized = TextNormalizer.Normalize(input);
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c == ' ' || TextNormalizer.IsThousandsSeparator(c) || TextNormalizer.IsBidiMark(c)) continue;
            sb.Append(c);
        }
        var digits = sb.ToString();

        if (digits.Length == 0) return Checked<Rial>.Fail(Messages.RialRequired);
        // Signs and decimal points fall out here: only digits remain acceptable.
        if (!TextNormalizer.IsAsciiDigits(digits)) return Checked<Rial>.Fail(Messages.RialFormat);

        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? Checked<Rial>.Ok(new Rial(value))
            : Checked<Rial>.Fail(Messages.RialTooLarge);
    }
}
