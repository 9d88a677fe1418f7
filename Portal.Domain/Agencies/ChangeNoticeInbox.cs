using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.Agencies;

/// <summary>The treatment directorate's inbox of agency change notices (seed 000 §1-2); the general office reads it too.</summary>
public sealed class ChangeNoticeInbox(PortalDb portalDb, TimeProvider clock)
{
    /// <summary>Who acknowledges notices (seed 000 §1-2: the province's treatment directorate).</summary>
    public static readonly string[] Acknowledgers = [Roles.TreatmentDirectorate];

    public sealed record Row(int Id, int AgencyId, string AgencyCode, string AgencyName, ChangeKind Kind, string Before, string After,
        DateOnly EffectiveDate, DateTimeOffset RaisedAt, string RaisedBy, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy);

    public async Task<(IReadOnlyList<Row> Rows, int Total)> ListAsync(bool unacknowledgedOnly, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        var query = db.ChangeNotices.AsNoTracking();
        if (unacknowledgedOnly) query = query.Where(n => n.AcknowledgedAt == null);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(n => n.AcknowledgedAt != null).ThenByDescending(n => n.Id).Skip(skip).Take(take)
            .Select(n => new Row(n.Id, n.AgencyId, n.Agency.Code, n.Agency.Name, n.Kind, n.Before, n.After, n.EffectiveDate, n.RaisedAt,
                n.RaisedBy, n.AcknowledgedAt, n.AcknowledgedBy))
            .ToListAsync(ct);
        return (rows, total);
    }

    /// <summary>The badge: notices waiting for this treatment directorate. Other roles have nothing to acknowledge.</summary>
    public async Task<int> WaitingAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!Acknowledgers.Contains(db.Actor.Role)) return 0;
        return await db.ChangeNotices.CountAsync(n => n.AcknowledgedAt == null, ct);
    }

    public async Task AcknowledgeAsync(int id, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!Acknowledgers.Contains(db.Actor.Role)) throw new UnauthorizedAccessException("Only the treatment directorate acknowledges change notices.");
        var notice = await db.ChangeNotices.SingleOrDefaultAsync(n => n.Id == id, ct) ?? throw DomainException.Of("Notice.NotFound");
        notice.Acknowledge(db.Actor.UserName, clock.GetUtcNow());
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw DomainException.Of("Notice.AcknowledgedMeanwhile"); }
    }
}
