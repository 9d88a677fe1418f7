using Portal.Domain.Data;
using Portal.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();
var app = builder.Build();

if (await AdminCommands.RunAsync(app, args) is int exitCode) return exitCode;

if (KeyProtection.Refusal(app.Configuration, app.Environment) is { } keyRefusal)
{
    app.Logger.LogCritical("{Refusal}", keyRefusal);
    return 4;
}

if (app.Configuration.GetValue("Database:MigrateOnStartup", true)) await DatabaseSetup.MigrateAsync(app.Services);

if (app.Environment.IsProduction())
{
    var demo = await DemoPasswordGuard.AccountsWithDemoPasswordAsync(app.Services);
    if (demo.Count > 0)
    {
        app.Logger.LogCritical("Refusing to start in Production: demo password still set for {Accounts}. Reset or disable them first.", string.Join(", ", demo));
        return 3;
    }
}

app.UsePortal();
await app.RunAsync();
return 0;

public partial class Program;
