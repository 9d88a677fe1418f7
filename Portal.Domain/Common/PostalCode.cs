namespace Portal.Domain.Common;

/// <summary>Iranian postal code (کد پستی): 10 digits.</summary>
public static class PostalCode
{
    public static Checked<string> Check(string? input)
    {
        var digits = TextNormalizer.DigitsOnly(input);
        if (digits.Length == 0) return Checked<string>.Fail(Messages.PostalCodeRequired);
        if (digits.Length != 10 || !TextNormalizer.IsAsciiDigits(digits)) return Checked<string>.Fail(Messages.PostalCodeLength);
        if (TextNormalizer.AllSameDigit(digits)) return Checked<string>.Fail(Messages.PostalCodeSameDigits);
        if (digits[0] == '0') return Checked<string>.Fail(Messages.PostalCodeLeadingZero);
        return Checked<string>.Ok(digits);
    }

    public static bool IsValid(string? input) => Check(input).IsValid;
}
