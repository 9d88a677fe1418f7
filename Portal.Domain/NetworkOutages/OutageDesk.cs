using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.NetworkOutages;

/// <summary>
/// The branch's data-processing unit keeps its outages (seed 004 §3): records one, follows it up with the support
/// company, resolves it. Only the branch's own staff act, on the branch's own outages; another's outage is "not found".
/// Two outages of a branch never overlap, so no hour is counted twice in the evaluation. An edit made on an outage that
/// changed meanwhile is refused (its <see cref="NetworkOutage.Version"/>): the page keeps what the user typed.
/// </summary>
public sealed class OutageDesk(PortalDb portalDb, TimeProvider clock)
{
    /// <summary>Records the outage; returns its id, or the messages per field with nothing kept.</summary>
    public async Task<(int? Id, IReadOnlyDictionary<string, string> Errors)> RecordAsync(OutageForm form, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.OutagesRecord, ct);
        var branch = await OwnBranchAsync(db, ct);
        var now = clock.GetUtcNow();
        var (valid, errors) = form.Validate(now);
        if (valid is null) return (null, errors);
        if (await OverlappingAsync(db, branch.Id, valid.StartedAt, valid.EndedAt, ct) is { } other)
            return (null, new Dictionary<string, string> { [nameof(OutageForm.StartDate)] = Messages.Format("Outages.Overlaps", Persian(other)) });
        var by = db.Actor.UserName;
        var outage = new NetworkOutage(branch.Id, branch.ProvinceId ?? 0, valid.StartedAt, valid.Cause, valid.Description, valid.SupportReference, by, now);
        if (valid.EndedAt is { } end) outage.Resolve(end, null, by, now);
        db.NetworkOutages.Add(outage);
        await SaveAsync(db, ct);
        return (outage.Id, errors);
    }

    /// <summary>Adds a follow-up to an open outage of the branch, as the user saw it (<paramref name="version"/>).</summary>
    public async Task<IReadOnlyDictionary<string, string>> FollowUpAsync(int id, Guid version, FollowUpForm form, CancellationToken ct = default)
    {
        var (valid, errors) = form.Validate();
        if (valid is null) return errors;
        await using var db = await portalDb.OpenForAsync(Permission.OutagesRecord, ct);
        var outage = await OwnOutageAsync(db, id, version, ct);
        outage.FollowUp(valid.Note, valid.SupportReference, db.Actor.UserName, clock.GetUtcNow());
        await SaveAsync(db, ct);
        return errors;
    }

    /// <summary>Resolves an open outage of the branch, as the user saw it. Final: no follow-up after it.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ResolveAsync(int id, Guid version, ResolveForm form, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.OutagesRecord, ct);
        var outage = await OwnOutageAsync(db, id, version, ct);
        var now = clock.GetUtcNow();
        var (valid, errors) = form.Validate(outage.StartedAt, now);
        if (valid is null) return errors;
        outage.Resolve(valid.EndedAt, valid.Note, db.Actor.UserName, now);
        await SaveAsync(db, ct);
        return errors;
    }

    private static async Task<OrgUnit> OwnBranchAsync(PortalDbContext db, CancellationToken ct)
    {
        var unitId = db.Actor.UnitId;
        return await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == unitId && u.Kind == UnitKind.Branch, ct)
            ?? throw DomainException.Forbidden("Outages.OnlyBranch");
    }

    /// <summary>The outage, when it is the acting branch's own (else "not found", whatever the scope lets the user read) and unchanged since it was shown.</summary>
    private static async Task<NetworkOutage> OwnOutageAsync(PortalDbContext db, int id, Guid version, CancellationToken ct)
    {
        var branch = db.Actor.UnitId;
        var outage = await db.NetworkOutages.Include(o => o.FollowUps).SingleOrDefaultAsync(o => o.Id == id && o.BranchId == branch, ct)
            ?? throw DomainException.Of("Outages.NotFound");
        return outage.Version == version ? outage : throw DomainException.Of("Outages.ChangedMeanwhile");
    }

    /// <summary>An outage of the branch whose time overlaps [start, end) (an open one runs on), if any.</summary>
    private static Task<NetworkOutage?> OverlappingAsync(PortalDbContext db, int branchId, DateTimeOffset start, DateTimeOffset? end, CancellationToken ct)
    {
        var outages = db.NetworkOutages.AsNoTracking().Where(o => o.BranchId == branchId && (o.EndedAt == null || o.EndedAt > start));
        if (end is { } until) outages = outages.Where(o => o.StartedAt < until);
        return outages.OrderBy(o => o.StartedAt).FirstOrDefaultAsync(ct);
    }

    private static string Persian(NetworkOutage other)
    {
        var (date, time) = OutageTime.Text(other.StartedAt);
        return TextNormalizer.ToPersianDigits($"{date} {time}");
    }

    internal static async Task SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw DomainException.Of("Outages.ChangedMeanwhile"); }
    }
}
