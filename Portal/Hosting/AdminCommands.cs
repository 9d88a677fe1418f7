using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Demo;
using Portal.Domain.Security;
using Portal.Domain.Common;
using Portal.Domain.Eligibility;
using Portal.Domain.Organisation;
using Portal.Domain.Users;
using Portal.Domain.SignIn;

namespace Portal.Hosting;

/// <summary>
/// The admin commands of the same executable: <c>migrate</c>, <c>seed-demo [--agencies-per-province N] [--representatives-per-agency N]
/// [--demo-documents false] [--offset-debtors N] [--offset-assets-per-debtor N] [--offset-centres N] [--insured-persons N]</c> (the offset sizes are
/// per demo province; insured persons default to 100,000), <c>create-admin &lt;user&gt;</c>, <c>issue-api-key --centre MC-08-01</c> (prints a
/// centre's new inquiry API key once), <c>backup &lt;file&gt;</c> and <c>restore &lt;file&gt; [--files &lt;dir&gt;]</c> (<see cref="BackupCommands"/>),
/// and <c>demo</c> (migrate + seed, then serve).
/// </summary>
public static class AdminCommands
{
    public static readonly string[] Names = ["migrate", "seed-demo", "create-admin", "issue-api-key", "backup", "restore", "demo"];
    public const int DemoInsuredPersons = 100_000;

    /// <summary>Runs the command named by <paramref name="args"/>; null when the app should just serve.</summary>
    public static Task<int?> RunAsync(WebApplication app, string[] args) => RunAsync(app, args, Console.Out, Console.Error);

    /// <summary>As <see cref="RunAsync(WebApplication, string[])"/>; backup and restore write to the given writers (the tests read them).</summary>
    public static async Task<int?> RunAsync(WebApplication app, string[] args, TextWriter output, TextWriter error)
    {
        // Only the first argument names a command; the rest are options (`--urls http://…` included).
        var command = args.FirstOrDefault();
        if (command is null || command.StartsWith('-')) return null;
        if (!Names.Contains(command))
        {
            Console.Error.WriteLine($"Unknown command '{command}'. Commands: {string.Join(", ", Names)}.");
            return 2;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<PortalDbContext>().ActAs(Actor.System);
        var rest = args.SkipWhile(a => a != command).Skip(1).ToArray();
        // Before migrating: a backup is of the database as it is (taken before an upgrade, it must be the old schema), and
        // restore goes into an empty portal, where a database created here would only be in its way.
        if (command == "backup") return await BackupCommands.BackupAsync(services, rest, output, error);
        if (command == "restore") return await BackupCommands.RestoreAsync(services, rest, output, error);
        await DatabaseSetup.MigrateAsync(services);
        switch (command)
        {
            case "migrate":
                Console.WriteLine("Database is up to date.");
                return 0;
            case "seed-demo":
                await SeedDemoAsync(services, app.Configuration);
                return 0;
            case "demo":
                await SeedDemoAsync(services, app.Configuration);
                PrintDemoSignIns(app, await services.GetRequiredService<DemoSeeder>().InsuredSamplesAsync());
                return null; // go on serving
            case "create-admin":
                return await CreateAdminAsync(services, args.SkipWhile(a => a != command).Skip(1).FirstOrDefault());
            case "issue-api-key":
                return await IssueApiKeyAsync(services, app.Configuration["centre"]);
            default:
                throw new InvalidOperationException($"No handler for {command}.");
        }
    }

    private static async Task SeedDemoAsync(IServiceProvider services, IConfiguration config)
    {
        var perProvince = config.GetValue("agencies-per-province", 40);
        var demo = OffsetDemoSize.Demo;
        var offset = new OffsetDemoSize(config.GetValue("offset-debtors", demo.DebtorsPerProvince), config.GetValue("offset-assets-per-debtor", demo.AssetsPerDebtor),
            config.GetValue("offset-centres", demo.CentresPerProvince));
        var insured = config.GetValue("insured-persons", DemoInsuredPersons);
        var note = await services.GetRequiredService<DemoSeeder>().SeedAsync(perProvince, config.GetValue<int?>("representatives-per-agency"),
            documents: config.GetValue("demo-documents", true), offset, insured,
            seeded => Console.WriteLine($"Insured persons: {seeded.Persons:N0} persons, {seeded.PremiumRows:N0} premium months, {seeded.Mobiles:N0} registered mobiles " +
                $"written in {seeded.Took.TotalSeconds:N1} s."));
        Console.WriteLine($"Demo data is in place ({perProvince} agencies per province).");
        if (note is not null) Console.WriteLine($"Demo contracts were not issued: {note}");
    }

    private static void PrintDemoSignIns(WebApplication app, InsuredSamples samples)
    {
        var urls = app.Configuration["urls"] ?? app.Configuration["ASPNETCORE_URLS"] ?? "http://localhost:5000";
        Console.WriteLine();
        Console.WriteLine($"Portal: {urls.Split(';')[0]}");
        Console.WriteLine($"Demo sign-ins (password for all: {DemoSeeder.DemoPassword}):");
        foreach (var a in DemoSeeder.Accounts)
            Console.WriteLine($"  {a.UserName,-28} {a.Role}");
        if (samples.Covered is not null)
        {
            Console.WriteLine("National IDs to try in the eligibility inquiry (as kerman.medical, or /eligibility/personal):");
            Console.WriteLine($"  {samples.Covered,-12} covered main insured; registered mobile {samples.CoveredMobile}");
            if (samples.SonWithoutCertificate is not null) Console.WriteLine($"  {samples.SonWithoutCertificate,-12} son over 19 without a university certificate (not covered)");
            if (samples.NotCovered is not null) Console.WriteLine($"  {samples.NotCovered,-12} main insured whose premiums stopped (not covered)");
        }
        Console.WriteLine();
    }

    /// <summary>A new inquiry API key for a medical centre, issued as the system; the secret is printed once and never stored.</summary>
    private static async Task<int> IssueApiKeyAsync(IServiceProvider services, string? centreCode)
    {
        if (string.IsNullOrWhiteSpace(centreCode))
        {
            Console.Error.WriteLine("Usage: issue-api-key --centre <medical centre code, e.g. MC-08-01>");
            return 2;
        }
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = PortalDb.Open(factory, Actor.System);
        var code = TextNormalizer.Normalize(centreCode).ToUpperInvariant();
        if (await db.OrgUnits.OfType<MedicalCenter>().SingleOrDefaultAsync(m => m.Code == code) is not { } centre)
        {
            Console.Error.WriteLine($"No medical centre with code {code}.");
            return 1;
        }
        var (key, secret) = InquiryApiKey.Issue(centre, Actor.System.UserName, services.GetRequiredService<TimeProvider>().GetUtcNow());
        db.InquiryApiKeys.Add(key);
        await db.SaveChangesAsync();
        Console.WriteLine($"API key for {centre.Code} {centre.Name} (shown once; send it in the {InquiryApiKey.Header} header):");
        Console.WriteLine(secret);
        return 0;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string? userName)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            Console.Error.WriteLine("Usage: create-admin <user>");
            return 2;
        }
        await services.GetRequiredService<OrganisationSeeder>().SeedAsync();
        var result = await services.GetRequiredService<UserAdministration>().CreateAdminAsync(userName);
        if (result.Error is { } error)
        {
            Console.Error.WriteLine(error);
            return 1;
        }
        Console.WriteLine($"Created {userName}. First password (shown once, change it after signing in): {result.Value}");
        return 0;
    }
}
