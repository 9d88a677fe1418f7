namespace Portal.Domain.Organisation;

/// <summary>One of the 31 provinces: reference data, readable by everyone signed in.</summary>
public sealed class Province
{
    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string NameFa { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public int RolloutWaveId { get; private set; }
    public RolloutWave RolloutWave { get; private set; } = null!;

    private Province() { }

    public Province(string code, string nameFa, string nameEn, RolloutWave wave)
    {
        Code = code;
        NameFa = nameFa;
        NameEn = nameEn;
        RolloutWave = wave;
    }

    /// <summary>Moves the province into a newly opened rollout wave; its go-live date becomes the wave's.</summary>
    public void JoinWave(RolloutWave wave) => RolloutWave = wave;

    public string Name(bool persian) => persian ? NameFa : NameEn;
}
