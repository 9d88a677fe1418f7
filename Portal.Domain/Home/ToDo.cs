using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.ElectronicFiles;
using Portal.Domain.Eligibility;
using Portal.Domain.MonthlyStats;
using Portal.Domain.NetworkOutages;
using Portal.Domain.OffsetFiles;
using Portal.Domain.Rollout;
using Portal.Domain.Security;

namespace Portal.Domain.Home;

/// <summary>What waits for someone; the page words each kind (resource <c>Home.ToDo.{Kind}</c>).</summary>
public enum ToDoKind
{
    ReportReturned = 1,
    ReportDue,
    ReportsToReview,
    ReportsToForward,
    ReportsNotSubmitted,
    NoticesToAcknowledge,
    NoticesAwaitingAcknowledgement,
    AgreementsToConfirm,
    FileReceived,
    OutcomesPending,
    ObjectionsOpen,
    ObjectionsUnderReview,
    ObjectionsDecided,
    FileToSend,
    FileBeingCompiled,
    AgenciesBehindRollout,
    ProvincesBehindMonthly,
    ProvincesBehindRollout,
    UsersLockedOut,
    FilesInQueue,
    FilesToVerify,
    DiscrepanciesToResolve,
    DocumentsToVerify,
    DestructionDue,
    AccountRequestsToDecide,
    FirstPasswordsToHandOver,
    AccountRequestRefused,
    OutagesOpen,
    OutagesLong,
}

/// <summary>
/// One thing waiting for the signed-in user: what (<see cref="Kind"/>, with its <see cref="Count"/>, <see cref="Period"/> and
/// <see cref="Subject"/> — a file's number, a province list), since when, and where the work is done (<see cref="Link"/>,
/// relative to the portal's base). <see cref="Detail"/> carries what the user must read first (a return's reason).
/// </summary>
public sealed record ToDoItem(ToDoKind Kind, string Link, int Count = 1, JalaliMonth? Period = null, string? Subject = null,
    DateTimeOffset? Since = null, DateOnly? Deadline = null, bool Overdue = false, string? Detail = null);

/// <summary>
/// The home page's to-do list (DESIGN §5), per role and from the data, read through the user's scope: each item is work
/// the role itself does, with a link to the page where it is done. Rules stay in their modules (deadlines and cut-offs
/// in <see cref="MonthlyReport"/> and <see cref="MonthlyStatsOptions"/>, who acts in the one permission table); this class
/// only asks.
/// </summary>
public sealed class ToDoList(PortalDb portalDb, TimeProvider clock, MonthlyStatsOptions options)
{
    /// <summary>How many months back an agency is reminded of a report it never sent (while the month is not locked).</summary>
    private const int MonthsBack = 12;

    public async Task<IReadOnlyList<ToDoItem>> ItemsAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        var items = new List<ToDoItem>();
        var me = db.Actor;
        if (me.Can(Permission.MonthlyEntry)) items.AddRange(await AgencyAsync(db, ct));
        if (me.Can(Permission.MonthlyReview)) items.AddRange(await ReviewOfficeAsync(db, ct));
        if (me.Can(Permission.ChangeNoticesAcknowledge)) items.AddRange(await NoticesAsync(db, ToDoKind.NoticesToAcknowledge, ct));
        if (me.Can(Permission.ChangeNoticesFollowUp)) items.AddRange(await NoticesAsync(db, ToDoKind.NoticesAwaitingAcknowledgement, ct));
        if (me.Can(Permission.OffsetTreat)) items.AddRange(await AgreementsAsync(db, ExecutionSide.Treatment, ct));
        if (me.Can(Permission.OffsetAgreementsFollowUp)) items.AddRange(await AgreementsAsync(db, ExecutionSide.Insurance, ct));
        if (me.Can(Permission.OffsetEnforce)) items.AddRange(await DraftFilesAsync(db, sendable: me.Can(Permission.OffsetSend), ct));
        if (me.Can(Permission.OffsetGovernorDecide)) items.AddRange(await GovernorAsync(db, ct));
        if (me.Can(Permission.ObjectionsHandle)) items.AddRange(await ObjectionsAsync(db, ct));
        if (me.Can(Permission.RolloutFollowUp)) items.AddRange(await RolloutAsync(db, ct));
        if (me.Can(Permission.ProvincesFollowUp)) items.AddRange(await HeadOfficeAsync(db, ct));
        if (me.Can(Permission.Administer)) items.AddRange(await AdminAsync(db, ct));
        if (me.Can(Permission.ElectronicFilesScan)) items.AddRange(await BranchFilesAsync(db, ct));
        if (me.Can(Permission.AgencyUploadsVerify)) items.AddRange(await AgencyUploadsAsync(db, ct));
        if (me.Can(Permission.AccountRequestsDecide) || me.Can(Permission.AccountRequestsFile)) items.AddRange(await Users.AccountRequestToDos.ItemsAsync(db, clock, ct));
        if (me.Can(Permission.OutagesRecord)) items.AddRange(await BranchOutagesAsync(db, ct));
        else if (me.Can(Permission.OutagesRead) && me.Scope.Level == ScopeLevel.Province) items.AddRange(await LongOutagesAsync(db, ct));
        return items;
    }

    private static string MonthQuery(JalaliMonth m) => $"period={m.Year:0000}-{m.Month:00}";

    /// <summary>
    /// The agency's returned reports (with the reason) and the months it owes: open (see <see cref="MonthlyReport.LatestOpen"/>),
    /// expected of it, not yet submitted and not locked.
    /// </summary>
    private async Task<IEnumerable<ToDoItem>> AgencyAsync(PortalDbContext db, CancellationToken ct)
    {
        if (db.Actor.UnitId is not int agencyId) return [];
        var now = clock.GetUtcNow();
        var latest = MonthlyReport.LatestOpen(now);
        var first = latest.AddMonths(-(MonthsBack - 1));
        var reports = await db.MonthlyReports.AsNoTracking().Where(r => r.AgencyId == agencyId && r.Period >= first.Key && r.Period <= latest.Key)
            .Select(r => new { r.Period, r.Status, r.SubmittedAt, r.ReturnedAt, r.ReturnReason }).ToListAsync(ct);
        var items = reports.Where(r => r.Status == ReportStatus.Returned).OrderBy(r => r.Period)
            .Select(r => new ToDoItem(ToDoKind.ReportReturned, $"monthly/form?{MonthQuery(JalaliMonth.FromKey(r.Period))}", Period: JalaliMonth.FromKey(r.Period),
                Since: r.ReturnedAt, Detail: r.ReturnReason)).ToList();
        var submitted = reports.Where(r => r.SubmittedAt != null).Select(r => r.Period).ToHashSet();
        for (var month = first; month <= latest; month = month.Next())
        {
            if (submitted.Contains(month.Key) || MonthlyReport.LockedFrom(month, options.LockDay) <= now) continue;
            if (!await ExpectedAgencies.For(db, month).AnyAsync(a => a.Id == agencyId, ct)) continue;
            var cutOff = MonthlyReport.SubmitCutOff(month, options.AgencyDeadlineDay);
            items.Add(new ToDoItem(ToDoKind.ReportDue, $"monthly/form?{MonthQuery(month)}", Period: month, Since: MonthlyReport.OpensAt(month),
                Deadline: month.Next().First.AddDays(options.AgencyDeadlineDay - 1).ToDateOnly(), Overdue: now >= cutOff));
        }
        return items;
    }

    /// <summary>The review office's agencies' reports waiting for it (submitted, accepted but not forwarded) and those not sent past the agency's deadline.</summary>
    private async Task<IEnumerable<ToDoItem>> ReviewOfficeAsync(PortalDbContext db, CancellationToken ct)
    {
        var officeId = db.Actor.UnitId;
        var now = clock.GetUtcNow();
        var waiting = await db.MonthlyReports.AsNoTracking()
            .Where(r => r.Agency.ReviewOfficeId == officeId && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted))
            .Select(r => new { r.Period, r.Status, r.SubmittedAt, r.AcceptedAt }).ToListAsync(ct);
        var items = new List<ToDoItem>();
        foreach (var month in waiting.GroupBy(r => r.Period).OrderBy(g => g.Key))
        {
            var period = JalaliMonth.FromKey(month.Key);
            var link = $"monthly/worklist?{MonthQuery(period)}";
            var lateForwarding = MonthlyReport.LateToForward(period, now);
            if (month.Where(r => r.Status == ReportStatus.Submitted).ToList() is { Count: > 0 } submitted)
                items.Add(new ToDoItem(ToDoKind.ReportsToReview, link, submitted.Count, period, Since: submitted.Min(r => r.SubmittedAt), Overdue: lateForwarding));
            if (month.Where(r => r.Status == ReportStatus.Accepted).ToList() is { Count: > 0 } accepted)
                items.Add(new ToDoItem(ToDoKind.ReportsToForward, link, accepted.Count, period, Since: accepted.Min(r => r.AcceptedAt),
                    Deadline: MonthlyReport.ForwardingDeadline(period).ToDateOnly(), Overdue: lateForwarding));
        }
        // The latest month whose agencies' deadline has passed: those that have not sent their report.
        var last = MonthlyReport.LatestOpen(now);
        while (now < MonthlyReport.SubmitCutOff(last, options.AgencyDeadlineDay)) last = last.Previous();
        var cutOff = MonthlyReport.SubmitCutOff(last, options.AgencyDeadlineDay);
        if (now >= cutOff)
        {
            var missing = await ExpectedAgencies.For(db, last).CountAsync(a => a.ReviewOfficeId == officeId
                && !db.MonthlyReports.Any(r => r.AgencyId == a.Id && r.Period == last.Key && r.SubmittedAt != null), ct);
            if (missing > 0)
                items.Add(new ToDoItem(ToDoKind.ReportsNotSubmitted, $"monthly/worklist?{MonthQuery(last)}", missing, last, Since: cutOff,
                    Deadline: last.Next().First.AddDays(options.AgencyDeadlineDay - 1).ToDateOnly(), Overdue: true));
        }
        return items;
    }

    /// <summary>Change notices not yet acknowledged: the treatment directorate's to acknowledge, the general office's to follow up.</summary>
    private static async Task<IEnumerable<ToDoItem>> NoticesAsync(PortalDbContext db, ToDoKind kind, CancellationToken ct)
    {
        var raised = await db.ChangeNotices.AsNoTracking().Where(n => n.AcknowledgedAt == null).Select(n => n.RaisedAt).ToListAsync(ct);
        return raised.Count == 0 ? [] : [new ToDoItem(kind, "agencies/notices", raised.Count, Since: raised.Min())];
    }

    /// <summary>Agreements the governor's office recorded that this side has not confirmed yet, per file.</summary>
    private static async Task<IEnumerable<ToDoItem>> AgreementsAsync(PortalDbContext db, ExecutionSide side, CancellationToken ct)
    {
        var files = OffsetDesk.Files(db);
        var open = await db.OffsetAgreements.AsNoTracking()
            .Where(a => a.Amount != null && (side == ExecutionSide.Insurance ? a.InsuranceConfirmedAt == null : a.TreatmentConfirmedAt == null)
                && files.Any(f => f.Id == a.FileId))
            .Select(a => new { a.FileId, a.RecordedAt }).ToListAsync(ct);
        var numbers = await NumbersAsync(db, open.Select(a => a.FileId), ct);
        return open.GroupBy(a => a.FileId).OrderBy(g => g.Min(a => a.RecordedAt))
            .Select(g => new ToDoItem(ToDoKind.AgreementsToConfirm, $"offset/{g.Key}", g.Count(), Subject: numbers[g.Key], Since: g.Min(a => a.RecordedAt)));
    }

    /// <summary>The general office's files being compiled; for the director-general, those ready to send.</summary>
    private static async Task<IEnumerable<ToDoItem>> DraftFilesAsync(PortalDbContext db, bool sendable, CancellationToken ct)
    {
        var drafts = await OffsetDesk.Files(db).AsNoTracking().Where(f => f.Status == OffsetFileStatus.Draft)
            .Select(f => new { f.Id, f.Title, f.CreatedAt, Ready = f.Debtors.Any() && f.Claims.Any() }).ToListAsync(ct);
        return drafts.Where(f => !sendable || f.Ready).OrderBy(f => f.CreatedAt)
            .Select(f => new ToDoItem(sendable ? ToDoKind.FileToSend : ToDoKind.FileBeingCompiled, $"offset/{f.Id}", Subject: f.Title, Since: f.CreatedAt));
    }

    /// <summary>The governor's office: files received with no meeting yet, and files under review with employer–centre pairs still without an outcome.</summary>
    private static async Task<IEnumerable<ToDoItem>> GovernorAsync(PortalDbContext db, CancellationToken ct)
    {
        var files = await OffsetDesk.Files(db).AsNoTracking().Where(f => f.Status == OffsetFileStatus.Sent || f.Status == OffsetFileStatus.UnderReview)
            .Select(f => new { f.Id, f.Number, f.Title, f.Status, f.SentAt, Pairs = f.Debtors.Count() * f.Claims.Count(), Outcomes = f.Agreements.Count() })
            .ToListAsync(ct);
        return files.OrderBy(f => f.SentAt).Select(f => f.Status == OffsetFileStatus.Sent
                ? new ToDoItem(ToDoKind.FileReceived, $"offset/{f.Id}", Subject: f.Number ?? f.Title, Since: f.SentAt)
                : new ToDoItem(ToDoKind.OutcomesPending, $"offset/{f.Id}", f.Pairs - f.Outcomes, Subject: f.Number ?? f.Title, Since: f.SentAt))
            .Where(i => i.Count > 0);
    }

    /// <summary>The call centre's objections not closed, by where they stand.</summary>
    private static async Task<IEnumerable<ToDoItem>> ObjectionsAsync(PortalDbContext db, CancellationToken ct)
    {
        var open = await db.Objections.AsNoTracking().Where(o => o.Status != ObjectionStatus.Closed)
            .Select(o => new { o.Id, o.Status, o.RecordedAt, o.TrackingCode }).ToListAsync(ct);
        return open.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g =>
        {
            var kind = g.Key switch { ObjectionStatus.Open => ToDoKind.ObjectionsOpen, ObjectionStatus.UnderReview => ToDoKind.ObjectionsUnderReview, _ => ToDoKind.ObjectionsDecided };
            var oldest = g.MinBy(o => o.RecordedAt)!;
            // One objection opens itself; several open the list.
            return new ToDoItem(kind, g.Count() == 1 ? $"eligibility/objections/{oldest.Id}" : "eligibility/objections", g.Count(),
                Subject: g.Count() == 1 ? oldest.TrackingCode : null, Since: oldest.RecordedAt);
        });
    }

    /// <summary>The province's agencies past their go-live date and not ready (see <see cref="AgencyReadiness.IsOverdue"/>).</summary>
    private async Task<IEnumerable<ToDoItem>> RolloutAsync(PortalDbContext db, CancellationToken ct)
    {
        var today = JalaliDate.Today(clock).ToDateOnly();
        var overdue = await db.Readiness(today).Overdue(today).Select(r => r.GoLive).ToListAsync(ct);
        return overdue.Count == 0 ? [] : [new ToDoItem(ToDoKind.AgenciesBehindRollout, "rollout", overdue.Count, Deadline: overdue.Min(), Overdue: true)];
    }

    /// <summary>
    /// Head office: provinces behind with the monthly statistics of the last month whose forwarding deadline has passed
    /// (not every expected report forwarded), and provinces with agencies behind the rollout.
    /// </summary>
    private async Task<IEnumerable<ToDoItem>> HeadOfficeAsync(PortalDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var month = MonthlyReport.LatestOpen(now);
        while (!MonthlyReport.LateToForward(month, now)) month = month.Previous();
        var facts = await ExpectedAgencies.For(db, month)
            .Select(a => new { a.Province!.NameFa, a.Province.Code, Forwarded = db.MonthlyReports.Any(r => r.AgencyId == a.Id && r.Period == month.Key && r.FirstForwardedAt != null) })
            .ToListAsync(ct);
        var behind = facts.GroupBy(f => (f.Code, f.NameFa)).Where(g => g.Any(f => !f.Forwarded)).OrderBy(g => g.Key.Code).Select(g => g.Key.NameFa).ToList();
        var items = new List<ToDoItem>();
        if (behind.Count > 0)
            items.Add(new ToDoItem(ToDoKind.ProvincesBehindMonthly, $"monthly?{MonthQuery(month)}", behind.Count, month, Names(behind),
                Since: MonthlyReport.OnTimeCutOff(month), Overdue: true));
        var today = JalaliDate.Today(clock).ToDateOnly();
        var rollout = await db.Readiness(today).Overdue(today).Select(r => r.ProvinceFa).Distinct().ToListAsync(ct);
        if (rollout.Count > 0) items.Add(new ToDoItem(ToDoKind.ProvincesBehindRollout, "rollout", rollout.Count, Subject: Names(rollout), Overdue: true));
        return items;
    }

    /// <summary>The administrator: accounts locked out after failed sign-ins, waiting to be let in again or looked into.</summary>
    private async Task<IEnumerable<ToDoItem>> AdminAsync(PortalDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var locked = await db.Users.AsNoTracking().Where(u => u.LockoutEnd != null && !u.IsDisabled).Select(u => u.LockoutEnd).ToListAsync(ct);
        var count = locked.Count(l => l > now);
        return count == 0 ? [] : [new ToDoItem(ToDoKind.UsersLockedOut, "admin/users", count, Overdue: true)];
    }

    /// <summary>
    /// A branch's scanning (seed 003): the files in its queue (out of turn ones make it urgent); for its supervisor also the files waiting for verification against the originals (step 7),
    /// the recount discrepancies, the documents added by the branch or a unit waiting for verification, and a
    /// six-monthly destruction list when one is due.
    /// </summary>
    private async Task<IEnumerable<ToDoItem>> BranchFilesAsync(PortalDbContext db, CancellationToken ct)
    {
        var branch = db.Actor.UnitId;
        var files = db.TechnicalFiles.Where(f => f.BranchId == branch);
        var items = new List<ToDoItem>();
        var queue = await files.Where(f => f.LastStep != ScanStepKind.Indexed && !f.InDiscrepancy)
            .GroupBy(f => 1).Select(g => new { Count = g.Count(), OutOfTurn = g.Count(f => f.OutOfTurn), Since = g.Min(f => f.RequestedAt) }).SingleOrDefaultAsync(ct);
        if (queue is not null) items.Add(new ToDoItem(ToDoKind.FilesInQueue, "electronic-files", queue.Count, Since: queue.Since, Overdue: queue.OutOfTurn > 0));
        if (!db.Actor.Can(Permission.ElectronicFilesSupervise)) return items;
        var toVerify = await files.CountAsync(f => f.LastStep == ScanStepKind.QualityChecked && !f.InDiscrepancy, ct);
        if (toVerify > 0) items.Add(new ToDoItem(ToDoKind.FilesToVerify, "electronic-files?step=QualityChecked", toVerify));
        var discrepancies = await files.CountAsync(f => f.InDiscrepancy, ct);
        if (discrepancies > 0) items.Add(new ToDoItem(ToDoKind.DiscrepanciesToResolve, "electronic-files?discrepancies=true", discrepancies, Overdue: true));
        var documents = await db.ScannedDocuments.CountAsync(d => d.BranchId == branch && d.VerifiedAt == null
            && d.Source != DocumentSource.InitialScanning && d.ScannedByUnitKind != Organisation.UnitKind.Agency, ct);
        if (documents > 0) items.Add(new ToDoItem(ToDoKind.DocumentsToVerify, "electronic-files?pending=true", documents));
        // The one rule of when a destruction is due is the destruction lists' own.
        if (await new DestructionQuery(portalDb, clock).BranchStateAsync(ct) is { Due: true } state) items.Add(new ToDoItem(ToDoKind.DestructionDue, "electronic-files/destruction", state.Candidates, Overdue: true));
        return items;
    }

    /// <summary>An agency's manager: the documents the agency's users added to technical files, waiting for the manager's verification.</summary>
    private static async Task<IEnumerable<ToDoItem>> AgencyUploadsAsync(PortalDbContext db, CancellationToken ct)
    {
        var agency = db.Actor.UnitId;
        var count = await db.ScannedDocuments.CountAsync(d => d.ScannedByUnitId == agency && d.VerifiedAt == null, ct);
        return count == 0 ? [] : [new ToDoItem(ToDoKind.DocumentsToVerify, "electronic-files?pending=true", count)];
    }

    /// <summary>The branch's outages not yet resolved, to follow up (one opens itself; several open the branch's list).</summary>
    private static async Task<IEnumerable<ToDoItem>> BranchOutagesAsync(PortalDbContext db, CancellationToken ct)
    {
        var branch = db.Actor.UnitId;
        var open = await db.NetworkOutages.AsNoTracking().Where(o => o.BranchId == branch && o.EndedAt == null).Select(o => new { o.Id, o.StartedAt }).ToListAsync(ct);
        if (open.Count == 0) return [];
        var oldest = open.MinBy(o => o.StartedAt)!;
        return [new ToDoItem(ToDoKind.OutagesOpen, open.Count == 1 ? $"outages/{oldest.Id}" : "outages", open.Count, Since: oldest.StartedAt, Overdue: true)];
    }

    /// <summary>The general office: its branches whose link has been down longer than <see cref="NetworkOutage.LongOpenHours"/> hours.</summary>
    private async Task<IEnumerable<ToDoItem>> LongOutagesAsync(PortalDbContext db, CancellationToken ct)
    {
        var before = clock.GetUtcNow().AddHours(-NetworkOutage.LongOpenHours);
        var open = await db.NetworkOutages.AsNoTracking().Where(o => o.EndedAt == null && o.StartedAt < before)
            .Select(o => new { o.BranchId, o.StartedAt }).ToListAsync(ct);
        if (open.Count == 0) return [];
        var ids = open.Select(o => o.BranchId).Distinct().ToList();
        var names = await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.Code).Select(u => u.Name).ToListAsync(ct);
        return [new ToDoItem(ToDoKind.OutagesLong, "outages/overview", ids.Count, Subject: Names(names), Since: open.Min(o => o.StartedAt), Overdue: true)];
    }

    /// <summary>Up to five names, then an ellipsis.</summary>
    private static string Names(IReadOnlyList<string> names) => string.Join("، ", names.Take(5)) + (names.Count > 5 ? "، …" : "");

    private static async Task<Dictionary<int, string>> NumbersAsync(PortalDbContext db, IEnumerable<int> fileIds, CancellationToken ct)
    {
        var ids = fileIds.Distinct().ToList();
        return await db.OffsetFiles.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Number ?? f.Title, ct);
    }
}
