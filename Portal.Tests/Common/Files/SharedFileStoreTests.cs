using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Domain.Common.Files;
using Portal.Hosting;
using Portal.Tests.Circulars;
using Portal.Tests.ElectronicFiles;
using static Portal.Tests.ElectronicFiles.ElectronicFilesArrange;

namespace Portal.Tests.Common.Files;

/// <summary>
/// Two portal servers on one database and one S3 bucket (a loopback s3rver), as behind a balancer: what one server
/// stores the other hands out, byte for byte, and neither keeps the file on its own disk.
/// </summary>
public sealed class SharedFileStoreTests(S3Server s3) : IClassFixture<S3Server>, IAsyncLifetime
{
    private readonly string _caches = Directory.CreateTempSubdirectory("portal-shared-cache-").FullName;
    private PortalFactory _a = null!;
    private PortalFactory _b = null!;

    public async Task InitializeAsync()
    {
        await s3.EmptyBucketAsync();
        _a = Server("a");
        await _a.SeededAsync();
        _b = Server("b");
        _b.Settings["ConnectionStrings:Portal"] = _a.Settings["ConnectionStrings:Portal"]; // one database
    }

    private PortalFactory Server(string name)
    {
        var portal = new PortalFactory();
        foreach (var (key, value) in s3.PortalSettings(Path.Combine(_caches, name))) portal.Settings[key] = value;
        return portal;
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        Directory.Delete(_caches, recursive: true);
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task ACircularUploadedThroughOneServer_DownloadsThroughTheOther_WithTheSameSha256()
    {
        var id = await CircularsEndpointTests.UploadedCircularAsync(await PortalFactory.SignedInClientAsync(_a, "kerman.review"), "بخشنامه دو سرور");

        var agency = await PortalFactory.SignedInClientAsync(_b, "kerman.agency.manager");
        var response = await agency.GetAsync($"/circulars/{id}/file");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        await using var db = Acting.SystemDb(_a);
        var recorded = await db.Circulars.Where(c => c.Id == id).Select(c => c.Sha256).SingleAsync();
        Assert.Equal(recorded, Sha(bytes));
        Assert.Contains(StoredFileNames.RelativePath(recorded), await s3.KeysAsync());
        Assert.False(Directory.Exists(_a.FilesRoot)); // nothing on server A's own disk
    }

    [Fact]
    public async Task AScanUploadedThroughOneServer_IsServedAndDrawnByTheOther()
    {
        var fileId = await RegisterAsync(_a);
        var scan = SampleFiles.Pdf("scan through two servers");
        var upload = await ElectronicFilesEndpointsTests.UploadAsync(await PortalFactory.SignedInClientAsync(_a, Staff), fileId, scan, "scan.pdf");
        Assert.Equal($"/electronic-files/{fileId}?added=true", upload.Headers.Location!.OriginalString);
        await using var db = Acting.SystemDb(_a);
        var documentId = await db.ScannedDocuments.Where(d => d.FileId == fileId).Select(d => d.Id).SingleAsync();

        var staffOnB = await PortalFactory.SignedInClientAsync(_b, Staff);
        Assert.Equal(Sha(scan), Sha(await staffOnB.GetByteArrayAsync($"/electronic-files/documents/{documentId}/content")));
        // A page drawn on B reads the scan through B's own copy (the S3 store's cache for readers that seek).
        var page = await staffOnB.GetAsync($"/electronic-files/documents/{documentId}/pages/1?w=300");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("image/", page.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task TheIntegrityCheck_OnTheOtherServer_ReHashesTheBucketsFiles_AndFindsAChangedOne()
    {
        var id = await CircularsEndpointTests.UploadedCircularAsync(await PortalFactory.SignedInClientAsync(_a, "kerman.review"), "بخشنامه وارسی");
        await using var db = Acting.SystemDb(_a);
        var sha = await db.Circulars.Where(c => c.Id == id).Select(c => c.Sha256).SingleAsync();

        var clean = await _b.Services.GetRequiredService<FileIntegrity>().RunAsync();
        Assert.DoesNotContain(clean.Findings, f => f.Hash == sha);
        await s3.PutAsync(StoredFileNames.RelativePath(sha), SampleFiles.Pdf("changed behind the portal's back"));
        var after = await _b.Services.GetRequiredService<FileIntegrity>().RunAsync();

        Assert.Contains(after.Findings, f => f.Hash == sha && f.Problem == FileProblem.Changed);
    }

    [Fact]
    public async Task Health_NamesTheBucket_AndAServerWhoseBucketIsGone_IsUnhealthy()
    {
        var report = await _b.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "files");
        var files = report.Entries["files"];
        Assert.True(files.Status == HealthStatus.Healthy, $"{files.Description} {files.Exception}");
        Assert.Contains($"S3 bucket {S3Server.Bucket} at {s3.ServiceUrl}", report.Entries["files"].Description);

        await using var lost = Server("lost");
        lost.Settings["Files:S3:Bucket"] = "deleted-bucket";
        var response = await lost.Client().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void AnUnknownStore_StopsTheServer_WithASettingsMessage()
    {
        using var odd = new PortalFactory();
        odd.Settings["Files:Store"] = "Ftp";

        var e = Assert.ThrowsAny<Exception>(() => odd.Services);
        Assert.Contains("Files:Store", e.ToString());
    }
}
