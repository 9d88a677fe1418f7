using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using Portal.Domain.Rollout;
using Portal.Domain.Security;
using static Portal.Domain.Contracts.ContractAccess;

namespace Portal.Domain.Contracts;

/// <summary>
/// Issues a contract for every open agency the office serves that has finished its three training stages and has
/// no contract yet (an existing draft is issued as drafted). Each contract is issued on its own: one failure
/// leaves the others issued and is reported by agency. Terms that end before today are refused outright, and a
/// draft whose term has ended is skipped and listed: such a contract is issued on its own page, with a reason.
/// </summary>
public sealed class ContractBatchIssuing(PortalDb portalDb, IContractPdf pdfEngine, IFileStore files, TimeProvider clock)
{
    // Each contract of the batch is issued exactly as one issued on its own page.
    private readonly ContractIssuing issuing = new(portalDb, pdfEngine, files, clock);

    public sealed record BatchProgress(int Done, int Total);

    public sealed record BatchFailure(string AgencyCode, string AgencyName, string Message);

    public sealed record BatchResult(Guid BatchId, int Issued, IReadOnlyList<BatchFailure> Failures);

    public async Task<BatchResult> IssueBatchAsync(ContractTerms terms, IProgress<BatchProgress>? progress = null, CancellationToken ct = default)
    {
        CheckBatchTerms(terms);
        List<int> agencyIds;
        await using (var db = await portalDb.OpenAsync(ct))
        {
            RequireIssuer(db);
            if (!pdfEngine.IsAvailable) throw PdfEngine.Missing();
            agencyIds = await BatchCandidates(db).ToListAsync(ct);
        }
        var batchId = Guid.NewGuid();
        var failures = new List<BatchFailure>();
        var issued = 0;
        progress?.Report(new BatchProgress(0, agencyIds.Count));
        foreach (var agencyId in agencyIds)
        {
            ct.ThrowIfCancellationRequested();
            await using var db = await portalDb.OpenAsync(ct);
            var agency = await Served(db).SingleAsync(a => a.Id == agencyId, ct);
            try
            {
                var contract = await db.Contracts.SingleOrDefaultAsync(c => c.AgencyId == agencyId && c.Status == ContractStatus.Draft, ct);
                if (contract is null)
                {
                    contract = new Contract(agency, terms, db.Actor.UserName, clock.GetUtcNow());
                    db.Contracts.Add(contract);
                }
                await issuing.IssueAsync(db, contract, batchId, null, ct);
                issued++;
            }
            catch (DomainException e)
            {
                failures.Add(new BatchFailure(agency.Code, agency.Name, e.Message));
            }
            progress?.Report(new BatchProgress(issued + failures.Count, agencyIds.Count));
        }
        return new BatchResult(batchId, issued, failures);
    }

    /// <summary>Refuses batch terms whose end is before today: a batch carries no reason, so it issues no ended contract.</summary>
    public void CheckBatchTerms(ContractTerms terms)
    {
        if (terms.EndsOn < issuing.Today)
            throw DomainException.Of("Contract.BatchEndsInPast", TextNormalizer.ToPersianDigits(JalaliDate.FromDateOnly(terms.EndsOn).ToString()));
    }

    /// <summary>How many agencies <see cref="IssueBatchAsync"/> would issue for now.</summary>
    public async Task<int> BatchCandidateCountAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        return db.Actor.Can(Permission.ContractsIssue) ? await BatchCandidates(db).CountAsync(ct) : 0;
    }

    private static IQueryable<int> BatchCandidates(PortalDbContext db) =>
        db.Readiness(DateOnly.MinValue, Served(db))
            .Where(r => r.Position >= (int)ReadinessStep.ContractSigned - 1)
            .Select(r => r.AgencyId)
            // An existing draft is issued as drafted; anything further along means the agency has its contract.
            .Where(id => !db.Contracts.Any(c => c.AgencyId == id && c.Status != ContractStatus.Draft && Contract.Live.Contains(c.Status)))
            .OrderBy(id => id);
}
