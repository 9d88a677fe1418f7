using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Circulars;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using Portal.Domain.Security;
using Portal.Features.Audit;
using Portal.Tests.Circulars;

namespace Portal.Tests.Common.Files;

/// <summary>
/// The integrity check re-hashes every file the database refers to. Circulars stand in for every module that stores
/// files: the check finds them by their <c>…Sha256</c> columns, not by name.
/// </summary>
public sealed class FileIntegrityTests(PortalFactory portal) : CircularsTestBase(portal)
{
    private FileIntegrity Integrity => Portal.Services.GetRequiredService<FileIntegrity>();

    private async Task<string> StoredCircularAsync(string text)
    {
        var id = await UploadAsync(await KermanReview(), ToAll($"بخشنامهٔ {text}"), SampleFiles.Pdf(text));
        await using var db = PortalDb.Open(Contexts, Actor.System);
        return db.Circulars.Single(c => c.Id == id).Sha256;
    }

    private string PathOf(string sha) => Path.Combine(Portal.FilesRoot, sha[..2], sha[2..4], sha);

    [Fact]
    public async Task Check_AChangedAndAMissingFile_AreBothFound_AndHealthDegrades()
    {
        var intact = await StoredCircularAsync("سالم");
        var changed = await StoredCircularAsync("دست‌خورده");
        var missing = await StoredCircularAsync("گم‌شده");
        await File.AppendAllTextAsync(PathOf(changed), "tampered");
        File.Delete(PathOf(missing));

        var check = await Integrity.RunAsync();

        Assert.False(check.Clean);
        var found = check.Findings.ToDictionary(f => f.Hash, f => f.Problem);
        Assert.Equal(FileProblem.Changed, found[changed]);
        Assert.Equal(FileProblem.Missing, found[missing]);
        Assert.DoesNotContain(intact, found.Keys);
        Assert.All(check.Findings, f => Assert.Equal("Circulars.Sha256", f.HeldBy));
        Assert.True(check.FilesChecked >= 2);
        var health = await Portal.Client().GetStringAsync("/health");
        Assert.Contains("Degraded", health);
    }

    [Fact]
    public async Task Check_NothingTouched_IsClean_AndNotDueAgainUntilItsInterval()
    {
        await using var own = new PortalFactory();
        await own.SeededAsync();
        var integrity = own.Services.GetRequiredService<FileIntegrity>();
        Assert.True(await integrity.DueAsync(TimeSpan.FromHours(24)));

        var check = await integrity.RunAsync();

        Assert.True(check.Clean);
        Assert.False(await integrity.DueAsync(TimeSpan.FromHours(24)));
        Assert.Equal(HttpStatusCode.OK, (await own.Client().GetAsync("/health")).StatusCode);
        Assert.DoesNotContain("Degraded", await own.Client().GetStringAsync("/health"));
    }

    [Fact]
    public async Task Desk_ForANonAdministrator_IsRefused()
    {
        var desk = new StoredFilesDesk(Integrity, new ActingAs(await KermanReview()));

        await Refused.ByRoleAsync(() => desk.CheckNowAsync());
        await Refused.ByRoleAsync(() => desk.LatestAsync());
    }

    [Fact]
    public async Task Page_CheckNow_ListsTheMissingFile_InPersian()
    {
        using var persian = CultureScope.Persian();
        var missing = await StoredCircularAsync("صفحه");
        File.Delete(PathOf(missing));
        await using var ctx = new PortalTestContext();
        await ctx.UsePortalAsync(Portal, "admin");
        ctx.Services.AddSingleton(Integrity);
        ctx.Services.AddScoped<StoredFilesDesk>();
        ctx.RenderInteractivelyOnServer();
        var cut = ctx.Render<StoredFilesPage>();

        cut.Find("[data-testid=files-check-now]").Click();

        cut.WaitForAssertion(() => Assert.Contains("پیدا نشد", cut.Find("[data-testid=files-findings]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Contains(missing, cut.Find("[data-testid=files-findings]").TextContent);
        Assert.Contains("فایل پیدا نشد", cut.Find("[data-testid=files-verdict]").TextContent);
    }
}
