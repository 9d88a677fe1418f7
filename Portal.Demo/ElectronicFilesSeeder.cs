using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using Portal.Domain.ElectronicFiles;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Demo;

/// <summary>
/// A scanning queue in the demo branches (the first branch of each demo province, where the demo branch users work):
/// two files waiting and two at every step of seed 003, one not yet slimmed, two out of turn (a service, a transfer),
/// one stopped in a recount discrepancy for the supervisor, and documents in the files past scanning: the first scans,
/// and a paper received in service waiting for the supervisor. Each document is one of the province's sample pages
/// (ScanSamples: Persian letters and forms made by make-samples.sh, each stored once), filed under the type it is, so
/// that OCR finds their words and the document search finds them. The staff user does the steps, the supervisor
/// verifies. Linked to the branch's insured persons when there are any. Skipped for a branch that already has files.
/// </summary>
internal sealed class ElectronicFilesSeeder(PortalDbContext db, IFileStore files, TimeProvider clock)
{
    private const int PerStep = 2;

    public async Task SeedAsync(IReadOnlyCollection<string> provinceCodes, CancellationToken ct)
    {
        var types = await db.DocumentTypes.ToDictionaryAsync(t => t.Code, ct);
        if (types.Count == 0) return;
        var now = clock.GetUtcNow();
        foreach (var code in provinceCodes.Order())
        {
            var branch = await db.OrgUnits.SingleOrDefaultAsync(u => u.Code == $"BR-{code}-01" && u.Kind == UnitKind.Branch, ct);
            if (branch is null || await db.TechnicalFiles.AnyAsync(f => f.BranchId == branch.Id, ct)) continue;
            var place = code == "08" ? "kerman" : "golestan";
            var staff = Actor($"{place}.branch.staff", Roles.BranchStaff, branch);
            var supervisor = Actor($"{place}.branch.supervisor", Roles.BranchSupervisor, branch);
            var random = new Random(int.Parse(code, CultureInfo.InvariantCulture) * 131 + 3);
            var samples = await SamplesAsync(files, place, types, ct);
            var people = await db.InsuredPersons.Where(p => p.BranchId == branch.Id).OrderBy(p => p.Id).Take(40)
                .Select(p => new { p.Id, p.NationalId, Name = p.FirstName + " " + p.LastName }).ToListAsync(ct);
            var taken = await db.TechnicalFiles.IgnoreQueryFilters().Select(f => f.NationalId).ToHashSetAsync(ct);
            var targets = new List<ScanStepKind?> { null, null };
            foreach (var step in Enum.GetValues<ScanStepKind>().Where(s => s != ScanStepKind.Slimmed))
                targets.AddRange(Enumerable.Repeat<ScanStepKind?>(step, PerStep));
            var counter = int.Parse(code, CultureInfo.InvariantCulture) * 1_000_000;
            for (var i = 0; i < targets.Count; i++)
            {
                var person = i < people.Count && !taken.Contains(people[i].NationalId) ? people[i] : null;
                var nationalId = person?.NationalId ?? NationalId.WithCheckDigit((500_000_000 + counter + i).ToString("000000000", CultureInfo.InvariantCulture));
                if (!taken.Add(nationalId)) continue;
                var name = person?.Name ?? $"{Pick(random, i % 2 == 0 ? PersianNames.MaleFirstNames : PersianNames.FemaleFirstNames)} {Pick(random, PersianNames.LastNames)}";
                // Requested over the last weeks, oldest first; the steps follow the request in the same order.
                var requested = now.AddDays(-(targets.Count - i) * 2).AddHours(-random.Next(0, 8));
                var sequence = await TechnicalFileCounter.NextAsync(db, branch.Id, ct);
                var shelf = new ShelfLocation((1 + i / 10).ToString(CultureInfo.InvariantCulture), (1 + i % 10 / 3).ToString(CultureInfo.InvariantCulture),
                    (100 + i).ToString(CultureInfo.InvariantCulture));
                var file = new TechnicalFile(branch.Id, branch.ProvinceId!.Value, TechnicalFileCounter.Number(branch.Code, sequence), sequence, nationalId, name,
                    person?.Id, shelf, slimmed: i != 1, staff.UserName, requested);
                db.TechnicalFiles.Add(file);
                if (i is 0 or 5) file.MarkOutOfTurn(i == 0 ? OutOfTurnReason.Service : OutOfTurnReason.Transfer,
                    i == 0 ? "درخواست برقراری مستمری بازنشستگی" : "انتقال پرونده به شعبه محل سکونت جدید", staff.UserName, requested.AddHours(1));
                var pages = 20 + random.Next(0, 120);
                var at = requested.AddHours(2);
                var discrepancy = targets[i] == ScanStepKind.Reassembled && targets[i - 1] == ScanStepKind.Reassembled;
                if (targets[i] is { } last)
                    for (var step = ScanStepKind.OutOfArchive; step <= last; step++, at = at.AddMinutes(20 + random.Next(0, 90)))
                        Do(file, step, pages, staff, supervisor, at, samples, random);
                if (discrepancy) file.Recount(pages - 1, staff.UserName, at);
                if (targets[i] >= ScanStepKind.Indexed && i % 2 == 0)
                    Add(file, samples[random.Next(samples.Count)], "برگ دریافتی در جریان خدمت", DocumentSource.ReceivedInService, staff, at.AddDays(1));
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private void Do(TechnicalFile file, ScanStepKind step, int pages, Actor staff, Actor supervisor, DateTimeOffset at, IReadOnlyList<Sample> samples,
        Random random)
    {
        var by = staff.UserName;
        switch (step)
        {
            case ScanStepKind.OutOfArchive: file.TakeOut(by, at); break;
            case ScanStepKind.PageCount: file.CountPages(pages, by, at); break;
            case ScanStepKind.Registered: file.Register(by, at); break;
            case ScanStepKind.Prepared: file.Prepare(by, at); break;
            case ScanStepKind.Scanned:
                file.Scan(by, at);
                // The first scans, one to three of the sample pages, filed as they were scanned.
                var first = random.Next(samples.Count);
                var count = 1 + random.Next(0, 3);
                for (var d = 0; d < count; d++) Add(file, samples[(first + d) % samples.Count], null, DocumentSource.InitialScanning, staff, at);
                break;
            case ScanStepKind.QualityChecked:
                if (random.Next(4) == 0) file.CheckQuality([1 + random.Next(0, pages)], "تصویر برگ کج و ناخوانا بود", by, at);
                else file.CheckQuality([], null, by, at);
                break;
            case ScanStepKind.Verified:
                file.Verify(supervisor.UserName, at);
                foreach (var d in db.ChangeTracker.Entries<ScannedDocument>().Select(e => e.Entity).Where(d => d.File == file)) d.VerifyWithFile(supervisor.UserName, at);
                break;
            case ScanStepKind.Reassembled: file.Reassemble(by, at); break;
            case ScanStepKind.Recounted: file.Recount(pages, by, at); break;
            case ScanStepKind.BackOnShelf: file.ReturnToShelf(null, by, at); break;
            case ScanStepKind.Stored: file.Store(1, by, at); break;
            case ScanStepKind.Indexed: file.Index(1, by, at); break;
        }
    }

    private static Actor Actor(string userName, string role, OrgUnit branch) =>
        new(null, userName, role, branch.Id, OrgScope.Unit(branch.ProvinceId, branch.Id));

    private static string Pick(Random random, string[] names) => names[random.Next(names.Length)];

    /// <summary>A scanned page: the stored image, and the type of document it is.</summary>
    internal sealed record Sample(DocumentType Type, string Sha256, long Size);

    private void Add(TechnicalFile file, Sample sample, string? title, DocumentSource source, Actor by, DateTimeOffset at) =>
        db.ScannedDocuments.Add(new ScannedDocument(file, sample.Type, title, 1, source, sample.Sha256, sample.Size, FileKind.Png, by, UnitKind.Branch, at));

    /// <summary>The province's sample pages (ScanSamples/<c>TYPE-place</c>.png, embedded), each stored once under its hash.</summary>
    internal static async Task<IReadOnlyList<Sample>> SamplesAsync(IFileStore files, string place, Dictionary<string, DocumentType> types, CancellationToken ct)
    {
        var assembly = typeof(ElectronicFilesSeeder).Assembly;
        var samples = new List<Sample>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith($"-{place}.png", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var typeCode = name[..name.LastIndexOf('-')][^4..];
            if (!types.TryGetValue(typeCode, out var type)) continue;
            await using var image = assembly.GetManifestResourceStream(name)!;
            var (sha, size) = await files.SaveAsync(image, ct);
            samples.Add(new Sample(type, sha, size));
        }
        return samples.Count > 0 ? samples : throw new InvalidOperationException($"No sample pages for {place} are embedded in Portal.Demo.");
    }
}
