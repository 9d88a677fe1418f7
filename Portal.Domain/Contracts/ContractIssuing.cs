using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using static Portal.Domain.Contracts.ContractAccess;

namespace Portal.Domain.Contracts;

/// <summary>Issues a draft: numbers it, renders its PDF once from the newest template version and stores it by hash.</summary>
public sealed class ContractIssuing(PortalDb portalDb, IContractPdf pdfEngine, IFileStore files, TimeProvider clock)
{
    /// <summary>Today's date in Tehran: a contract whose last day is before it has ended.</summary>
    public DateOnly Today => JalaliDate.Today(clock).ToDateOnly();

    /// <remarks>A draft whose term ended before today (Tehran) is issued only with <paramref name="lateReason"/>, kept on the contract.</remarks>
    public async Task IssueAsync(int id, Guid version, string? lateReason = null, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        RequireIssuer(db);
        var contract = await Managed(db).Include(c => c.Agency).SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw DomainException.Of("Contract.NotFound");
        if (contract.Version != version) throw DomainException.Of("Contract.ChangedMeanwhile");
        await IssueAsync(db, contract, null, lateReason, ct);
    }

    /// <summary>Issues <paramref name="contract"/> (its agency loaded) in <paramref name="db"/>, alone or as part of a batch.</summary>
    internal async Task IssueAsync(PortalDbContext db, Contract contract, Guid? batchId, string? lateReason, CancellationToken ct)
    {
        // Refuse before a number is taken and a PDF made.
        contract.CheckIssue(Today, lateReason);
        if (!pdfEngine.IsAvailable) throw PdfEngine.Missing();
        var template = await db.ContractTemplates.OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct) ?? throw DomainException.Of("Contract.NoTemplate");
        var office = await db.OrgUnits.SingleAsync(u => u.Id == contract.Agency.ReviewOfficeId, ct);
        var province = await db.Provinces.SingleAsync(p => p.Id == contract.ProvinceId, ct);
        var terms = new ContractTerms(contract.StartsOn, contract.TermMonths, contract.FeePerFile);
        var now = clock.GetUtcNow();
        var today = JalaliDate.FromInstant(now);
        var number = new ContractNumber(province.Code, today.Year, await ContractCounter.NextAsync(db, contract.ProvinceId, today.Year, ct));
        var code = VerificationCodes.New();
        var paper = ContractPaper.For(ContractParties.Of(contract.Agency, office, province), terms, template, number, today, code);
        var pdf = await pdfEngine.RenderAsync(paper, ct);
        var (sha, size) = await files.SaveAsync(new MemoryStream(pdf, writable: false), ct);
        contract.Issue(number, template, paper.Text, new StoredFile(FileKind.Pdf, sha, size), code, batchId, db.Actor.UserName, now, lateReason);
        await SaveAsync(db, ct);
    }
}
