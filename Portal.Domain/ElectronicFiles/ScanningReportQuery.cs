using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.ElectronicFiles;

/// <summary>
/// A month of scanning per branch in the reader's scope (seed 003 part 4): files scanned and indexed, pages scanned and
/// rescanned, files out of turn, the backlog and the discrepancies waiting now, added documents refused at verification;
/// documents by heading (a refused document does not count); and pages per operator, the basis of the operators' fees
/// (part 4 §2).
/// </summary>
public sealed class ScanningReportQuery(PortalDb portalDb)
{
    public sealed record BranchRow(int BranchId, string Branch, int FilesScanned, int FilesIndexed, int PagesScanned, int PagesRescanned,
        int OutOfTurn, int Backlog, int Discrepancies, int Refusals);

    public sealed record OperatorRow(string Branch, string Operator, int Documents, int Pages);

    public sealed record GroupRow(string Group, int Documents, int Pages);

    public sealed record Report(JalaliMonth Month, IReadOnlyList<BranchRow> Branches, IReadOnlyList<OperatorRow> Operators, IReadOnlyList<GroupRow> Groups)
    {
        public BranchRow Total => new(0, "", Branches.Sum(b => b.FilesScanned), Branches.Sum(b => b.FilesIndexed), Branches.Sum(b => b.PagesScanned),
            Branches.Sum(b => b.PagesRescanned), Branches.Sum(b => b.OutOfTurn), Branches.Sum(b => b.Backlog), Branches.Sum(b => b.Discrepancies),
            Branches.Sum(b => b.Refusals));
    }

    public async Task<Report> ReadAsync(JalaliMonth month, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.ElectronicFilesRead, ct);
        var (from, to) = (month.First.StartInstant, month.Next().First.StartInstant);
        // Files as the reader's scope holds them; the steps are reached through them, so they are scoped too.
        var files = db.TechnicalFiles.AsNoTracking();
        var steps = db.ScanSteps.AsNoTracking().Where(s => s.At >= from && s.At < to).Join(files, s => s.FileId, f => f.Id, (s, f) => new { s.Kind, s.Count, f.BranchId });
        var stepCounts = await steps.GroupBy(s => new { s.BranchId, s.Kind })
            .Select(g => new { g.Key.BranchId, g.Key.Kind, Files = g.Count(), Pages = g.Sum(s => s.Count ?? 0) }).ToListAsync(ct);
        var outOfTurn = await files.Where(f => f.OutOfTurnAt >= from && f.OutOfTurnAt < to).GroupBy(f => f.BranchId)
            .Select(g => new { BranchId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var waiting = await files.Where(f => f.LastStep == null || f.LastStep != ScanStepKind.Indexed).GroupBy(f => f.BranchId)
            .Select(g => new { BranchId = g.Key, Backlog = g.Count(), Discrepancies = g.Count(f => f.InDiscrepancy) }).ToListAsync(ct);
        var documents = db.ScannedDocuments.AsNoTracking().Where(d => d.ScannedAt >= from && d.ScannedAt < to);
        var scanned = await documents.Where(d => d.Source == DocumentSource.InitialScanning)
            .GroupBy(d => new { d.BranchId, d.ScannedBy }).Select(g => new { g.Key.BranchId, g.Key.ScannedBy, Documents = g.Count(), Pages = g.Sum(d => d.Pages) })
            .ToListAsync(ct);
        var groups = await documents.Where(d => d.RefusedAt == null).GroupBy(d => d.Type.Group.Name).Select(g => new GroupRow(g.Key, g.Count(), g.Sum(d => d.Pages)))
            .ToListAsync(ct);
        // Refusals fall in the month they were made, whenever the document was added; they count for the holding branch.
        var refusals = await db.ScannedDocuments.AsNoTracking().Where(d => d.RefusedAt >= from && d.RefusedAt < to).GroupBy(d => d.BranchId)
            .Select(g => new { BranchId = g.Key, Count = g.Count() }).ToListAsync(ct);

        var branchIds = stepCounts.Select(s => s.BranchId).Concat(outOfTurn.Select(o => o.BranchId)).Concat(waiting.Select(w => w.BranchId))
            .Concat(scanned.Select(s => s.BranchId)).Concat(refusals.Select(r => r.BranchId)).Distinct().ToList();
        // Names in a query of their own: IgnoreQueryFilters would lift the files' scope in a shared one.
        var names = await db.OrgUnits.IgnoreQueryFilters().Where(u => branchIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        int Steps(int branch, ScanStepKind kind) => stepCounts.Where(s => s.BranchId == branch && s.Kind == kind).Sum(s => s.Files);
        var branches = branchIds.Select(b => new BranchRow(b, names.GetValueOrDefault(b, ""),
                Steps(b, ScanStepKind.Scanned), Steps(b, ScanStepKind.Indexed), scanned.Where(s => s.BranchId == b).Sum(s => s.Pages),
                stepCounts.Where(s => s.BranchId == b && s.Kind == ScanStepKind.QualityChecked).Sum(s => s.Pages),
                outOfTurn.Where(o => o.BranchId == b).Sum(o => o.Count),
                waiting.Where(w => w.BranchId == b).Sum(w => w.Backlog), waiting.Where(w => w.BranchId == b).Sum(w => w.Discrepancies),
                refusals.Where(r => r.BranchId == b).Sum(r => r.Count)))
            .OrderBy(b => b.Branch, StringComparer.Ordinal).ToList();
        var operators = scanned.Select(s => new OperatorRow(names.GetValueOrDefault(s.BranchId, ""), s.ScannedBy, s.Documents, s.Pages))
            .OrderBy(o => o.Branch, StringComparer.Ordinal).ThenByDescending(o => o.Pages).ToList();
        return new Report(month, branches, operators, [.. groups.OrderByDescending(g => g.Pages)]);
    }
}
