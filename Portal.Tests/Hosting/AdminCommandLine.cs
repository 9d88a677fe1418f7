using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Portal.Hosting;

namespace Portal.Tests.Hosting;

/// <summary>
/// An admin command as an operator runs it (<c>dotnet run --project Portal -- backup nightly.db</c>): the same builder and
/// <see cref="AdminCommands"/> entry as Program.cs, in Production, in process, on a given database file and file store.
/// </summary>
public static class AdminCommandLine
{
    public sealed record Run(int? Code, string Output, string Error)
    {
        public override string ToString() => $"exit {Code}\n{Output}\n{Error}";
    }

    public static Task<Run> RunAsync(string database, string filesRoot, params string[] args) =>
        RunAsync(new() { ["ConnectionStrings:Portal"] = $"Data Source={database}", ["Files:Root"] = filesRoot }, args);

    public static async Task<Run> RunAsync(Dictionary<string, string?> settings, params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = PortalProjectDir,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPortal();
        await using var app = builder.Build();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AdminCommands.RunAsync(app, args, output, error);
        return new Run(code, output.ToString(), error.ToString());
    }

    private static string PortalProjectDir
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SocialSecurityPortal.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("SocialSecurityPortal.sln not found above the test binaries."), "Portal");
        }
    }
}
