namespace Portal.Domain.Common;

/// <summary>Iranian national ID (کد ملی): 10 digits, the last a mod-11 check digit.</summary>
public static class NationalId
{
    /// <returns>The 10-digit ASCII form on success.</returns>
    public static Checked<string> Check(string? input)
    {
        var digits = TextNormalizer.DigitsOnly(input);
        if (digits.Length == 0) return Checked<string>.Fail(Messages.NationalIdRequired);
        if (!TextNormalizer.IsAsciiDigits(digits)) return Checked<string>.Fail(Messages.NationalIdLength);

        // Spreadsheets drop leading zeros, so old exports hold 8 or 9 digits.
        if (digits.Length is 8 or 9) digits = digits.PadLeft(10, '0');
        if (digits.Length != 10) return Checked<string>.Fail(Messages.NationalIdLength);

        // These pass the checksum but are never issued.
        if (TextNormalizer.AllSameDigit(digits)) return Checked<string>.Fail(Messages.NationalIdSameDigits);

        return digits[9] - '0' == CheckDigit(digits)
            ? Checked<string>.Ok(digits)
            : Checked<string>.Fail(Messages.NationalIdCheckDigit);
    }

    public static bool IsValid(string? input) => Check(input).IsValid;

    /// <summary>Appends the check digit to a 9-digit body.</summary>
    public static string WithCheckDigit(string nineDigits)
    {
        ArgumentNullException.ThrowIfNull(nineDigits);
        if (nineDigits.Length != 9 || !TextNormalizer.IsAsciiDigits(nineDigits))
            throw new ArgumentException("Expected exactly 9 ASCII digits.", nameof(nineDigits));
        return nineDigits + (char)('0' + CheckDigit(nineDigits));
    }

    private static int CheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (digits[i] - '0') * (10 - i);
        var r = sum % 11;
        return r < 2 ? r : 11 - r;
    }
}
