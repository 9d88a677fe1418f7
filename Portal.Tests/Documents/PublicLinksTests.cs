using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Portal.Documents;
using Portal.Domain.Common;
using Portal.Features.Contracts;

namespace Portal.Tests.Documents;

/// <summary>The address a paper's QR code points to: the configured public URL, else the address the user reached.</summary>
public sealed class PublicLinksTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public void QrCode_PublicUrlConfigured_PointsThere()
    {
        var links = Links("Production", "https://portal.tamin.local:8443/");

        Assert.Equal("https://portal.tamin.local:8443/verify/ABCD", links.Verify("ABCD"));
    }

    [Fact]
    public async Task QrCode_WithoutPublicUrl_PointsToTheRequestsSchemeHostAndPort()
    {
        var links = Links("Development", null);

        var url = await Task.Run(() =>
        {
            RequestOrigin.Current = "http://demo.local:5080/";
            return links.Verify("ABCD");
        });

        Assert.Equal("http://demo.local:5080/verify/ABCD", url);
    }

    [Fact]
    public void Production_WithoutPublicUrl_RefusesToPrintALink()
    {
        var links = Links("Production", null);

        var refusal = Assert.Throws<DomainException>(() => links.Verify("ABCD"));
        Assert.Equal("Pdf.PublicUrlMissing", refusal.Key);
    }

    private PublicLinks Links(string environment, string? publicUrl) => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:PublicUrl"] = publicUrl }).Build(),
        portal.Services.GetRequiredService<IServer>(),
        new Environment { EnvironmentName = environment });

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "";
        public string ApplicationName { get; set; } = "Portal";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

}
