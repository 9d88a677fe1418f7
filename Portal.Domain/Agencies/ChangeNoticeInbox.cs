using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;
using Portal.Domain.Users;
using Portal.Domain.SignIn;

namespace Portal.Domain.Agencies;

/// <summary>The treatment directorate's inbox of agency change notices (seed 000 §1-2); the general office reads it too.</summary>
public sealed class ChangeNoticeInbox(PortalDb portalDb, TimeProvider clock)
{
    /// <summary>
    /// A notice as people read it: field by field, with the full names of whoever recorded and acknowledged it (their
    /// user names when the account is gone).
    /// </summary>
    public sealed record Row(int Id, int AgencyId, string AgencyCode, string AgencyName, ChangeKind Kind, IReadOnlyList<NoticeField> Fields,
        DateOnly EffectiveDate, DateTimeOffset RaisedAt, string RaisedBy, string RaisedByName, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy,
        string? AcknowledgedByName);

    public async Task<(IReadOnlyList<Row> Rows, int Total)> ListAsync(bool unacknowledgedOnly, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        var query = db.ChangeNotices.AsNoTracking();
        if (unacknowledgedOnly) query = query.Where(n => n.AcknowledgedAt == null);
        var total = await query.CountAsync(ct);
        var rows = await RowsAsync(db, query.OrderBy(n => n.AcknowledgedAt != null).ThenByDescending(n => n.Id).Skip(skip).Take(take), ct);
        return (rows, total);
    }

    /// <summary>The rows of <paramref name="notices"/> in their order, with the people's names looked up once.</summary>
    internal static async Task<IReadOnlyList<Row>> RowsAsync(PortalDbContext db, IQueryable<ChangeNotice> notices, CancellationToken ct)
    {
        var raw = await notices.Select(n => new
        {
            n.Id, n.AgencyId, n.Agency.Code, n.Agency.Name, n.Kind, n.Before, n.After, n.EffectiveDate, n.RaisedAt, n.RaisedBy, n.AcknowledgedAt, n.AcknowledgedBy,
        }).ToListAsync(ct);
        var names = await UserNames.FullNamesAsync(db, raw.Select(n => n.RaisedBy).Concat(raw.Select(n => n.AcknowledgedBy)), ct);
        return raw.Select(n => new Row(n.Id, n.AgencyId, n.Code, n.Name, n.Kind, ChangeNotice.FieldsOf(n.Before, n.After), n.EffectiveDate, n.RaisedAt,
            n.RaisedBy, names.GetValueOrDefault(n.RaisedBy, n.RaisedBy), n.AcknowledgedAt, n.AcknowledgedBy,
            n.AcknowledgedBy is null ? null : names.GetValueOrDefault(n.AcknowledgedBy, n.AcknowledgedBy))).ToList();
    }

    /// <summary>The badge: notices waiting for this treatment directorate. Other roles have nothing to acknowledge.</summary>
    public async Task<int> WaitingAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!db.Actor.Can(Permission.ChangeNoticesAcknowledge)) return 0;
        return await db.ChangeNotices.CountAsync(n => n.AcknowledgedAt == null, ct);
    }

    public async Task AcknowledgeAsync(int id, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        db.Actor.Require(Permission.ChangeNoticesAcknowledge);
        var notice = await db.ChangeNotices.SingleOrDefaultAsync(n => n.Id == id, ct) ?? throw DomainException.Of("Notice.NotFound");
        notice.Acknowledge(db.Actor.UserName, clock.GetUtcNow());
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw DomainException.Of("Notice.AcknowledgedMeanwhile"); }
    }
}
