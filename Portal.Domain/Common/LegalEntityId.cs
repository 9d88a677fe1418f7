namespace Portal.Domain.Common;

/// <summary>
/// An Iranian legal entity's national ID (شناسه ملی): 11 digits, the last a check digit weighted by the tenth digit
/// plus two (the Companies Registration Office's algorithm).
/// </summary>
public static class LegalEntityId
{
    private static readonly int[] Weights = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17];

    /// <returns>The 11-digit ASCII form on success.</returns>
    public static Checked<string> Check(string? input)
    {
        var digits = TextNormalizer.DigitsOnly(input);
        if (digits.Length != 11 || !TextNormalizer.IsAsciiDigits(digits)) return Checked<string>.Fail(Messages.Get("LegalEntityId.Length"));
        return digits[10] - '0' == CheckDigit(digits) ? Checked<string>.Ok(digits) : Checked<string>.Fail(Messages.Get("LegalEntityId.CheckDigit"));
    }

    /// <summary>A person's 10-digit national ID or a company's 11-digit one, whichever was typed.</summary>
    public static Checked<string> CheckPersonOrCompany(string? input) =>
        TextNormalizer.DigitsOnly(input).Length == 11 ? Check(input) : NationalId.Check(input);

    /// <summary>Appends the check digit to a 10-digit body.</summary>
    public static string WithCheckDigit(string tenDigits)
    {
        if (tenDigits is not { Length: 10 } || !TextNormalizer.IsAsciiDigits(tenDigits)) throw new ArgumentException("Expected exactly 10 ASCII digits.", nameof(tenDigits));
        return tenDigits + (char)('0' + CheckDigit(tenDigits));
    }

    private static int CheckDigit(string digits)
    {
        var bias = digits[9] - '0' + 2;
        var r = Enumerable.Range(0, 10).Sum(i => (digits[i] - '0' + bias) * Weights[i]) % 11;
        return r == 10 ? 0 : r;
    }
}
