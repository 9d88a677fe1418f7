namespace Portal.Domain.Common;

/// <summary>Iranian mobile number, stored as 09xxxxxxxxx.</summary>
public static class Mobile
{
    public static Checked<string> Check(string? input)
    {
        var text = TextNormalizer.DigitsOnly(input).Replace("(", "").Replace(")", "");
        if (text.Length == 0) return Checked<string>.Fail(Messages.MobileRequired);

        if (text.StartsWith("+98", StringComparison.Ordinal)) text = text[3..];
        else if (text.StartsWith("0098", StringComparison.Ordinal)) text = text[4..];
        else if (text.StartsWith("98", StringComparison.Ordinal) && text.Length == 12) text = text[2..];

        // People keep the trunk 0 after the country code (+98 0912…); that leaves 09… which is fine.
        if (text.Length == 10 && text[0] == '9') text = "0" + text;

        return text.Length == 11 && text.StartsWith("09", StringComparison.Ordinal) && TextNormalizer.IsAsciiDigits(text)
            ? Checked<string>.Ok(text)
            : Checked<string>.Fail(Messages.MobileFormat);
    }

    public static bool IsValid(string? input) => Check(input).IsValid;
}
