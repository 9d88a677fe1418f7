using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Portal.Domain.Data;

namespace Portal.Hosting;

/// <summary>
/// The keys that sign the portal's cookies and antiforgery tokens live in its database (so every server behind a
/// balancer shares them). Anyone who reads that table could forge a sign-in, so in the database each key is encrypted
/// with a certificate (<c>DataProtection:CertificatePath</c>, a PFX with its private key, and
/// <c>DataProtection:CertificatePassword</c>). Certificates that protected older keys stay readable through
/// <c>DataProtection:PreviousCertificatePaths</c> (same password) while those keys are still in use.
/// </summary>
public static class KeyProtection
{
    public const string Section = "DataProtection";

    public static void AddPortalDataProtection(this IServiceCollection services, IConfiguration config)
    {
        var keys = services.AddDataProtection().PersistKeysToDbContext<PortalDbContext>().SetApplicationName("SocialSecurityPortal");
        if (Certificate(config, config[$"{Section}:CertificatePath"]) is not { } current) return;
        keys.ProtectKeysWithCertificate(current);
        var previous = (config.GetSection($"{Section}:PreviousCertificatePaths").Get<string[]>() ?? [])
            .Select(path => Certificate(config, path)!).ToArray();
        keys.UnprotectKeysWithAnyCertificate([current, .. previous]);
    }

    /// <summary>Why the portal may not start with these settings, or null. Outside Production the keys may stay unencrypted (the framework warns).</summary>
    public static string? Refusal(IConfiguration config, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(config[$"{Section}:CertificatePath"])) return null;
        return environment.IsProduction()
            ? "Refusing to start in Production: the cookie-signing keys would be stored unencrypted. Set DataProtection:CertificatePath (a PFX with its private key) and DataProtection:CertificatePassword."
            : null;
    }

    private static X509Certificate2? Certificate(IConfiguration config, string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) return null;
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, config[$"{Section}:CertificatePassword"],
            X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey ? certificate
            : throw new InvalidOperationException($"The data-protection certificate {path} has no private key: keys could be written but never read back.");
    }
}
