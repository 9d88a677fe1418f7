using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Security;

namespace Portal.Domain.MonthlyStats;

public enum ReportStatus { Draft = 1, Submitted, Accepted, Returned, Forwarded }

/// <summary>What can be done to a report; <see cref="MonthlyReport.ActionsIn"/> says which its status allows.</summary>
[Flags]
public enum ReportActions { None = 0, Submit = 1, Accept = 2, Return = 4, Forward = 8, Reopen = 16 }

/// <summary>
/// An agency's performance statistics for one Jalali month (seed 000 §1-3, §2-2): filled by the agency, submitted by its
/// manager, accepted or returned by the review office, and forwarded by it to the treatment directorate and head office
/// by the 10th of the following month. Forwarded figures are locked until an explicit, reasoned reopen.
/// </summary>
public sealed class MonthlyReport : IScoped, IAudited, IUnitOwned
{
    public const int ReasonMaxLength = 500;

    private readonly List<ReportLine> _lines = [];

    public int Id { get; private set; }
    public int AgencyId { get; private set; }
    public Agency Agency { get; private set; } = null!;
    public int ReviewOfficeId { get; private set; }
    public int ProvinceId { get; private set; }
    /// <summary>The month, as <see cref="JalaliMonth.Key"/> (e.g. 140507).</summary>
    public int Period { get; private set; }
    public ReportStatus Status { get; private set; } = ReportStatus.Draft;
    /// <summary>Files pending at the end of the previous month, carried in when the report was started.</summary>
    public int PendingBroughtForward { get; private set; }
    public int FilesForwarded { get; private set; }
    public int FilesReturned { get; private set; }
    public int PendingAtEnd { get; private set; }
    public decimal? AverageDaysToForward { get; private set; }
    public IReadOnlyCollection<ReportLine> Lines => _lines;

    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public string? AcceptedBy { get; private set; }
    public DateTimeOffset? ReturnedAt { get; private set; }
    public string? ReturnedBy { get; private set; }
    public string? ReturnReason { get; private set; }
    public DateTimeOffset? ForwardedAt { get; private set; }
    public string? ForwardedBy { get; private set; }
    /// <summary>The first forwarding: timeliness is judged on it, so a later correction does not make a report late.</summary>
    public DateTimeOffset? FirstForwardedAt { get; private set; }
    public DateTimeOffset? ReopenedAt { get; private set; }
    public string? ReopenedBy { get; private set; }
    public string? ReopenReason { get; private set; }
    /// <summary>How many times the figures changed after the review office accepted them (shown to reviewers).</summary>
    public int ChangesSinceAcceptance { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    int IUnitOwned.OwnerUnitId => AgencyId;

    private MonthlyReport() { }

    public MonthlyReport(Agency agency, JalaliMonth period, int pendingBroughtForward)
    {
        if (!agency.WasOpenIn(period)) throw DomainException.Of("Agency.Closed");
        ArgumentOutOfRangeException.ThrowIfNegative(pendingBroughtForward);
        Agency = agency;
        AgencyId = agency.Id;
        ReviewOfficeId = agency.ReviewOfficeId;
        ProvinceId = agency.ProvinceKey;
        Period = period.Key;
        PendingBroughtForward = pendingBroughtForward;
    }

    public JalaliMonth Month => JalaliMonth.FromKey(Period);

    public bool IsLocked => Status == ReportStatus.Forwarded;

    /// <summary>Forwarded on time: on or before the 10th of the following month, 23:59:59 Tehran time (first forwarding).</summary>
    public bool? ForwardedOnTime => OnTime(Month, FirstForwardedAt);

    /// <summary>The review office's deadline for forwarding a month's reports: the 10th of the next month (seed 000 §2-2).</summary>
    public const int ForwardingDeadlineDay = 10;

    /// <summary>The last day a month's reports are forwarded on time.</summary>
    public static JalaliDate ForwardingDeadline(JalaliMonth period) => period.Next().First.AddDays(ForwardingDeadlineDay - 1);

    /// <summary>The first instant that is late for forwarding a month's reports: 00:00 on the 11th of the next month, Tehran.</summary>
    public static DateTimeOffset OnTimeCutOff(JalaliMonth period) => ForwardingDeadline(period).AddDays(1).StartInstant;

    /// <summary>
    /// The one on-time rule: a month's report first forwarded at <paramref name="firstForwardedAt"/> was on time when
    /// before the cut-off; null when it has not been forwarded. Every count and mark of timeliness reads it.
    /// </summary>
    public static bool? OnTime(JalaliMonth period, DateTimeOffset? firstForwardedAt) => firstForwardedAt is { } at ? at < OnTimeCutOff(period) : null;

    /// <summary>Whether a month's reports not yet forwarded are late at <paramref name="now"/>.</summary>
    public static bool LateToForward(JalaliMonth period, DateTimeOffset now) => now >= OnTimeCutOff(period);

    /// <summary>
    /// The workflow's acts each status allows; <see cref="Submit"/>, <see cref="Accept"/>, <see cref="Return"/>,
    /// <see cref="Forward"/> and <see cref="Reopen"/> refuse the others.
    /// </summary>
    public static ReportActions ActionsIn(ReportStatus status) => status switch
    {
        ReportStatus.Draft or ReportStatus.Returned => ReportActions.Submit,
        ReportStatus.Submitted => ReportActions.Accept | ReportActions.Return,
        ReportStatus.Accepted => ReportActions.Forward,
        ReportStatus.Forwarded => ReportActions.Reopen,
        _ => ReportActions.None,
    };

    public static bool Allows(ReportStatus status, ReportActions action) => (ActionsIn(status) & action) == action;

    public ReportActions AllowedActions => ActionsIn(Status);

    /// <summary>
    /// The agency edits a report it has not sent (or not started), or one sent back to it; after the month's lock, only
    /// one sent back.
    /// </summary>
    public static bool AgencyMayEdit(ReportStatus? status, bool pastLock) =>
        pastLock ? status == ReportStatus.Returned : status is null or ReportStatus.Draft or ReportStatus.Returned;

    /// <summary>
    /// The first instant a month's report may be started, saved, submitted or imported: 00:00 Tehran time on the
    /// month's last day (29 or 30 Esfand by the year). Earlier the month is not over; a future month never opens.
    /// </summary>
    public static DateTimeOffset OpensAt(JalaliMonth period) => period.Last.StartInstant;

    /// <summary>Whether the month's report may be filed at <paramref name="now"/> (see <see cref="OpensAt"/>).</summary>
    public static bool IsOpen(JalaliMonth period, DateTimeOffset now) => OpensAt(period) <= now;

    /// <summary>The latest month whose report is open at <paramref name="now"/>: this month on its last day, the month before otherwise.</summary>
    public static JalaliMonth LatestOpen(DateTimeOffset now)
    {
        var month = JalaliDate.FromInstant(now).YearMonth;
        return IsOpen(month, now) ? month : month.Previous();
    }

    /// <summary>Refuses, in the user's language, a month whose report does not open yet.</summary>
    public static void EnsureOpen(JalaliMonth period, DateTimeOffset now)
    {
        if (!IsOpen(period, now))
            throw DomainException.Of("Monthly.NotOver", period.ToPersianString(), period.Last.ToPersianString());
    }

    /// <summary>The first instant that is late for an agency to submit: 00:00 on the day after its deadline day of the next month.</summary>
    public static DateTimeOffset SubmitCutOff(JalaliMonth period, int deadlineDay) => period.Next().First.AddDays(deadlineDay).StartInstant;

    /// <summary>
    /// From this instant the agency no longer starts, edits or submits the month's report, unless the review office
    /// returned it: 00:00 on the day after the lock day of the next month, Tehran. A lock day of 0 leaves months open.
    /// Unrelated to timeliness, which only looks at the forwarding time.
    /// </summary>
    public static DateTimeOffset? LockedFrom(JalaliMonth period, int lockDay) =>
        lockDay <= 0 ? null : period.Next().First.AddDays(lockDay).StartInstant;

    /// <summary>
    /// Sets the figures, line by line in place (so the audit log holds each value's old → new). Refused once forwarded
    /// (reopen first); after acceptance every change counts as a change since acceptance. Who may record in which
    /// status is the service's rule.
    /// </summary>
    public void Record(ReportFigures figures)
    {
        if (Status is ReportStatus.Forwarded) throw DomainException.Of("Monthly.Locked");
        if (figures.PendingAtEnd != PendingBroughtForward + figures.FilesReceived - figures.FilesForwarded - figures.FilesReturned)
            throw new ArgumentException("Figures must be validated against this report's pending count.", nameof(figures));
        if (!SameAs(figures) && Status == ReportStatus.Accepted) ChangesSinceAcceptance++;
        foreach (var c in figures.Categories)
        {
            if (_lines.FirstOrDefault(l => l.CategoryId == c.CategoryId) is { } line) line.Set(c.FilesReceived, c.AmountClaimed);
            else _lines.Add(new ReportLine(c.CategoryId, c.FilesReceived, c.AmountClaimed));
        }
        _lines.RemoveAll(l => figures.Categories.All(c => c.CategoryId != l.CategoryId));
        (FilesForwarded, FilesReturned, PendingAtEnd, AverageDaysToForward) =
            (figures.FilesForwarded, figures.FilesReturned, figures.PendingAtEnd, figures.AverageDaysToForward);
        Touch();
    }

    /// <summary>
    /// The review office records the agency's figures itself (from its monthly sheet of many agencies): they count as
    /// received and accepted by the office at that moment.
    /// </summary>
    public void RecordForAgency(ReportFigures figures, string by, DateTimeOffset at)
    {
        Record(figures);
        if (Status is ReportStatus.Draft or ReportStatus.Returned) Submit(by, at);
        if (Status == ReportStatus.Submitted) Accept(by, at);
    }

    public void Submit(string by, DateTimeOffset at)
    {
        Require(ReportActions.Submit);
        (Status, SubmittedAt, SubmittedBy) = (ReportStatus.Submitted, at, by);
        Touch();
    }

    public void Accept(string by, DateTimeOffset at)
    {
        Require(ReportActions.Accept);
        (Status, AcceptedAt, AcceptedBy, ChangesSinceAcceptance) = (ReportStatus.Accepted, at, by, 0);
        Touch();
    }

    public void Return(string reason, string by, DateTimeOffset at)
    {
        Require(ReportActions.Return);
        (Status, ReturnedAt, ReturnedBy, ReturnReason) = (ReportStatus.Returned, at, by, Reason(reason));
        Touch();
    }

    public void Forward(string by, DateTimeOffset at)
    {
        Require(ReportActions.Forward);
        (Status, ForwardedAt, ForwardedBy) = (ReportStatus.Forwarded, at, by);
        FirstForwardedAt ??= at;
        Touch();
    }

    /// <summary>Unlocks forwarded figures for correction; the report goes back to accepted and must be forwarded again.</summary>
    public void Reopen(string reason, string by, DateTimeOffset at)
    {
        Require(ReportActions.Reopen);
        (Status, ReopenedAt, ReopenedBy, ReopenReason) = (ReportStatus.Accepted, at, by, Reason(reason));
        Touch();
    }

    public ReportFigures Figures => new(_lines.Select(l => new CategoryFigures(l.CategoryId, l.FilesReceived, l.AmountClaimed)).ToList(),
        FilesForwarded, FilesReturned, PendingAtEnd, AverageDaysToForward);

    private bool SameAs(ReportFigures figures) =>
        figures.FilesForwarded == FilesForwarded && figures.FilesReturned == FilesReturned && figures.PendingAtEnd == PendingAtEnd
        && figures.AverageDaysToForward == AverageDaysToForward
        && figures.Categories.OrderBy(c => c.CategoryId).SequenceEqual(Figures.Categories.OrderBy(c => c.CategoryId));

    private static string Reason(string reason)
    {
        var normalized = TextNormalizer.Normalize(reason);
        if (normalized.Length == 0) throw DomainException.Of("Monthly.ReasonRequired");
        if (normalized.Length > ReasonMaxLength) throw DomainException.Of("Monthly.ReasonTooLong");
        return normalized;
    }

    private void Require(ReportActions action)
    {
        if (!Allows(Status, action)) throw Illegal();
    }

    private DomainException Illegal() => DomainException.Of("Monthly.IllegalTransition", Messages.Get($"ReportStatus.{Status}"));

    private void Touch() => Version = Guid.NewGuid();
}

/// <summary>One category's figures on a report.</summary>
public sealed class ReportLine : IAudited
{
    public int Id { get; private set; }
    public int ReportId { get; private set; }
    public int CategoryId { get; private set; }
    public ClaimCategory Category { get; private set; } = null!;
    public int FilesReceived { get; private set; }
    public long AmountClaimed { get; private set; }

    private ReportLine() { }

    internal ReportLine(int categoryId, int filesReceived, long amountClaimed) =>
        (CategoryId, FilesReceived, AmountClaimed) = (categoryId, filesReceived, amountClaimed);

    internal void Set(int filesReceived, long amountClaimed) => (FilesReceived, AmountClaimed) = (filesReceived, amountClaimed);
}
