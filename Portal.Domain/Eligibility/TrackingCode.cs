using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.Eligibility;

/// <summary>
/// An inquiry's tracking code: 12 digits, the last a Verhoeff check digit, which catches every single mistyped digit and
/// every swap of two neighbouring digits, so the call centre finds out at once when a code was misread. The first 11
/// digits are the inquiry's number in the log run through a fixed permutation of 0…10¹¹−1: unique as the number is,
/// without telling how many inquiries came before, and turned back into the number to find the inquiry.
/// </summary>
public static class TrackingCode
{
    public const int Length = 12;
    private const long Space = 100_000_000_000; // 10^11
    // Odd and not a multiple of 5: coprime with 10^11, so n ↦ (n·A + B) mod 10^11 is a bijection.
    private const long Multiplier = 61_803_398_873;
    private const long Offset = 27_182_818_284;
    private const long InverseMultiplier = 90_926_872_937; // Multiplier · InverseMultiplier ≡ 1 (mod 10^11)

    public static string FromSequence(long sequence)
    {
        if (sequence is < 0 or >= Space) throw new ArgumentOutOfRangeException(nameof(sequence));
        var body = (long)(((Int128)sequence * Multiplier + Offset) % Space);
        var digits = body.ToString("00000000000", CultureInfo.InvariantCulture);
        return digits + (char)('0' + CheckDigit(digits));
    }

    /// <summary>The sequence number a (checked, <see cref="Check"/>) code was made from.</summary>
    public static long ToSequence(string code)
    {
        var body = long.Parse(code.AsSpan(0, Length - 1), CultureInfo.InvariantCulture);
        return (long)((((Int128)body - Offset + Space) % Space * InverseMultiplier) % Space);
    }

    /// <summary>The code in its 12 ASCII digits when it is well formed and its check digit agrees; Persian digits and spaces are accepted.</summary>
    public static Checked<string> Check(string? input)
    {
        var digits = TextNormalizer.DigitsOnly(input);
        if (digits.Length != Length || !TextNormalizer.IsAsciiDigits(digits)) return Checked<string>.Fail(Messages.Get("Eligibility.TrackingCodeLength"));
        return Verhoeff(digits) == 0 ? Checked<string>.Ok(digits) : Checked<string>.Fail(Messages.Get("Eligibility.TrackingCodeMistyped"));
    }

    private static int CheckDigit(string body)
    {
        var c = 0;
        for (var i = 0; i < body.Length; i++) c = D[c, P[(i + 1) % 8, body[body.Length - 1 - i] - '0']];
        return Inv[c];
    }

    private static int Verhoeff(string digits)
    {
        var c = 0;
        for (var i = 0; i < digits.Length; i++) c = D[c, P[i % 8, digits[digits.Length - 1 - i] - '0']];
        return c;
    }

    private static readonly int[,] D =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 }, { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 }, { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 },
        { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 }, { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 }, { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 },
        { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 }, { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
    };

    private static readonly int[,] P =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 }, { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 }, { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 },
        { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 }, { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 }, { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 },
    };

    private static readonly int[] Inv = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];
}
