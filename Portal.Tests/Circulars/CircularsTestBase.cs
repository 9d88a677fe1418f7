using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Domain.Circulars;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Tests.Circulars;

/// <summary>The circulars library on the seeded SQLite file, used as the demo users of Kerman and Golestan would.</summary>
public abstract class CircularsTestBase(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    protected PortalFactory Portal { get; } = portal;
    protected IDbContextFactory<PortalDbContext> Contexts => Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    public async Task InitializeAsync() => await Portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    protected Task<Actor> KermanReview() => ActingAs.ActorAsync(Contexts, Roles.ReviewOffice, "RO-08-1", "kerman.review");
    protected Task<Actor> GolestanReview() => ActingAs.ActorAsync(Contexts, Roles.ReviewOffice, "RO-27-1", "golestan.review");
    protected Task<Actor> KermanAgency(string code = "AG-08001", string role = Roles.AgencyManager) => ActingAs.ActorAsync(Contexts, role, code);
    protected Task<Actor> GolestanAgency() => ActingAs.ActorAsync(Contexts, Roles.AgencyManager, "AG-27001");

    protected CircularLibrary Library(Actor actor) =>
        new(new PortalDb(Contexts, new ActingAs(actor)), Portal.Services.GetRequiredService<IFileStore>(), TimeProvider.System, NullLogger<CircularLibrary>.Instance);

    protected async Task<int> AgencyIdAsync(string code)
    {
        await using var db = PortalDb.Open(Contexts, Actor.System);
        return await db.Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync();
    }

    protected static CircularLibrary.Upload ToAll(string title, string fileName = "circular.pdf") =>
        new(title, "1403/120", CircularKind.Circular, fileName, ForAllAgencies: true, []);

    protected static CircularLibrary.Upload ToSome(string title, params int[] agencyIds) =>
        new(title, null, CircularKind.Form, "form.pdf", ForAllAgencies: false, agencyIds);

    /// <summary>Uploads and returns the new circular's id, failing the test on a refusal.</summary>
    protected async Task<int> UploadAsync(Actor by, CircularLibrary.Upload form, byte[]? content = null)
    {
        var result = await Library(by).UploadAsync(form, new MemoryStream(content ?? SampleFiles.Pdf()));
        Assert.True(result.IsValid, result.Error);
        return result.Value;
    }

    protected int StoredFileCount() =>
        Directory.Exists(Portal.FilesRoot)
            ? Directory.EnumerateFiles(Portal.FilesRoot, "*", SearchOption.AllDirectories).Count(f => !Path.GetRelativePath(Portal.FilesRoot, f).StartsWith("tmp"))
            : 0;
}
