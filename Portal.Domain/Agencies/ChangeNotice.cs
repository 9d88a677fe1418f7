using Portal.Domain.Common;
using Portal.Domain.Security;

namespace Portal.Domain.Agencies;

public enum ChangeKind { Manager = 1, Location, Users }

/// <summary>
/// A change of an agency's manager, location or users, which the general office must announce to the province's
/// treatment directorate (seed 000 §1-2). It is in the directorate's inbox from the moment it is saved until
/// someone there acknowledges it.
/// </summary>
public sealed class ChangeNotice : IScoped, IAudited, IUnitOwned
{
    int IUnitOwned.OwnerUnitId => AgencyId;

    public int Id { get; private set; }
    public int AgencyId { get; private set; }
    public Agency Agency { get; private set; } = null!;
    public int ProvinceId { get; private set; }
    public ChangeKind Kind { get; private set; }
    public string Before { get; private set; } = "";
    public string After { get; private set; } = "";
    public DateOnly EffectiveDate { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public string RaisedBy { get; private set; } = "";
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }

    public bool IsAcknowledged => AcknowledgedAt is not null;

    private ChangeNotice() { }

    internal ChangeNotice(Agency agency, ChangeKind kind, string before, string after, ChangeStamp stamp)
    {
        Agency = agency;
        ProvinceId = agency.ProvinceKey;
        Kind = kind;
        (Before, After) = (before, after);
        EffectiveDate = stamp.Effective;
        (RaisedAt, RaisedBy) = (stamp.At, stamp.By);
    }

    public void Acknowledge(string by, DateTimeOffset at)
    {
        if (IsAcknowledged) throw DomainException.Of("Notice.AlreadyAcknowledged", AcknowledgedBy!);
        (AcknowledgedBy, AcknowledgedAt) = (by, at);
    }
}
