using System.Security.Cryptography;
using System.Text;
using Portal.Domain.Common;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.Eligibility;

/// <summary>
/// A medical centre's key to the inquiry API. Only its SHA-256 is kept; the key itself is shown once, when issued. The
/// prefix (the first characters) lets people tell their keys apart on the page.
/// </summary>
public sealed class InquiryApiKey : IScoped, IAudited
{
    public const string Header = "X-Api-Key";
    private const string Lead = "elg_";

    public int Id { get; private set; }
    public int CentreId { get; private set; }
    public int ProvinceId { get; private set; }
    public string Prefix { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }
    public string IssuedBy { get; private set; } = "";
    public DateTimeOffset? RevokedAt { get; private set; }

    private InquiryApiKey() { }

    /// <summary>A new key for <paramref name="centre"/>; the returned secret is never stored.</summary>
    public static (InquiryApiKey Key, string Secret) Issue(MedicalCenter centre, string by, DateTimeOffset at)
    {
        var secret = Lead + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var key = new InquiryApiKey
        {
            CentreId = centre.Id, ProvinceId = centre.ProvinceId!.Value, Prefix = secret[..12], Hash = HashOf(secret), IssuedAt = at, IssuedBy = by,
        };
        return (key, secret);
    }

    public void Revoke(DateTimeOffset at)
    {
        if (RevokedAt is not null) throw DomainException.Of("Eligibility.KeyRevoked");
        RevokedAt = at;
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
