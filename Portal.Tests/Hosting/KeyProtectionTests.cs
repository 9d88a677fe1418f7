using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Portal.Domain.Data;
using Portal.Hosting;

namespace Portal.Tests.Hosting;

/// <summary>The cookie-signing keys in the database are encrypted with the configured certificate; Production refuses to run without one.</summary>
public sealed class KeyProtectionTests : IDisposable
{
    private const string Password = "test-pfx-password";
    private readonly string _pfx = Path.Combine(Path.GetTempPath(), $"portal-dp-{Guid.NewGuid():N}.pfx");

    public KeyProtectionTests()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Portal data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(_pfx, certificate.Export(X509ContentType.Pfx, Password));
    }

    public void Dispose() => File.Delete(_pfx);

    private static async Task<string> StoredKeyXmlAsync(PortalFactory factory)
    {
        var protector = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("secret", protector.Unprotect(protector.Protect("secret")));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return (await db.DataProtectionKeys.AsNoTracking().SingleAsync()).Xml!;
    }

    [Fact]
    public async Task WithACertificate_TheKeyInTheDatabase_IsEncrypted_AndStillReadable()
    {
        using var factory = new PortalFactory
        {
            Settings = { ["DataProtection:CertificatePath"] = _pfx, ["DataProtection:CertificatePassword"] = Password },
        };

        var xml = await StoredKeyXmlAsync(factory);

        Assert.Contains("encryptedSecret", xml);
        Assert.DoesNotContain("<masterKey", xml);
    }

    [Fact]
    public void Production_WithoutACertificate_IsRefused()
    {
        var refusal = KeyProtection.Refusal(new ConfigurationBuilder().Build(), new HostingEnvironment { EnvironmentName = Environments.Production });

        Assert.NotNull(refusal);
        Assert.Contains("DataProtection:CertificatePath", refusal);
    }

    [Fact]
    public void Production_WithACertificate_Starts()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = _pfx }).Build();

        Assert.Null(KeyProtection.Refusal(config, new HostingEnvironment { EnvironmentName = Environments.Production }));
    }

    [Fact]
    public void Development_WithoutACertificate_Starts() =>
        Assert.Null(KeyProtection.Refusal(new ConfigurationBuilder().Build(), new HostingEnvironment { EnvironmentName = Environments.Development }));
}
