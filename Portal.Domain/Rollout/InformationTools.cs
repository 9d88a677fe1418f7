using Portal.Domain.Agencies;
using Portal.Domain.Security;

namespace Portal.Domain.Rollout;

/// <summary>The informing material a treatment directorate prepares for the public (seed 000 §1-4, §2-4).</summary>
public enum InformationTool { Poster = 1, Guide, Brochure, Banner }

/// <summary>A record that a treatment directorate put information tools up at an agency.</summary>
public sealed class ToolDeployment : IScoped, IAudited, IUnitOwned
{
    int IUnitOwned.OwnerUnitId => AgencyId;

    /// <summary>The most of one tool recorded at once: a typo's extra zeros are refused, not counted.</summary>
    public const int MaxQuantity = 10_000;

    public int Id { get; private set; }
    public int AgencyId { get; private set; }
    public Agency Agency { get; private set; } = null!;
    public int ProvinceId { get; private set; }
    public InformationTool Tool { get; private set; }
    public int Quantity { get; private set; }
    public DateOnly DeployedOn { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    private ToolDeployment() { }

    public ToolDeployment(Agency agency, InformationTool tool, int quantity, DateOnly deployedOn, string by, DateTimeOffset at)
    {
        if (agency.IsClosed) throw Common.DomainException.Of("Agency.Closed");
        if (quantity is < 1 or > MaxQuantity)
            throw Common.FieldCheck.Refusal("Tools.QuantityField", Common.Input.WholeNumber(quantity.ToString(System.Globalization.CultureInfo.InvariantCulture), 1, MaxQuantity).Error!);
        // Recorded after the fact: the tools were put up on or before the day of recording (Tehran).
        if (deployedOn > Common.JalaliDate.FromInstant(at).ToDateOnly()) throw Common.FieldCheck.Refusal("Tools.DeployedOnField", Common.Messages.Get("Date.InFuture"));
        Agency = agency;
        AgencyId = agency.Id;
        ProvinceId = agency.ProvinceKey;
        (Tool, Quantity, DeployedOn, RecordedBy, RecordedAt) = (tool, quantity, deployedOn, by, at);
    }
}
