using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Portal.Security;
using Portal.Features.SignIn;

namespace Portal.Tests.SignIn;

public sealed class AccountGateTests
{
    [Theory]
    [InlineData("Production", null, true)]
    [InlineData("Development", null, false)]
    [InlineData("Testing", null, false)]
    [InlineData("Production", "false", false)]
    [InlineData("Development", "true", true)]
    public void TwoFactorForNationalRoles_NotConfigured_IsOnOnlyInProduction(string environment, string? setting, bool required)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:RequireTwoFactorForNationalRoles"] = setting }).Build();

        var gate = AccountGate.From(config, new Environment(environment));

        Assert.Equal(required, gate.RequiresTwoFactorForNationalRoles);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Portal";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
