using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.MonthlyStats;

/// <summary>
/// The monthly statistics' workflow as each office does its part: agencies fill and submit their own report, the
/// review office serving the agency accepts, returns, forwards and reopens. Query filters keep reads in scope; the
/// commands also check that the acting unit is the agency itself or the review office serving it.
/// </summary>
public sealed class MonthlyStatsDesk(PortalDb portalDb, TimeProvider clock, MonthlyStatsOptions options)
{
    public sealed record Category(int Id, string NameFa, string NameEn);

    /// <summary>What the month's form shows: the categories, the figures so far and where the report stands.</summary>
    public sealed record Sheet(int AgencyId, JalaliMonth Period, IReadOnlyList<Category> Categories, int PendingBroughtForward,
        ReportStatus? Status, ReportFigures? Figures, string? ReturnReason, int ChangesSinceAcceptance, Guid? Version, bool ActorSubmits,
        DateTimeOffset? LockedFrom, bool PastLock, DateTimeOffset OpensAt, bool IsOpen)
    {
        /// <summary>
        /// The agency edits a report it has not sent, or one sent back to it; after the lock, only one sent back; before
        /// the month's last day, nothing.
        /// </summary>
        public bool Editable => IsOpen && MonthlyReport.AgencyMayEdit(Status, PastLock);

        /// <summary>The month closed before the agency sent anything: only the review office can record it now.</summary>
        public bool LockedBeforeSubmitting => PastLock && Status is null or ReportStatus.Draft;

        /// <summary>Its manager may submit what is on the form (saved with it in one step) while the agency may edit.</summary>
        public bool Submittable => ActorSubmits && Editable;
    }

    private bool PastLock(JalaliMonth period) => MonthlyReport.LockedFrom(period, options.LockDay) <= clock.GetUtcNow();

    /// <summary>The month's form of the acting agency user's own agency.</summary>
    public async Task<Sheet> SheetAsync(JalaliMonth period, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        var agencyId = OwnAgency(db);
        var report = await db.MonthlyReports.AsNoTracking().Include(r => r.Lines).SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.Period == period.Key, ct);
        var categories = await CategoriesAsync(db, report, ct);
        var lockedFrom = MonthlyReport.LockedFrom(period, options.LockDay);
        var (opensAt, open) = (MonthlyReport.OpensAt(period), MonthlyReport.IsOpen(period, clock.GetUtcNow()));
        return report is null
            ? new Sheet(agencyId, period, categories, await BroughtForwardAsync(db, agencyId, period, ct), null, null, null, 0, null, Submits(db), lockedFrom,
                PastLock(period), opensAt, open)
            : new Sheet(agencyId, period, categories, report.PendingBroughtForward, report.Status, report.Figures, report.ReturnReason,
                report.ChangesSinceAcceptance, report.Version, Submits(db), lockedFrom, PastLock(period), opensAt, open);
    }

    /// <summary>Saves the agency's figures as a draft (or its correction of a returned report); returns the errors by field, none when saved.</summary>
    public Task<IReadOnlyDictionary<string, string>> SaveAsync(JalaliMonth period, MonthlyReportForm form, Guid? version, CancellationToken ct = default) =>
        RecordAsync(period, form, version, submit: false, ct);

    /// <summary>
    /// Submits what is on the form: checks it exactly as a save does (errors by field, nothing kept or sent when any),
    /// then saves the figures and submits the report in one transaction, so the review office gets what the manager saw.
    /// Only the agency's manager submits.
    /// </summary>
    public Task<IReadOnlyDictionary<string, string>> SubmitAsync(JalaliMonth period, MonthlyReportForm form, Guid? version, CancellationToken ct = default) =>
        RecordAsync(period, form, version, submit: true, ct);

    private async Task<IReadOnlyDictionary<string, string>> RecordAsync(JalaliMonth period, MonthlyReportForm form, Guid? version, bool submit, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        MonthlyReport.EnsureOpen(period, now);
        await using var db = await portalDb.OpenAsync(ct);
        var agencyId = OwnAgency(db);
        if (submit) db.Actor.Require(Permission.MonthlySubmit, "Monthly.OnlyManagerSubmits");
        var report = await db.MonthlyReports.Include(r => r.Lines).SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.Period == period.Key, ct);
        if (report is null)
        {
            var agency = await db.Agencies.SingleAsync(a => a.Id == agencyId, ct);
            report = new MonthlyReport(agency, period, await BroughtForwardAsync(db, agencyId, period, ct));
            db.MonthlyReports.Add(report);
        }
        else if (report.Version != version) throw DomainException.Of("Monthly.ChangedMeanwhile");
        EnsureAgencyMayEdit(report.Status, period);
        var categories = (await CategoriesAsync(db, report, ct)).Select(c => c.Id).ToList();
        var (figures, errors) = form.Validate(categories, report.PendingBroughtForward);
        if (figures is null) return errors;
        report.Record(figures);
        if (submit) report.Submit(db.Actor.UserName, now);
        await SaveAsync(db, ct); // one SaveChanges: the figures and the submission are kept together or not at all
        return errors;
    }

    private void EnsureAgencyMayEdit(ReportStatus? status, JalaliMonth period)
    {
        if (!MonthlyReport.AgencyMayEdit(status, pastLock: false)) throw DomainException.Of("Monthly.NotEditable");
        if (!MonthlyReport.AgencyMayEdit(status, PastLock(period))) throw DomainException.Of("Monthly.PeriodLocked");
    }

    public Task AcceptAsync(int reportId, Guid version, CancellationToken ct = default) =>
        ReviewAsync(reportId, version, (db, r) => r.Accept(db.Actor.UserName, clock.GetUtcNow()), ct);

    public Task ReturnAsync(int reportId, Guid version, string reason, CancellationToken ct = default) =>
        ReviewAsync(reportId, version, (db, r) => r.Return(reason, db.Actor.UserName, clock.GetUtcNow()), ct);

    public Task ForwardAsync(int reportId, Guid version, CancellationToken ct = default) =>
        ReviewAsync(reportId, version, (db, r) => r.Forward(db.Actor.UserName, clock.GetUtcNow()), ct);

    public Task ReopenAsync(int reportId, Guid version, string reason, CancellationToken ct = default) =>
        ReviewAsync(reportId, version, (db, r) => r.Reopen(reason, db.Actor.UserName, clock.GetUtcNow()), ct);

    /// <summary>Forwards every accepted report of the month from the agencies the office serves; returns how many.</summary>
    public async Task<int> ForwardAllAsync(JalaliMonth period, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        db.Actor.Require(Permission.MonthlyReview, "Monthly.OnlyReviewOffice");
        var accepted = await Reviewed(db).Where(r => r.Period == period.Key && r.Status == ReportStatus.Accepted).ToListAsync(ct);
        var at = clock.GetUtcNow();
        foreach (var report in accepted) report.Forward(db.Actor.UserName, at);
        await SaveAsync(db, ct);
        return accepted.Count;
    }

    private async Task ReviewAsync(int reportId, Guid version, Action<PortalDbContext, MonthlyReport> change, CancellationToken ct)
    {
        await using var db = await portalDb.OpenAsync(ct);
        db.Actor.Require(Permission.MonthlyReview, "Monthly.OnlyReviewOffice");
        var report = await Reviewed(db).SingleOrDefaultAsync(r => r.Id == reportId, ct) ?? throw DomainException.Of("Monthly.NotFound");
        if (report.Version != version) throw DomainException.Of("Monthly.ChangedMeanwhile");
        change(db, report);
        await SaveAsync(db, ct);
    }

    /// <summary>Reports of the agencies the acting review office serves now.</summary>
    private static IQueryable<MonthlyReport> Reviewed(PortalDbContext db)
    {
        var officeId = db.Actor.UnitId;
        return db.MonthlyReports.Where(r => r.Agency.ReviewOfficeId == officeId);
    }

    private static bool Submits(PortalDbContext db) => db.Actor.Can(Permission.MonthlySubmit);

    private static int OwnAgency(PortalDbContext db) =>
        db.Actor.Can(Permission.MonthlyEntry) && db.Actor.UnitId is int id ? id : throw DomainException.Forbidden("Monthly.OnlyAgency");

    /// <summary>The previous month's pending count, carried in; none when the agency has no report for it.</summary>
    private static async Task<int> BroughtForwardAsync(PortalDbContext db, int agencyId, JalaliMonth period, CancellationToken ct) =>
        await db.MonthlyReports.Where(r => r.AgencyId == agencyId && r.Period == period.Previous().Key)
            .Select(r => (int?)r.PendingAtEnd).SingleOrDefaultAsync(ct) ?? 0;

    /// <summary>The active categories, plus any retired one the report already has figures for.</summary>
    private static async Task<IReadOnlyList<Category>> CategoriesAsync(PortalDbContext db, MonthlyReport? report, CancellationToken ct)
    {
        var used = report?.Lines.Select(l => l.CategoryId).ToList() ?? [];
        return await db.ClaimCategories.Where(c => c.IsActive || used.Contains(c.Id)).OrderBy(c => c.SortOrder)
            .Select(c => new Category(c.Id, c.NameFa, c.NameEn)).ToListAsync(ct);
    }

    private static async Task SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        // A report changed since it was read, or one started meanwhile (on another tab or server) for a month this form
        // found empty: a month has one report, so the second save is refused.
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            throw DomainException.Of("Monthly.ChangedMeanwhile");
        }
    }
}
