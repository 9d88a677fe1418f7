using Portal.Domain.Common;
using Portal.Domain.Security;

namespace Portal.Domain.OffsetFiles;

/// <summary>Which office confirms an agreement's execution under circular 1000/97/14652 (seed 001 §4).</summary>
public enum ExecutionSide { Insurance = 1, Treatment }

/// <summary>
/// The governor's record for one employer–centre pair: agreed (with an amount) or not. An agreement is settled once
/// the insurance side (general office) and the treatment side (treatment directorate) have each confirmed it.
/// Until then it is open and holds its amount on the debt and the claim (<see cref="Holds"/>): a new agreement may
/// only take what is left after the open ones. An open agreement the parties cannot carry out is amended (its
/// confirmations are cleared: they confirmed another amount) or withdrawn, each with its reason, by the governor's office.
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
    public DateTimeOffset? AmendedAt { get; private set; }
    public string? AmendedBy { get; private set; }
    public string? AmendReason { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawnBy { get; private set; }
    public string? WithdrawReason { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    private OffsetAgreement() { }

    internal OffsetAgreement(OffsetFile file, int workshopId, int claimId, long? amount, string by, DateTimeOffset at) =>
        (FileId, ProvinceId, WorkshopId, ClaimId, Amount, RecordedBy, RecordedAt) = (file.Id, file.ProvinceId, workshopId, claimId, amount, by, at);

    public bool Agreed => Amount is not null;
    public bool FullyConfirmed => InsuranceConfirmedAt is not null && TreatmentConfirmedAt is not null;
    public bool Withdrawn => WithdrawnAt is not null;

    /// <summary>
    /// Whether the amount is still held on the debt and the claim: agreed, not withdrawn, not yet posted. (Both
    /// confirmations post it; a posting once reversed holds nothing until the agreement is amended.)
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<OffsetAgreement, bool>> Holds =>
        a => a.Amount != null && a.WithdrawnAt == null && (a.InsuranceConfirmedAt == null || a.TreatmentConfirmedAt == null);

    /// <summary>
    /// A new amount for an agreement not posted (the caller checks there is no live posting and that the amount fits
    /// what is left); both confirmations are cleared, since they confirmed another amount.
    /// </summary>
    public void Amend(long amount, string reason, string by, DateTimeOffset at)
    {
        if (Withdrawn) throw DomainException.Of("Offset.AgreementWithdrawn");
        if (amount <= 0) throw DomainException.Of("Offset.AmountPositive");
        (Amount, AmendReason, AmendedBy, AmendedAt) = (amount, reason, by, at);
        (InsuranceConfirmedAt, InsuranceConfirmedBy, TreatmentConfirmedAt, TreatmentConfirmedBy) = (null, null, null, null);
        Version = Guid.NewGuid();
    }

    /// <summary>Withdraws an agreement not posted: it holds nothing any more and can be neither confirmed nor amended.</summary>
    public void Withdraw(string reason, string by, DateTimeOffset at)
    {
        if (Withdrawn) throw DomainException.Of("Offset.AgreementWithdrawn");
        (WithdrawReason, WithdrawnBy, WithdrawnAt) = (reason, by, at);
        Version = Guid.NewGuid();
    }

    /// <summary>One side's confirmation; true when this one completes the pair (the settlement is then due).</summary>
    public bool Confirm(ExecutionSide side, string by, DateTimeOffset at)
    {
        if (!Agreed) throw DomainException.Of("Offset.NotAgreed");
        if (Withdrawn) throw DomainException.Of("Offset.AgreementWithdrawn");
        if (side == ExecutionSide.Insurance ? InsuranceConfirmedAt is not null : TreatmentConfirmedAt is not null)
            throw DomainException.Of("Offset.AlreadyConfirmed");
        if (side == ExecutionSide.Insurance) (InsuranceConfirmedAt, InsuranceConfirmedBy) = (at, by);
        else (TreatmentConfirmedAt, TreatmentConfirmedBy) = (at, by);
        Version = Guid.NewGuid();
        return FullyConfirmed;
    }
}
