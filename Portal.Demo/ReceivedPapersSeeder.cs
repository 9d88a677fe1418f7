using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using Portal.Domain.ElectronicFiles;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Demo;

/// <summary>
/// Papers the demo branches received after scanning their files (seed 003 part 2), on their indexed files: mail from
/// seven to nine months ago, stamped and verified and never collected (so a destruction list is due), recent mail
/// waiting for its person, originals of the four kept kinds in this year's and last year's binders, papers handed back
/// and a commission ruling destroyed in the branch. Skipped for a branch that already keeps a binder.
/// </summary>
internal sealed class ReceivedPapersSeeder(PortalDbContext db, IFileStore store, TimeProvider clock)
{
    public async Task SeedAsync(IReadOnlyCollection<string> provinceCodes, CancellationToken ct)
    {
        var types = await db.DocumentTypes.ToDictionaryAsync(t => t.Code, ct);
        var now = clock.GetUtcNow();
        foreach (var code in provinceCodes.Order())
        {
            var branch = await db.OrgUnits.SingleOrDefaultAsync(u => u.Code == $"BR-{code}-01" && u.Kind == UnitKind.Branch, ct);
            if (branch is null || await db.KeptOriginals.AnyAsync(k => k.BranchId == branch.Id, ct)) continue;
            var files = await db.TechnicalFiles.Where(f => f.BranchId == branch.Id && f.LastStep == ScanStepKind.Indexed).OrderBy(f => f.Id).ToListAsync(ct);
            if (files.Count == 0) continue;
            var place = code == "08" ? "kerman" : "golestan";
            // The demo's sample pages (stored already by the files' seeder, so only found again by hash), each the type it shows.
            var images = (await ElectronicFilesSeeder.SamplesAsync(store, place, types, ct)).ToDictionary(s => s.Type.Code);
            var staff = new Actor(null, $"{place}.branch.staff", Roles.BranchStaff, branch.Id, OrgScope.Unit(branch.ProvinceId, branch.Id));
            var supervisor = staff with { UserName = $"{place}.branch.supervisor", Role = Roles.BranchSupervisor };
            var random = new Random(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) * 17 + 5);

            ScannedDocument Paper(string typeCode, DocumentSource source, DateTimeOffset at, bool verified = true)
            {
                var file = files[random.Next(files.Count)];
                var image = images[typeCode];
                var paper = new ScannedDocument(file, image.Type, null, 1, source, image.Sha256, image.Size, FileKind.Png, staff, UnitKind.Branch, at);
                if (verified) paper.Verify(supervisor, at.AddHours(3));
                db.ScannedDocuments.Add(paper);
                return paper;
            }

            var uncollected = Enumerable.Range(0, 6).Select(i => Paper("0802", DocumentSource.ReceivedByMail, now.AddDays(-215 - i * 9))).ToList();
            var waiting = Enumerable.Range(0, 2).Select(i => Paper("0802", DocumentSource.ReceivedByMail, now.AddDays(-20 - i * 11))).ToList();
            var handedBack = Enumerable.Range(0, 2).Select(i => Paper("0501", DocumentSource.ReceivedInService, now.AddDays(-40 - i * 5))).ToList();
            var ruling = Paper(ScannedDocument.CommissionRulingTypeCode, DocumentSource.ReceivedInService, now.AddDays(-12));
            (string Type, KeptCategory Category, int DaysAgo)[] kept =
            [
                ("0203", KeptCategory.SelfEmployedContract, 400), ("0203", KeptCategory.SelfEmployedContract, 150),
                ("0203", KeptCategory.SelfEmployedContract, 90), ("0401", KeptCategory.DisabilityRuling, 60),
                ("0401", KeptCategory.DisabilityRuling, 30), ("0502", KeptCategory.RestPeriodRejected, 25), ("0502", KeptCategory.RestPeriodRejected, 8),
            ];
            var originals = kept.Select(k => (Paper: Paper(k.Type, DocumentSource.ReceivedInService, now.AddDays(-k.DaysAgo)), k.Category, k.DaysAgo)).ToList();
            await db.SaveChangesAsync(ct);

            foreach (var paper in uncollected.Concat(waiting).Concat(handedBack).Concat(originals.Select(o => o.Paper)))
                paper.Stamp(staff.UserName, paper.ScannedAt.AddMinutes(10));
            foreach (var paper in handedBack) paper.HandBack(staff.UserName, paper.ScannedAt.AddMinutes(15));
            ruling.DestroyInBranch(staff.UserName, ruling.ScannedAt.AddHours(1));
            var register = 1200;
            foreach (var (paper, category, daysAgo) in originals)
            {
                // Registered in the branch's register the day before it was scanned.
                var day = JalaliDate.FromInstant(now.AddDays(-daysAgo - 1)).ToDateOnly();
                db.KeptOriginals.Add(paper.Keep(new KeepForm.Valid(category, (register += 37).ToString(System.Globalization.CultureInfo.InvariantCulture), day),
                    staff.UserName, paper.ScannedAt.AddMinutes(20)));
            }
            await db.SaveChangesAsync(ct);
        }
    }
}
