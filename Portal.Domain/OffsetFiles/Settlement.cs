using Portal.Domain.Security;

namespace Portal.Domain.OffsetFiles;

/// <summary>
/// A posting: an agreed amount taken off an employer's debt and a centre's claim at once. Postings are never changed
/// or deleted; a correction is a reversing posting (the negative amount, with its reason and the posting it reverses).
/// </summary>
public sealed class Settlement : IAudited
{
    public long Id { get; private set; }
    public int ProvinceId { get; private set; }
    public int AgreementId { get; private set; }
    public int WorkshopId { get; private set; }
    public int ClaimId { get; private set; }
    public long Amount { get; private set; }
    public long? Reverses { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string By { get; private set; } = "";

    private Settlement() { }

    internal static Settlement Post(OffsetAgreement agreement, string by, DateTimeOffset at) => new()
    {
        ProvinceId = agreement.ProvinceId, AgreementId = agreement.Id, WorkshopId = agreement.WorkshopId, ClaimId = agreement.ClaimId,
        Amount = agreement.Amount!.Value, At = at, By = by,
    };

    internal Settlement Reverse(string reason, string by, DateTimeOffset at) => new()
    {
        ProvinceId = ProvinceId, AgreementId = AgreementId, WorkshopId = WorkshopId, ClaimId = ClaimId,
        Amount = -Amount, Reverses = Id, Reason = reason, At = at, By = by,
    };
}
