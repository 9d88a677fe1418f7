using Portal.Domain.Common;
using Portal.Domain.Security;

namespace Portal.Domain.NetworkOutages;

/// <summary>What failed on the branch's link to the organisation's network (seed 004 §3).</summary>
public enum OutageCause { WanLink = 1, Router, Power, CentralSite, Other }

/// <summary>
/// An outage of a branch's link to the organisation's network, recorded by the branch's data-processing unit with the
/// support company's reference and followed up until it is resolved (seed 004 §3). Open outages show on the province's
/// page; the hours down per month count in the units' evaluation.
/// </summary>
public sealed class NetworkOutage : IScoped, IAudited, IUnitOwned
{
    public const int DescriptionMaxLength = TextLength.Reason;
    public const int NoteMaxLength = TextLength.Reason;
    public const int ReferenceMaxLength = TextLength.Code * 2;

    /// <summary>
    /// An outage open longer than this is the general office's to-do (the branch's own to-do lists every open outage):
    /// half a working day without the network stops the branch's web services (seed 004 §3), time for the province to
    /// call the support company itself.
    /// </summary>
    public const int LongOpenHours = 4;

    private readonly List<OutageFollowUp> _followUps = [];

    public int Id { get; private set; }
    public int BranchId { get; private set; }
    public int ProvinceId { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public OutageCause Cause { get; private set; }
    public string Description { get; private set; } = "";
    /// <summary>The support company's ticket (شرکت مشاور مدیریت و خدمات ماشینی تأمین).</summary>
    public string? SupportReference { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public string? ResolvedBy { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public IReadOnlyList<OutageFollowUp> FollowUps => _followUps;

    public bool IsOpen => EndedAt is null;

    int IUnitOwned.OwnerUnitId => BranchId;

    private NetworkOutage() { }

    public NetworkOutage(int branchId, int provinceId, DateTimeOffset startedAt, OutageCause cause, string description, string? supportReference,
        string by, DateTimeOffset at)
    {
        if (startedAt > at) throw DomainException.Of("Outages.StartsInFuture");
        (BranchId, ProvinceId, StartedAt, Cause, Description, SupportReference, RecordedBy, RecordedAt) =
            (branchId, provinceId, startedAt, cause, description, supportReference, by, at);
    }

    /// <summary>A follow-up with the support company or another party, while the outage is open.</summary>
    public void FollowUp(string note, string? supportReference, string by, DateTimeOffset at)
    {
        if (!IsOpen) throw DomainException.Of("Outages.AlreadyResolved");
        if (string.IsNullOrWhiteSpace(note)) throw DomainException.Of("Outages.NoteRequired");
        _followUps.Add(new OutageFollowUp(note, by, at));
        if (supportReference is { Length: > 0 }) SupportReference = supportReference;
        Version = Guid.NewGuid();
    }

    /// <summary>The link is back: the end is not before the start and not in the future. Final: a resolved outage takes no more follow-ups.</summary>
    public void Resolve(DateTimeOffset endedAt, string? note, string by, DateTimeOffset at)
    {
        if (!IsOpen) throw DomainException.Of("Outages.AlreadyResolved");
        if (endedAt < StartedAt) throw DomainException.Of("Outages.EndsBeforeStart");
        if (endedAt > at) throw DomainException.Of("Outages.EndsInFuture");
        if (note is { Length: > 0 }) _followUps.Add(new OutageFollowUp(note, by, at));
        (EndedAt, ResolvedBy, ResolvedAt) = (endedAt, by, at);
        Version = Guid.NewGuid();
    }

    /// <summary>How long the link was down within [<paramref name="from"/>, <paramref name="until"/>); an open outage runs to <paramref name="now"/>.</summary>
    public TimeSpan DownWithin(DateTimeOffset from, DateTimeOffset until, DateTimeOffset now) => Overlap(StartedAt, EndedAt ?? now, from, until);

    public static TimeSpan Overlap(DateTimeOffset start, DateTimeOffset end, DateTimeOffset from, DateTimeOffset until)
    {
        var a = start > from ? start : from;
        var b = end < until ? end : until;
        return b > a ? b - a : TimeSpan.Zero;
    }
}

/// <summary>One step of following an outage up: who, when, what was done or heard.</summary>
public sealed class OutageFollowUp
{
    public int Id { get; private set; }
    public int OutageId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string By { get; private set; } = "";
    public string Note { get; private set; } = "";

    private OutageFollowUp() { }

    internal OutageFollowUp(string note, string by, DateTimeOffset at) => (Note, By, At) = (note, by, at);
}
