using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Contracts;
using Portal.Domain.Data;
using Portal.Domain.Rollout;

namespace Portal.Demo;

/// <summary>
/// Demo contracts in the demo provinces, issued as the review offices would (real PDFs, so they need Chromium):
/// about two in three agencies that finished training get one, and so does the demo manager's agency; most are signed
/// and active, the rest wait for their signature, and the remaining trained agencies are left for a batch issue.
/// </summary>
internal sealed class ContractSeeder(PortalDbContext db, IContractPdf pdfEngine, IFileStore files, TimeProvider clock)
{
    public async Task<int> SeedAsync(IReadOnlyCollection<string> provinceCodes, CancellationToken ct)
    {
        if (await db.Contracts.AnyAsync(ct)) return 0;
        if (!pdfEngine.IsAvailable) throw PdfEngine.Missing();
        var template = await db.ContractTemplates.OrderByDescending(t => t.Version).FirstAsync(ct);
        var now = clock.GetUtcNow();
        var today = JalaliDate.FromInstant(now);
        var issued = 0;
        foreach (var province in await db.Provinces.Where(p => provinceCodes.Contains(p.Code)).OrderBy(p => p.Code).ToListAsync(ct))
        {
            var trained = await db.Readiness(today.ToDateOnly(), db.Agencies.Where(a => a.ProvinceId == province.Id && a.Status != AgencyStatus.Closed))
                .Where(r => r.Position >= (int)ReadinessStep.ContractSigned - 1).OrderBy(r => r.Code).Select(r => r.AgencyId).ToListAsync(ct);
            var random = new Random(int.Parse(province.Code) * 31 + 7);
            // The demo agency manager's own agency always has one, so that sign-in shows a contract.
            var managersAgency = await db.Agencies.Where(a => a.Code == $"AG-{province.Code}001").Select(a => a.Id).SingleAsync(ct);
            var chosen = trained.Where(_ => random.Next(3) > 0).Prepend(managersAgency).Distinct().ToList();
            foreach (var agencyId in chosen)
            {
                var agency = await db.Agencies.SingleAsync(a => a.Id == agencyId, ct);
                var office = await db.OrgUnits.SingleAsync(u => u.Id == agency.ReviewOfficeId, ct);
                var starts = today.YearMonth.AddMonths(-random.Next(1, 6)).First.ToDateOnly();
                var terms = new ContractTerms(starts, 12, 50_000 * random.Next(20, 41));
                var contract = new Contract(agency, terms, "system", now);
                var number = new ContractNumber(province.Code, today.Year, await ContractCounter.NextAsync(db, province.Id, today.Year, ct));
                var code = VerificationCodes.New();
                var paper = ContractPaper.For(ContractParties.Of(agency, office, province), terms, template, number, today, code);
                var (sha, size) = await files.SaveAsync(new MemoryStream(await pdfEngine.RenderAsync(paper, ct)), ct);
                var pdf = new StoredFile(FileKind.Pdf, sha, size);
                contract.Issue(number, template, paper.Text, pdf, code, null, "system", now);
                if (agencyId == managersAgency || random.Next(5) > 0)
                {
                    contract.RecordSignedScan(pdf, "system", now); // the demo's "scan" is the issued PDF itself
                    contract.Activate(agencyHasActiveContract: false, "system", now);
                }
                db.Contracts.Add(contract);
                issued++;
            }
        }
        await db.SaveChangesAsync(ct);
        return issued;
    }
}
