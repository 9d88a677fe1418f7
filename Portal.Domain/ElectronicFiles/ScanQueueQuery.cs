using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.ElectronicFiles;

/// <summary>
/// A branch's queue of files to scan: those not yet indexed, out of turn first, then the oldest request first, with the
/// step each is at and who holds it. Province and national readers see their branches' queues together.
/// </summary>
public sealed class ScanQueueQuery(PortalDb portalDb)
{
    /// <param name="AwaitingVerification">
    /// Files with added documents the reader vouches for and has not verified yet (an agency manager: the agency's
    /// uploads; a branch supervisor: the branch's and treatment units'), scanning done or not. A refused one waits no more.
    /// </param>
    public sealed record Filter(string? Text = null, ScanStepKind? Step = null, bool OnlyDiscrepancies = false, bool IncludeDone = false,
        bool AwaitingVerification = false);

    public sealed record Row(int Id, string Number, string NationalId, string PersonName, string BranchName, ScanStepKind? LastStep,
        ScanStepKind? NextStep, bool OutOfTurn, OutOfTurnReason? OutOfTurnReason, bool InDiscrepancy, DateTimeOffset RequestedAt,
        DateTimeOffset? LastStepAt, string? HolderName, int? PageCount);

    public sealed record Page(IReadOnlyList<Row> Rows, int Total);

    public async Task<Page> ListAsync(Filter filter, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!db.Actor.Can(Permission.ElectronicFilesRead)) return new Page([], 0);
        // A branch's staff and supervisor work from their own queue: the files the branch holds, read by that column
        // alone (the queue index's first) rather than through the scope filter, whose alternatives (a province's files,
        // the files a unit works on) SQLite cannot search by an index: with 200,000 files in a province it read them
        // all for the count and again for the page (bench/electronic-files.sh). The holding branch is always in the
        // reader's scope; another branch's file the branch has added a document to is still opened by its id, but is
        // not in this branch's queue to scan.
        var branch = db.Actor.UnitId;
        var ownQueue = !filter.AwaitingVerification && db.Actor.Scope.Level == ScopeLevel.Unit && branch is not null && db.Actor.Can(Permission.ElectronicFilesScan);
        var query = ownQueue
            ? db.TechnicalFiles.IgnoreQueryFilters().AsNoTracking().Where(f => f.BranchId == branch)
            : db.TechnicalFiles.AsNoTracking();
        if (filter.AwaitingVerification)
        {
            var unitId = db.Actor.UnitId;
            var pending = db.ScannedDocuments.Where(d => d.VerifiedAt == null && d.RefusedAt == null && d.Source != DocumentSource.InitialScanning);
            pending = db.Actor.Can(Permission.AgencyUploadsVerify)
                ? pending.Where(d => d.ScannedByUnitId == unitId && d.ScannedByUnitKind == Organisation.UnitKind.Agency)
                : db.Actor.Can(Permission.ElectronicFilesSupervise)
                    ? pending.Where(d => d.BranchId == unitId && d.ScannedByUnitKind != Organisation.UnitKind.Agency)
                    : pending.Where(d => false);
            query = query.Where(f => pending.Any(d => d.FileId == f.Id));
        }
        else if (!filter.IncludeDone) query = query.Where(f => f.LastStep == null || f.LastStep != ScanStepKind.Indexed);
        if (TextNormalizer.Normalize(filter.Text) is { Length: > 0 } text)
        {
            var digits = TextNormalizer.DigitsOnly(text);
            // Seven digits or more are a national ID (a file number's sequence has six): its prefix as a range of the
            // national IDs' index, which StartsWith (LIKE) or an OR with the number cannot use.
            var upper = digits + ":";
            query = digits.Length >= 7 && digits.Length == text.Length
                ? query.Where(f => string.Compare(f.NationalId, digits) >= 0 && string.Compare(f.NationalId, upper) < 0)
                : digits.Length >= 4 && digits.Length == text.Length
                    ? query.Where(f => f.NationalId.StartsWith(digits) || f.Number.Contains(digits))
                    : query.Where(f => f.PersonName.Contains(text) || f.Number.Contains(text));
        }
        if (filter.Step is { } step) query = query.Where(f => f.LastStep == step);
        if (filter.OnlyDiscrepancies) query = query.Where(f => f.InDiscrepancy);
        var total = await query.CountAsync(ct);
        // The page's ids first, ordered from the queue index alone (branch, step, out of turn, requested; the id is the
        // row's key): only the page's own rows are then read from the table, not every waiting file's before the sort.
        var ids = await query
            .OrderByDescending(f => f.OutOfTurn).ThenBy(f => f.RequestedAt).ThenBy(f => f.Id)
            .Skip(skip).Take(take).Select(f => f.Id).ToListAsync(ct);
        var found = await db.TechnicalFiles.IgnoreQueryFilters().AsNoTracking().Where(f => ids.Contains(f.Id))
            .Select(f => new
            {
                f.Id, f.Number, f.NationalId, f.PersonName, f.BranchId, f.LastStep, f.Slimmed, f.OutOfTurn, f.OutOfTurnReason, f.InDiscrepancy,
                f.RequestedAt, f.LastStepAt, f.LastStepBy, f.PageCount,
            })
            .ToDictionaryAsync(f => f.Id, ct);
        var rows = ids.Select(id => found[id]).ToList();
        var branchIds = rows.Select(r => r.BranchId).Distinct().ToList();
        var branches = await db.OrgUnits.IgnoreQueryFilters().Where(u => branchIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var holders = rows.Where(r => r.LastStepBy != null).Select(r => r.LastStepBy!).Distinct().ToList();
        var names = await db.Users.Where(u => holders.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.FullName, ct);
        return new Page([.. rows.Select(r => new Row(r.Id, r.Number, r.NationalId, r.PersonName, branches.GetValueOrDefault(r.BranchId, ""), r.LastStep,
            Next(r.LastStep, r.Slimmed, r.InDiscrepancy), r.OutOfTurn, r.OutOfTurnReason, r.InDiscrepancy, r.RequestedAt, r.LastStepAt,
            r.LastStepBy is null ? null : names.GetValueOrDefault(r.LastStepBy, r.LastStepBy), r.PageCount))], total);
    }

    private static ScanStepKind? Next(ScanStepKind? last, bool slimmed, bool discrepancy) => last switch
    {
        null => slimmed ? ScanStepKind.OutOfArchive : ScanStepKind.Slimmed,
        ScanStepKind.Indexed => null,
        ScanStepKind.Reassembled when discrepancy => ScanStepKind.Recounted,
        var l => l + 1,
    };
}
