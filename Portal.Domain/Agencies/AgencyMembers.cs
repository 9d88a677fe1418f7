using Portal.Domain.Common;
using Portal.Domain.Security;

namespace Portal.Domain.Agencies;

public sealed record BoardMemberInput(string Name, string Position, string NationalId);

public sealed record RepresentativeInput(string Name, string NationalId, string Mobile);

/// <summary>A member of the agency's board of directors (seed 000 §1-1).</summary>
public sealed class BoardMember : IScoped, IAudited, IUnitOwned
{
    int IUnitOwned.OwnerUnitId => AgencyId;

    public int Id { get; private set; }
    public int AgencyId { get; private set; }
    public int ProvinceId { get; private set; }
    public string Name { get; private set; } = "";
    public string Position { get; private set; } = "";
    public string NationalId { get; private set; } = "";

    private BoardMember() { }

    internal BoardMember(Agency agency, BoardMemberInput input)
    {
        AgencyId = agency.Id;
        ProvinceId = agency.ProvinceKey;
        (Name, Position, NationalId) = (input.Name, input.Position, input.NationalId);
    }

    internal void ConcealFor(PersonalData personal) => NationalId = personal.NationalId(NationalId) ?? "";
}

/// <summary>
/// A person the agency sends to the three-stage training (seed 000 §1-1, §2-1). Replaced representatives are kept
/// (with the date they stopped), so their training history and the agency's history stay whole.
/// </summary>
public sealed class Representative : IScoped, IAudited, IUnitOwned, ISearchable
{
    int IUnitOwned.OwnerUnitId => AgencyId;

    public int Id { get; private set; }
    public int AgencyId { get; private set; }
    public Agency Agency { get; private set; } = null!;
    public int ProvinceId { get; private set; }
    public string Name { get; private set; } = "";
    public string NationalId { get; private set; } = "";
    public string Mobile { get; private set; } = "";
    public DateTimeOffset NamedAt { get; private set; }
    public DateTimeOffset? RemovedAt { get; private set; }
    // The first date each training stage was attended: kept by TrainingSession.Record from the attendance records, so
    // readiness counts trained representatives without joining every attendance (see ReadinessQuery).
    public DateOnly? TheoryOn { get; private set; }
    public DateOnly? PracticalOn { get; private set; }
    public DateOnly? SupplementaryOn { get; private set; }
    public string SearchText { get; private set; } = "";

    public bool IsActive => RemovedAt is null;

    public IEnumerable<string?> SearchedFields() => [Name, NationalId];

    private Representative() { }

    internal Representative(Agency agency, RepresentativeInput input, DateTimeOffset at)
    {
        Agency = agency;
        ProvinceId = agency.ProvinceKey;
        (Name, NationalId, Mobile) = (input.Name, input.NationalId, input.Mobile);
        NamedAt = at;
    }

    internal void ConcealFor(PersonalData personal) =>
        (NationalId, Mobile) = (personal.NationalId(NationalId) ?? "", personal.Mobile(Mobile) ?? "");

    internal void Remove(DateTimeOffset at) => RemovedAt = at;

    internal void Trained(Rollout.TrainingStage stage, DateOnly? on)
    {
        switch (stage)
        {
            case Rollout.TrainingStage.Theory: TheoryOn = on; break;
            case Rollout.TrainingStage.Practical: PracticalOn = on; break;
            default: SupplementaryOn = on; break;
        }
    }
}
