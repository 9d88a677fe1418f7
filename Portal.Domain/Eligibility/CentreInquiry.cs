using Portal.Domain.Common;
using Portal.Domain.Security;

namespace Portal.Domain.Eligibility;

/// <summary>
/// The general inquiry from the portal page (seed 002 §a): a signed-in medical centre's user asks about a national ID
/// or a foreign national's number and gets covered or not and a tracking code, logged as the centre's web inquiry.
/// </summary>
public sealed class CentreInquiry(EligibilityDesk desk, ICurrentUser currentUser)
{
    public async Task<Checked<GeneralAnswer>> AskAsync(string? nationalId, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireAsync(Permission.CentreInquiry, "Eligibility.NotACentre");
        if (actor.UnitId is null) throw DomainException.Forbidden("Eligibility.NotACentre");
        return await desk.GeneralAsync(nationalId, InquiryChannel.Web, new Requester(actor.UserName, actor.UnitId, actor.Scope.ProvinceId), ct);
    }
}
