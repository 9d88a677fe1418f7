namespace Portal.Domain.Common;

/// <summary>Iranian IBAN (شماره شبا): IR, two check digits, 22 digits of bank code and account.</summary>
public static class Sheba
{
    /// <returns>The 26-character upper-case <c>IR…</c> form on success.</returns>
    public static Checked<string> Check(string? input)
    {
        var text = TextNormalizer.DigitsOnly(input).ToUpperInvariant();
        if (text.Length == 0) return Checked<string>.Fail(Messages.ShebaRequired);

        // Forms often print IR as a fixed label, so users type only the digits.
        if (text.Length == 24 && TextNormalizer.IsAsciiDigits(text)) text = "IR" + text;

        if (text.Length != 26 || !text.StartsWith("IR", StringComparison.Ordinal) || !TextNormalizer.IsAsciiDigits(text[2..]))
            return Checked<string>.Fail(Messages.ShebaFormat);

        return Mod97(text[4..] + text[..4]) == 1
            ? Checked<string>.Ok(text)
            : Checked<string>.Fail(Messages.ShebaCheckDigits);
    }

    public static bool IsValid(string? input) => Check(input).IsValid;

    /// <summary>Builds a valid Sheba from a 3-digit bank code (e.g. 062) and a 19-digit account part.</summary>
    public static string Create(string bankCode3, string account19)
    {
        ArgumentNullException.ThrowIfNull(bankCode3);
        ArgumentNullException.ThrowIfNull(account19);
        if (bankCode3.Length != 3 || !TextNormalizer.IsAsciiDigits(bankCode3))
            throw new ArgumentException("Expected exactly 3 ASCII digits.", nameof(bankCode3));
        if (account19.Length != 19 || !TextNormalizer.IsAsciiDigits(account19))
            throw new ArgumentException("Expected exactly 19 ASCII digits.", nameof(account19));

        var bban = bankCode3 + account19;
        var check = 98 - Mod97(bban + "IR00");
        return $"IR{check:00}{bban}";
    }

    // ISO 7064 MOD 97-10, one character at a time so the 30-digit number never has to exist.
    private static int Mod97(string text)
    {
        var remainder = 0;
        foreach (var c in text)
        {
            remainder = c is >= 'A' and <= 'Z'
                ? (remainder * 100 + (c - 'A' + 10)) % 97
                : (remainder * 10 + (c - '0')) % 97;
        }
        return remainder;
    }

    /// <summary>A stored Sheba in groups of four as printed on bank papers (IR12 3456 …); null stays null.</summary>
    public static string? Format(string? sheba) =>
        sheba is null ? null : string.Join(' ', sheba.Chunk(4).Select(c => new string(c)));
}
