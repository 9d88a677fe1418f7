using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.ElectronicFiles;

namespace Portal.Tests.ElectronicFiles;

/// <summary>Data builders for the electronic files' tests: fresh national IDs, registered files, files walked to a step.</summary>
internal static class ElectronicFilesArrange
{
    private static int _next = Random.Shared.Next(100_000, 400_000);

    public const string Staff = "kerman.branch.staff";
    public const string Supervisor = "kerman.branch.supervisor";

    /// <summary>A valid national ID no demo person or earlier test has (9-digit bodies from 7xxxxxxxx).</summary>
    public static string NewNationalId() =>
        NationalId.WithCheckDigit((700_000_000 + Interlocked.Increment(ref _next) * 7).ToString("000000000", CultureInfo.InvariantCulture));

    public static TechnicalFileForm Form(string? nationalId = null, bool slimmed = true) => new()
    {
        NationalId = nationalId ?? NewNationalId(),
        PersonName = "مریم احمدی",
        ShelfRow = "۱۲",
        ShelfNumber = "۳",
        ShelfBox = "۴۵",
        Slimmed = slimmed,
    };

    public static async Task<int> RegisterAsync(PortalFactory portal, string user = Staff, bool slimmed = true, string? nationalId = null)
    {
        var desk = await portal.AsAsync<ScanningDesk>(user);
        var (id, errors) = await desk.RegisterAsync(Form(nationalId, slimmed));
        Assert.Empty(errors);
        return id!.Value;
    }

    public static async Task<TechnicalFile> FileAsync(PortalFactory portal, int id)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.TechnicalFiles.AsNoTracking().SingleAsync(f => f.Id == id);
    }

    /// <summary>Walks a slimmed file through the steps up to and including <paramref name="last"/>: staff scan, the supervisor verifies.</summary>
    public static async Task WalkToAsync(PortalFactory portal, int id, ScanStepKind last, int pages = 40)
    {
        var staff = await portal.AsAsync<ScanningDesk>(Staff);
        var supervisor = await portal.AsAsync<ScanningDesk>(Supervisor);
        for (var step = ScanStepKind.OutOfArchive; step <= last; step++)
        {
            var version = (await FileAsync(portal, id)).Version;
            await (step switch
            {
                ScanStepKind.PageCount => staff.CountPagesAsync(id, version, pages),
                ScanStepKind.QualityChecked => staff.CheckQualityAsync(id, version, [], null),
                ScanStepKind.Verified => supervisor.VerifyAsync(id, version),
                ScanStepKind.Recounted => staff.RecountAsync(id, version, pages),
                ScanStepKind.BackOnShelf => staff.ReturnToShelfAsync(id, version, null),
                _ => staff.AdvanceAsync(id, version, step),
            });
            // The first scans go in as the file is scanned, so step 7 verifies them with it.
            if (step == ScanStepKind.Scanned) await UploadPdfAsync(portal, Staff, id, DocumentSource.InitialScanning);
        }
    }

    public static async Task<int> TypeIdAsync(PortalFactory portal)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.DocumentTypes.Where(t => t.Code == "0501").Select(t => t.Id).SingleAsync();
    }

    public static async Task UploadPdfAsync(PortalFactory portal, string user, int fileId, DocumentSource source)
    {
        var desk = await portal.AsAsync<DocumentDesk>(user);
        using var pdf = new MemoryStream(SampleFiles.Pdf("scan"));
        await desk.UploadAsync(new DocumentDesk.Upload(fileId, null, null, await TypeIdAsync(portal), source, "گواهی"), pdf);
    }
}
