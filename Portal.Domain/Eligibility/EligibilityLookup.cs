using Portal.Domain.Common;
using Portal.Domain.Security;

namespace Portal.Domain.Eligibility;

/// <summary>
/// The staff's look-up (call centre, treatment directorates, head office): the decision with its reason and end date, so
/// they can explain an answer. It is not a service inquiry: it takes no tracking code and is not counted in the inquiry
/// log or its reports.
/// </summary>
public sealed class EligibilityLookup(EligibilityDesk desk, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>The decision on <see cref="On"/>; <see cref="Known"/> false when the number is not in the records.</summary>
    public sealed record Answer(CoverageDecision Decision, bool Known, DateOnly On)
    {
        /// <summary>Seed 002 note 5: such children are served under the current manual rules until the electronic links exist.</summary>
        public bool ServedUnderManualRules => Decision.ServedUnderManualRules;
    }

    public async Task<Checked<Answer>> LookUpAsync(string? nationalId, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireAsync(Permission.EligibilityLookup, "Eligibility.NotStaff");
        var id = EligibilityDesk.CheckId(nationalId);
        if (!id.IsValid) return Checked<Answer>.Fail(id.Error!);
        var today = JalaliDate.Today(clock).ToDateOnly();
        var (decision, person) = await desk.DecideAsync(id.Value!, today, ct);
        return Checked<Answer>.Ok(new Answer(decision, person is not null, today));
    }
}
