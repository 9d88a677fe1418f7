using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Demo;

namespace Portal.Tests.Support;

/// <summary>
/// The real portal on a fresh SQLite file with a small demo data set (2 agencies per province).
/// Settings may be overridden per test class, e.g. a short revalidation interval.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string _dbFile = Path.Combine(Path.GetTempPath(), $"portal-test-{Guid.NewGuid():N}.db");
    /// <summary>The file store of this instance, so uploads from tests never land in the source tree.</summary>
    public string FilesRoot { get; } = Path.Combine(Path.GetTempPath(), $"portal-test-files-{Guid.NewGuid():N}");
    public const int AgenciesPerProvince = 2;
    private bool _seeded;

    public PortalFactory() => Settings = new()
    {
        ["ConnectionStrings:Portal"] = $"Data Source={_dbFile}",
        ["Files:Root"] = FilesRoot,
        // The tests fill months long past; the lock has tests of its own (MonthlyLockTests).
        ["MonthlyStats:LockDay"] = "0",
        // The scheduled integrity check would race the tests that tamper with stored files (FileIntegrityTests run it themselves).
        ["Files:IntegrityCheckHours"] = "0",
        // Scans are read (OCR) on demand by the tests that need it (PageReadings.ReadPendingAsync), not in the background.
        ["Ocr:Enabled"] = "false",
    };

    /// <summary>Settings over appsettings.json; set them before the first use.</summary>
    public Dictionary<string, string?> Settings { get; }

    public string? Environment { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (Environment is not null) builder.UseEnvironment(Environment);
        // UseSetting, not ConfigureAppConfiguration: Program reads some settings before Build().
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>Seeds the demo data once (or copies it from an earlier portal of the same kind, <see cref="SeedTemplates"/>); call before the first request.</summary>
    public async Task<PortalFactory> SeededAsync()
    {
        if (_seeded) return this;
        await SeedTemplates.SeedAsync(this, Settings["ConnectionStrings:Portal"]!, async () =>
        {
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(AgenciesPerProvince);
        });
        _seeded = true;
        return this;
    }

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Signs in through the real sign-in form; returns the response of the form post.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password = DemoSeeder.DemoPassword) =>
        await PostFormAsync(client, "/account/login", "login", await client.GetStringAsync("/account/login"),
            new() { ["Input.UserName"] = userName, ["Input.Password"] = password });

    /// <summary>Posts a server-rendered form back as a browser would: its handler name and the page's antiforgery token.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string formName, string page, Dictionary<string, string> fields)
    {
        var input = Regex.Match(page, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*>").Value;
        fields["_handler"] = formName;
        fields["__RequestVerificationToken"] = Regex.Match(input, "value=\"([^\"]+)\"").Groups[1].Value;
        return client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static async Task<HttpClient> SignedInClientAsync(PortalFactory factory, string userName)
    {
        var client = factory.Client();
        var response = await SignInAsync(client, userName);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _dbFile, _dbFile + "-wal", _dbFile + "-shm" }) File.Delete(f);
        if (Directory.Exists(FilesRoot)) Directory.Delete(FilesRoot, recursive: true);
    }
}
