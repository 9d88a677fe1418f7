using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Portal.Domain.Security;
using Microsoft.Extensions.DependencyInjection;
using Portal.Security;

namespace Portal.Tests.Hosting;

public sealed class HostingTests
{
    [Fact]
    public async Task Health_DatabaseUnreachable_Is503()
    {
        var folder = Directory.CreateTempSubdirectory().FullName; // a folder is not a database file
        using var factory = new PortalFactory { Settings = { ["ConnectionStrings:Portal"] = $"Data Source={folder}", ["Database:MigrateOnStartup"] = "false" } };
        var response = await factory.Client().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task ErrorInsideAPage_ShowsPersianMessageWithCorrelationId_NoStackTrace()
    {
        using var factory = new ThrowingFactory();
        await factory.SeededAsync();
        var client = await PortalFactory.SignedInClientAsync(factory, "headoffice");
        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("خطای پیش‌بینی‌نشده‌ای رخ داد", html);
        Assert.Matches("[0-9a-f]{12}", html);
        Assert.DoesNotContain("at Portal", html);
        Assert.DoesNotContain("boom-secret", html);
    }

    [Fact]
    public async Task ErrorPage_Opened_IsPersianWithCorrelationId()
    {
        using var factory = new PortalFactory();
        var html = await factory.Client().GetStringAsync("/error");
        Assert.Contains("خطا در پردازش درخواست", html);
        Assert.Matches("data-testid=\"correlation-id\">[0-9a-f]{8,}<", html);
    }

    [Fact]
    public async Task EntraScheme_AzureAdConfigured_IsRegistered()
    {
        using var factory = new PortalFactory
        {
            Settings =
            {
                ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
                ["AzureAd:TenantId"] = "00000000-0000-0000-0000-000000000001",
                ["AzureAd:ClientId"] = "00000000-0000-0000-0000-000000000002",
                ["AzureAd:CallbackPath"] = "/signin-oidc",
            },
        };
        var schemes = factory.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.NotNull(await schemes.GetSchemeAsync(EntraSignIn.Scheme));
    }

    [Fact]
    public async Task EntraScheme_AzureAdAbsent_IsNotRegistered()
    {
        using var factory = new PortalFactory();
        var schemes = factory.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.Null(await schemes.GetSchemeAsync(EntraSignIn.Scheme));
    }

    /// <summary>The portal with a data layer that fails on every page: the home page's query throws.</summary>
    private sealed class ThrowingFactory : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddScoped<ICurrentUser, ThrowingCurrentUser>());
        }
    }

    private sealed class ThrowingCurrentUser : ICurrentUser
    {
        public ValueTask<Actor> GetAsync() => throw new InvalidOperationException("boom-secret");
    }
}
