namespace Portal.Domain.Organisation;

/// <summary>A wave of the outsourced claims-intake rollout (seed 000): its provinces go live on one date.</summary>
public sealed class RolloutWave
{
    public int Id { get; private set; }
    public int Number { get; private set; }
    /// <summary>The circular that opened the wave, e.g. «۱۰۰۰/۹۸/۱۰۷۰۴».</summary>
    public const int MaxCircularNoLength = 50;

    public string Name { get; private set; } = "";
    public string CircularNo { get; private set; } = "";
    public DateOnly GoLiveDate { get; private set; }

    private RolloutWave() { }

    public RolloutWave(int number, string name, string circularNo, DateOnly goLiveDate)
    {
        Number = number;
        Name = name;
        CircularNo = circularNo;
        GoLiveDate = goLiveDate;
    }
}
