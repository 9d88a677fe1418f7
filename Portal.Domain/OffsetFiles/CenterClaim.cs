using Portal.Domain.Common;
using Portal.Domain.Security;

namespace Portal.Domain.OffsetFiles;

/// <summary>
/// What the organisation owes a contracted medical centre for the given months (seed 001 §2), as the treatment
/// directorate lists it. Like a debt, what is left is the claim less the settlements posted against it.
/// </summary>
public sealed class CenterClaim : IScoped, IAudited
{
    public int Id { get; private set; }
    public int ProvinceId { get; private set; }
    public int MedicalCenterId { get; private set; }
    public long Amount { get; private set; }
    public int FirstPeriod { get; private set; }
    public int LastPeriod { get; private set; }
    public long Settled { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    private CenterClaim() { }

    public CenterClaim(int provinceId, int medicalCenterId, long amount, JalaliMonth firstPeriod, JalaliMonth lastPeriod)
    {
        if (amount <= 0) throw DomainException.Of("Offset.AmountPositive");
        if (firstPeriod > lastPeriod) throw DomainException.Of("Offset.PeriodsReversed");
        (ProvinceId, MedicalCenterId, Amount, FirstPeriod, LastPeriod) = (provinceId, medicalCenterId, amount, firstPeriod.Key, lastPeriod.Key);
    }

    public long Remaining => Amount - Settled;
}
