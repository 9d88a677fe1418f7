using Portal.Domain.Agencies;
using Portal.Domain.Contracts;
using Portal.Domain.Data;

namespace Portal.Domain.Rollout;

/// <summary>The steps an agency goes through before it takes claims (seed 000; DESIGN §3.2), in order.</summary>
public enum ReadinessStep
{
    Listed = 1,
    RepresentativesNamed,
    TheoryTrained,
    PracticalTrained,
    SupplementaryTrained,
    ContractSigned,
    BankConfirmed,
    ToolsDeployed,
    Live,
}

/// <summary>
/// The facts an agency's readiness is derived from — never a status someone sets. <see cref="Position"/> is the
/// number of consecutive steps satisfied (0 = not even listed, 9 = live), computed in SQL so lists can filter on it.
/// </summary>
public sealed class AgencyReadiness
{
    public int AgencyId { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public int ProvinceId { get; init; }
    public int ReviewOfficeId { get; init; }
    public AgencyStatus Status { get; init; }
    public string ProvinceFa { get; init; } = "";
    public string? City { get; init; }
    public string ManagerName { get; init; } = "";
    public bool Listed { get; init; }
    public int Representatives { get; init; }
    public int Theory { get; init; }
    public int Practical { get; init; }
    public int Supplementary { get; init; }
    public bool ContractSigned { get; init; }
    public bool BankConfirmed { get; init; }
    public bool ToolsDeployed { get; init; }
    public DateOnly GoLive { get; init; }
    public int Position { get; init; }

    /// <summary>Every step with whether it is satisfied; a training stage counts when every current representative attended it.</summary>
    public IReadOnlyList<(ReadinessStep Step, bool Done)> Checklist
    {
        get
        {
            bool Trained(int attended) => Representatives > 0 && attended == Representatives;
            return
            [
                (ReadinessStep.Listed, Listed),
                (ReadinessStep.RepresentativesNamed, Representatives > 0),
                (ReadinessStep.TheoryTrained, Trained(Theory)),
                (ReadinessStep.PracticalTrained, Trained(Practical)),
                (ReadinessStep.SupplementaryTrained, Trained(Supplementary)),
                (ReadinessStep.ContractSigned, ContractSigned),
                (ReadinessStep.BankConfirmed, BankConfirmed),
                (ReadinessStep.ToolsDeployed, ToolsDeployed),
                (ReadinessStep.Live, Position == 9),
            ];
        }
    }

    /// <summary>Steps before "live" that are still missing.</summary>
    public IEnumerable<ReadinessStep> Missing => Checklist.Where(c => !c.Done && c.Step != ReadinessStep.Live).Select(c => c.Step);

    /// <summary>Every step before "live" is met (position 8 or 9).</summary>
    public const int ReadyPosition = (int)ReadinessStep.ToolsDeployed;

    public bool IsReady => Position >= ReadyPosition;

    /// <summary>Late: the province's go-live date has come and a step before "live" is missing (closed agencies never are).</summary>
    public bool IsOverdue(DateOnly today) => GoLive <= today && !IsReady && Status != AgencyStatus.Closed;
}

public static class ReadinessQuery
{
    /// <summary><see cref="AgencyReadiness.IsOverdue"/> in SQL, for filtering lists.</summary>
    public static IQueryable<AgencyReadiness> Overdue(this IQueryable<AgencyReadiness> readiness, DateOnly today) =>
        readiness.Where(r => r.GoLive <= today && r.Position < AgencyReadiness.ReadyPosition && r.Status != AgencyStatus.Closed);

    /// <summary>Readiness of the agencies in the context's scope (or of <paramref name="agencies"/>, a filtered query of them), as of <paramref name="today"/>.</summary>
    public static IQueryable<AgencyReadiness> Readiness(this PortalDbContext db, DateOnly today, IQueryable<Agency>? agencies = null) =>
        (agencies ?? db.Agencies)
            .Select(a => new
            {
                a,
                Listed = a.ManagerName != "" && a.Address != null && a.PostalCode != null && a.Phone != null,
                Representatives = a.Representatives.Count(r => r.RemovedAt == null),
                Theory = a.Representatives.Count(r => r.RemovedAt == null && r.TheoryOn != null),
                Practical = a.Representatives.Count(r => r.RemovedAt == null && r.PracticalOn != null),
                Supplementary = a.Representatives.Count(r => r.RemovedAt == null && r.SupplementaryOn != null),
                ContractSigned = db.Contracts.Any(c => c.AgencyId == a.Id && c.Status == ContractStatus.Active),
                BankConfirmed = a.BankConfirmedOn != null,
                ToolsDeployed = db.ToolDeployments.Any(t => t.AgencyId == a.Id),
                GoLive = a.Province!.RolloutWave.GoLiveDate,
            })
            .Select(x => new AgencyReadiness
            {
                AgencyId = x.a.Id, Code = x.a.Code, Name = x.a.Name, ProvinceId = x.a.ProvinceId!.Value, ReviewOfficeId = x.a.ReviewOfficeId,
                Status = x.a.Status, ProvinceFa = x.a.Province!.NameFa, City = x.a.City,
                ManagerName = x.a.ManagerName, Listed = x.Listed, Representatives = x.Representatives, Theory = x.Theory, Practical = x.Practical,
                Supplementary = x.Supplementary, ContractSigned = x.ContractSigned, BankConfirmed = x.BankConfirmed,
                ToolsDeployed = x.ToolsDeployed, GoLive = x.GoLive,
                Position = !x.Listed ? 0
                    : x.Representatives == 0 ? 1
                    : x.Theory < x.Representatives ? 2
                    : x.Practical < x.Representatives ? 3
                    : x.Supplementary < x.Representatives ? 4
                    : !x.ContractSigned ? 5
                    : !x.BankConfirmed ? 6
                    : !x.ToolsDeployed ? 7
                    : x.GoLive > today ? 8
                    : 9,
            });
}
