using Portal.Domain.Common;
using Portal.Domain.Security;

namespace Portal.Domain.OffsetFiles;

/// <summary>Which office confirms an agreement's execution under circular 1000/97/14652 (seed 001 §4).</summary>
public enum ExecutionSide { Insurance = 1, Treatment }

/// <summary>
/// The governor's record for one employer–centre pair: agreed (with an amount) or not. An agreement is settled once
/// the insurance side (general office) and the treatment side (treatment directorate) have each confirmed it.
/// </summary>
public sealed class OffsetAgreement : IAudited
{
    public int Id { get; private set; }
    public int FileId { get; private set; }
    public int ProvinceId { get; private set; }
    public int WorkshopId { get; private set; }
    public DebtorWorkshop Workshop { get; private set; } = null!;
    public int ClaimId { get; private set; }
    public CenterClaim Claim { get; private set; } = null!;
    /// <summary>The agreed amount in Rials; null when the parties did not agree.</summary>
    public long? Amount { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public DateTimeOffset? InsuranceConfirmedAt { get; private set; }
    public string? InsuranceConfirmedBy { get; private set; }
    public DateTimeOffset? TreatmentConfirmedAt { get; private set; }
    public string? TreatmentConfirmedBy { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    private OffsetAgreement() { }

    internal OffsetAgreement(OffsetFile file, int workshopId, int claimId, long? amount, string by, DateTimeOffset at) =>
        (FileId, ProvinceId, WorkshopId, ClaimId, Amount, RecordedBy, RecordedAt) = (file.Id, file.ProvinceId, workshopId, claimId, amount, by, at);

    public bool Agreed => Amount is not null;
    public bool FullyConfirmed => InsuranceConfirmedAt is not null && TreatmentConfirmedAt is not null;

    /// <summary>One side's confirmation; true when this one completes the pair (the settlement is then due).</summary>
    public bool Confirm(ExecutionSide side, string by, DateTimeOffset at)
    {
        if (!Agreed) throw DomainException.Of("Offset.NotAgreed");
        if (side == ExecutionSide.Insurance ? InsuranceConfirmedAt is not null : TreatmentConfirmedAt is not null)
            throw DomainException.Of("Offset.AlreadyConfirmed");
        if (side == ExecutionSide.Insurance) (InsuranceConfirmedAt, InsuranceConfirmedBy) = (at, by);
        else (TreatmentConfirmedAt, TreatmentConfirmedBy) = (at, by);
        Version = Guid.NewGuid();
        return FullyConfirmed;
    }
}
