using System.Security.Cryptography;

namespace Portal.Domain.Common;

/// <summary>The random code a paper's QR code carries (contracts, offset cover letters): hard to guess, easy to read aloud (no 0/O or 1/I).</summary>
public static class VerificationCodes
{
    public const int Length = 16;
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>A code as scanned or typed (any case, Persian digits), or null when it cannot be one.</summary>
    public static string? Read(string? typed) =>
        TextNormalizer.Normalize(typed).ToUpperInvariant() is { Length: Length } code ? code : null;
}
