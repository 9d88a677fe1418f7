using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.Rollout;

/// <summary>The three stages of seed 000 §2-1, in the order a representative must attend them.</summary>
public enum TrainingStage { Theory = 1, Practical, Supplementary }

public enum TrainingResult { Passed = 1, NeedsRepeat }

/// <summary>
/// A training session a review office holds: theory and practical at the review office, the supplementary stage at
/// one agency's own address (seed 000 §2-1).
/// </summary>
public sealed class TrainingSession : IScoped, IAudited
{
    private readonly List<TrainingAttendance> _attendees = [];

    public int Id { get; private set; }
    public int ReviewOfficeId { get; private set; }
    public OrgUnit ReviewOffice { get; private set; } = null!;
    public int ProvinceId { get; private set; }
    public TrainingStage Stage { get; private set; }
    public DateOnly Date { get; private set; }
    public string Place { get; private set; } = "";
    public string Trainer { get; private set; } = "";
    /// <summary>The agency a supplementary session is held at; null for the other stages.</summary>
    public int? AgencyId { get; private set; }
    public Agency? Agency { get; private set; }
    public IReadOnlyCollection<TrainingAttendance> Attendees => _attendees;

    private TrainingSession() { }

    private TrainingSession(OrgUnit reviewOffice, TrainingStage stage, DateOnly date, string place, string trainer, Agency? agency)
    {
        ReviewOffice = reviewOffice;
        ReviewOfficeId = reviewOffice.Id;
        ProvinceId = reviewOffice.ProvinceKey;
        (Stage, Date, Place, Trainer, Agency) = (stage, date, place, trainer, agency);
    }

    /// <summary>A theory or practical session, held at the review office.</summary>
    public static TrainingSession AtReviewOffice(OrgUnit reviewOffice, TrainingStage stage, DateOnly date, string place, string trainer)
    {
        if (stage == TrainingStage.Supplementary) throw DomainException.Of("Training.SupplementaryAtAgency");
        return new(reviewOffice, stage, date, Required(place, "Training.PlaceRequired", "Training.PlaceField", TextLength.Address),
            Required(trainer, "Training.TrainerRequired", "Training.TrainerField", TextLength.Name), null);
    }

    /// <summary>A supplementary session: at the agency's own address, for its representatives only.</summary>
    public static TrainingSession AtAgency(OrgUnit reviewOffice, Agency agency, DateOnly date, string trainer)
    {
        if (reviewOffice.Id > 0 ? agency.ReviewOfficeId != reviewOffice.Id : !ReferenceEquals(agency.ReviewOffice, reviewOffice)) throw DomainException.Of("Training.AgencyNotServed");
        if (agency.IsClosed) throw DomainException.Of("Agency.Closed");
        return new(reviewOffice, TrainingStage.Supplementary, date, $"{agency.Name}: {agency.City}، {agency.Address}",
            Required(trainer, "Training.TrainerRequired", "Training.TrainerField", TextLength.Name), agency) { AgencyId = agency.Id };
    }

    public TrainingAttendance Enrol(Representative representative)
    {
        if (!representative.IsActive) throw DomainException.Of("Training.RepresentativeReplaced");
        if (!Serves(representative.Agency)) throw DomainException.Of("Training.AgencyNotServed");
        if (representative.Agency.IsClosed) throw DomainException.Of("Agency.Closed");
        if ((AgencyId is not null || Agency is not null) && !IsHeldAt(representative)) throw DomainException.Of("Training.OtherAgency");
        if (_attendees.Any(a => a.Representative == representative || (representative.Id > 0 && a.RepresentativeId == representative.Id))) throw DomainException.Of("Training.AlreadyEnrolled");
        var attendance = new TrainingAttendance(this, representative);
        _attendees.Add(attendance);
        return attendance;
    }

    /// <summary>
    /// Records whether a representative attended and how they did. Stages are attended in order: attending this
    /// stage needs the previous one attended on or before this session's date, and un-marking it is refused once the
    /// next stage was attended. <paramref name="history"/> is the representative's other attended sessions.
    /// </summary>
    /// <remarks>
    /// A session may be planned for a later day, but what happened at it is recorded only from its day on
    /// (<paramref name="today"/>, Tehran): attendance of a session not yet held is refused.
    /// </remarks>
    public void Record(int representativeId, bool attended, TrainingResult? result, IReadOnlyCollection<(TrainingStage Stage, DateOnly Date)> history, DateOnly today)
    {
        if (Date > today) throw DomainException.Of("Training.NotYetHeld", TextNormalizer.ToPersianDigits(JalaliDate.FromDateOnly(Date).ToString()));
        var attendance = _attendees.SingleOrDefault(a => a.RepresentativeId == representativeId) ?? throw DomainException.Of("Training.NotEnrolled");
        if (attended && Stage > TrainingStage.Theory && !history.Any(h => h.Stage == Stage - 1 && h.Date <= Date))
            throw DomainException.Of("Training.StageOrder", (int)Stage - 1);
        if (!attended && history.Any(h => h.Stage > Stage)) throw DomainException.Of("Training.LaterStageAttended");
        attendance.Set(attended, attended ? result : null);
        var dates = history.Where(h => h.Stage == Stage).Select(h => h.Date).Concat(attended ? [Date] : []).ToList();
        attendance.Representative.Trained(Stage, dates.Count > 0 ? dates.Min() : null);
    }

    // By key once saved; by object while new (seeding builds sessions and agencies in one go).
    private bool Serves(Agency agency) => ReviewOfficeId > 0 ? agency.ReviewOfficeId == ReviewOfficeId : ReferenceEquals(agency.ReviewOffice, ReviewOffice);

    private bool IsHeldAt(Representative representative) =>
        Agency is { Id: 0 } agency ? ReferenceEquals(agency, representative.Agency) : representative.AgencyId == AgencyId;

    private static string Required(string value, string messageKey, string fieldKey, int maxLength)
    {
        var text = TextNormalizer.Normalize(value);
        if (text.Length == 0) throw DomainException.Of(messageKey);
        return Input.Text(text, maxLength).OrRefuse(fieldKey);
    }
}

public sealed class TrainingAttendance : IScoped, IAudited
{
    public int Id { get; private set; }
    public int SessionId { get; private set; }
    public TrainingSession Session { get; private set; } = null!;
    public int RepresentativeId { get; private set; }
    public Representative Representative { get; private set; } = null!;
    public int ProvinceId { get; private set; }
    /// <summary>Null until the review office records it.</summary>
    public bool? Attended { get; private set; }
    public TrainingResult? Result { get; private set; }

    private TrainingAttendance() { }

    internal TrainingAttendance(TrainingSession session, Representative representative)
    {
        Session = session;
        Representative = representative;
        RepresentativeId = representative.Id;
        ProvinceId = session.ProvinceId;
    }

    internal void Set(bool attended, TrainingResult? result) => (Attended, Result) = (attended, result);
}
