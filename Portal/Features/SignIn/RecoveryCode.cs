using Portal.Domain.Common;

namespace Portal.Features.SignIn;

/// <summary>A recovery code as typed: Persian digits, spaces, a lower case or a missing dash still match Identity's «XXXXX-XXXXX».</summary>
public static class RecoveryCode
{
    public static string Normalize(string? typed)
    {
        var code = TextNormalizer.DigitsOnly(typed).ToUpperInvariant();
        return code.Length == 10 ? $"{code[..5]}-{code[5..]}" : code;
    }
}
