using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.Rollout;

/// <summary>A review office's training sessions for the representatives of the agencies it serves (seed 000 §2-1).</summary>
public sealed class TrainingPlanner(PortalDb portalDb, TimeProvider clock)
{
    public sealed record SessionRow(int Id, TrainingStage Stage, DateOnly Date, string Place, string Trainer, string ReviewOffice, int Enrolled, int Attended);

    public sealed record Candidate(int RepresentativeId, string Name, string NationalId, string AgencyCode, string AgencyName);

    public async Task<(IReadOnlyList<SessionRow> Rows, int Total)> ListAsync(int skip, int take, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        var query = db.TrainingSessions.AsNoTracking();
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).Skip(skip).Take(take)
            .Select(s => new SessionRow(s.Id, s.Stage, s.Date, s.Place, s.Trainer, s.ReviewOffice.Name, s.Attendees.Count, s.Attendees.Count(a => a.Attended == true)))
            .ToListAsync(ct);
        return (rows, total);
    }

    public async Task<TrainingSession?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        return await db.TrainingSessions.AsNoTracking().Include(s => s.ReviewOffice).Include(s => s.Agency)
            .Include(s => s.Attendees).ThenInclude(a => a.Representative).ThenInclude(r => r.Agency)
            .SingleOrDefaultAsync(s => s.Id == id, ct);
    }

    /// <summary>Creates a session of the actor's review office; a supplementary one at <paramref name="agencyId"/>.</summary>
    public async Task<int> CreateAsync(TrainingStage stage, JalaliDate date, string? place, string trainer, int? agencyId, CancellationToken ct = default)
    {
        await using var db = await OpenAsReviewOfficeAsync(ct);
        var office = await db.OrgUnits.SingleAsync(u => u.Id == db.Actor.UnitId, ct);
        TrainingSession session;
        if (stage == TrainingStage.Supplementary)
        {
            var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId, ct) ?? throw DomainException.Of("Training.AgencyRequired");
            session = TrainingSession.AtAgency(office, agency, date.ToDateOnly(), trainer);
        }
        else session = TrainingSession.AtReviewOffice(office, stage, date.ToDateOnly(), place ?? "", trainer);
        db.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>Representatives the session may take: current ones of agencies this review office serves (of one agency for stage 3), not yet enrolled.</summary>
    public async Task<IReadOnlyList<Candidate>> CandidatesAsync(int sessionId, string? search, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        var session = await db.TrainingSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null) return [];
        var key = SearchKey.Of(search);
        var query = db.Representatives.Where(r => r.RemovedAt == null && r.Agency.ReviewOfficeId == session.ReviewOfficeId
            && r.Agency.Status != Agencies.AgencyStatus.Closed && !db.TrainingAttendances.Any(a => a.SessionId == sessionId && a.RepresentativeId == r.Id));
        if (session.AgencyId is { } agencyId) query = query.Where(r => r.AgencyId == agencyId);
        if (key.Length > 0) query = query.Where(r => r.SearchText.Contains(key) || r.Agency.SearchText.Contains(key));
        return await query.OrderBy(r => r.Agency.Code).ThenBy(r => r.Name).Take(100)
            .Select(r => new Candidate(r.Id, r.Name, r.NationalId, r.Agency.Code, r.Agency.Name)).ToListAsync(ct);
    }

    public async Task EnrolAsync(int sessionId, IReadOnlyCollection<int> representativeIds, CancellationToken ct = default)
    {
        await using var db = await OpenAsReviewOfficeAsync(ct);
        var session = await OwnSessionAsync(db, sessionId, ct);
        var representatives = await db.Representatives.Include(r => r.Agency).Where(r => representativeIds.Contains(r.Id)).ToListAsync(ct);
        if (representatives.Count != representativeIds.Count) throw DomainException.Of("Training.RepresentativeNotFound");
        foreach (var representative in representatives) session.Enrol(representative);
        await db.SaveChangesAsync(ct);
    }

    public async Task RecordAsync(int sessionId, int representativeId, bool attended, TrainingResult? result, CancellationToken ct = default)
    {
        await using var db = await OpenAsReviewOfficeAsync(ct);
        var session = await OwnSessionAsync(db, sessionId, ct);
        var history = await db.TrainingAttendances
            .Where(a => a.RepresentativeId == representativeId && a.SessionId != sessionId && a.Attended == true)
            .Select(a => new { a.Session.Stage, a.Session.Date }).ToListAsync(ct);
        session.Record(representativeId, attended, result, history.Select(h => (h.Stage, h.Date)).ToList(), JalaliDate.Today(clock).ToDateOnly());
        await db.SaveChangesAsync(ct);
    }

    private static async Task<TrainingSession> OwnSessionAsync(PortalDbContext db, int sessionId, CancellationToken ct) =>
        await db.TrainingSessions.Include(s => s.Attendees).ThenInclude(a => a.Representative)
            .SingleOrDefaultAsync(s => s.Id == sessionId && s.ReviewOfficeId == db.Actor.UnitId, ct)
        ?? throw DomainException.Of("Training.SessionNotFound");

    private Task<PortalDbContext> OpenAsReviewOfficeAsync(CancellationToken ct) =>
        portalDb.OpenForAsync(Permission.TrainingOrganise, ct);
}
