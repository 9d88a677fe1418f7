using Portal.Domain.Common;
using Portal.Domain.Security;

namespace Portal.Domain.OffsetFiles;

/// <summary>
/// A workshop whose employer owes hard-to-collect premiums for periods before 1396 (seed 001 §1), as the general
/// office's enforcement unit lists it. What is left of the debt is the initial debt less the settlements posted
/// against it (<see cref="Settlement"/>); <see cref="Settled"/> keeps that sum so the remaining amount can be checked
/// in the same statement that posts.
/// </summary>
public sealed class DebtorWorkshop : IScoped, IAudited
{
    /// <summary>The debts this process covers end before this year (seed 001 §1).</summary>
    public const int FirstYearExcluded = 1396;

    private readonly List<SeizedAsset> _assets = [];

    public int Id { get; private set; }
    public int ProvinceId { get; private set; }
    public string WorkshopCode { get; private set; } = "";
    public string EmployerName { get; private set; } = "";
    /// <summary>A person's 10-digit national ID or a company's 11-digit national ID.</summary>
    public string EmployerNationalId { get; private set; } = "";
    public long InitialDebt { get; private set; }
    /// <summary>The first and last months the debt belongs to, as <see cref="JalaliMonth.Key"/>.</summary>
    public int FirstPeriod { get; private set; }
    public int LastPeriod { get; private set; }
    public long Settled { get; private set; }
    public IReadOnlyCollection<SeizedAsset> Assets => _assets;
    public Guid Version { get; private set; } = Guid.NewGuid();

    private DebtorWorkshop() { }

    public DebtorWorkshop(int provinceId, string workshopCode, string employerName, string employerNationalId, long initialDebt,
        JalaliMonth firstPeriod, JalaliMonth lastPeriod)
    {
        if (initialDebt <= 0) throw DomainException.Of("Offset.AmountPositive");
        if (firstPeriod > lastPeriod) throw DomainException.Of("Offset.PeriodsReversed");
        if (lastPeriod.Year >= FirstYearExcluded) throw DomainException.Of("Offset.DebtPeriodTooLate", TextNormalizer.ToPersianDigits(FirstYearExcluded.ToString()));
        (ProvinceId, WorkshopCode, EmployerName, EmployerNationalId, InitialDebt) = (provinceId, workshopCode, employerName, employerNationalId, initialDebt);
        (FirstPeriod, LastPeriod) = (firstPeriod.Key, lastPeriod.Key);
    }

    public long Remaining => InitialDebt - Settled;

    public SeizedAsset Seize(AssetKind kind, string description, long estimatedValue, DateOnly seizedOn, string reference)
    {
        if (estimatedValue < 0) throw DomainException.Of("Offset.AmountPositive");
        var asset = new SeizedAsset(this, kind, description, estimatedValue, seizedOn, reference);
        _assets.Add(asset);
        return asset;
    }
}

public enum AssetKind { RealEstate = 1, Vehicle, BankAccount, Machinery, Shares, Other }

/// <summary>An asset of a person on the hard-to-collect list, seized by the enforcement unit.</summary>
public sealed class SeizedAsset : IScoped, IAudited
{
    public int Id { get; private set; }
    public int WorkshopId { get; private set; }
    public int ProvinceId { get; private set; }
    public AssetKind Kind { get; private set; }
    public string Description { get; private set; } = "";
    public long EstimatedValue { get; private set; }
    public DateOnly SeizedOn { get; private set; }
    public string Reference { get; private set; } = "";

    private SeizedAsset() { }

    internal SeizedAsset(DebtorWorkshop workshop, AssetKind kind, string description, long estimatedValue, DateOnly seizedOn, string reference) =>
        (WorkshopId, ProvinceId, Kind, Description, EstimatedValue, SeizedOn, Reference) =
        (workshop.Id, workshop.ProvinceId, kind, description, estimatedValue, seizedOn, reference);
}
