using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Domain.Data;
using Portal.Domain.Security;
using Portal.Domain.Users;
using Portal.Hosting;
using Portal.Security;

// Shared by the bench consoles that run the portal's services in process (linked into each project).

/// <summary>The portal's own host (services as AddPortal registers them), built and never run; OCR's background worker off.</summary>
sealed class BenchHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchHost(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;
    public IDbContextFactory<PortalDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    public static BenchHost Create(Action<IServiceCollection>? configure = null)
    {
        var dbFile = Environment.GetEnvironmentVariable("BENCH_DB") ?? throw new InvalidOperationException("Set BENCH_DB to a seeded portal database.");
        var files = Environment.GetEnvironmentVariable("BENCH_FILES") ?? throw new InvalidOperationException("Set BENCH_FILES to the database's file store.");
        var portalDir = FindPortalDir();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = portalDir, WebRootPath = Path.Combine(portalDir, "wwwroot"), EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = $"Data Source={dbFile}",
            ["Files:Root"] = files,
            ["Portal:PublicUrl"] = "https://portal.example",
            ["Database:MigrateOnStartup"] = "false",
            ["Ocr:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Portal.Documents.PdfRenderer"] = "Error", // disposing the host closes Chromium, which it reports
        });
        builder.AddPortal();
        configure?.Invoke(builder.Services);
        return new BenchHost(builder.Build());
    }

    /// <summary>The user's actor as the app makes it at sign-in (the claims factory's principal, read by PortalClaims).</summary>
    public async Task<Actor> ActorAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PortalDbContext>().ActAs(Actor.System);
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"No user {userName}: seed with seed-demo.");
        return PortalClaims.ToActor(await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user));
    }

    public PortalDb As(Actor actor) => new(Contexts, new FixedUser(actor));

    public static string FindPortalDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SocialSecurityPortal.sln"))) return Path.Combine(dir.FullName, "Portal");
        throw new InvalidOperationException("Run from inside the repository: SocialSecurityPortal.sln not found above " + AppContext.BaseDirectory);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

sealed class FixedUser(Actor actor) : ICurrentUser
{
    public ValueTask<Actor> GetAsync() => ValueTask.FromResult(actor);
}

