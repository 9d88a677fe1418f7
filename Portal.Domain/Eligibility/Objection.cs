using Portal.Domain.Common;
using Portal.Domain.Security;

namespace Portal.Domain.Eligibility;

public enum ObjectionStatus { Open = 1, UnderReview, Decided, Closed }

public enum ObjectionOutcome { Upheld = 1, Rejected }

/// <summary>
/// An insured person's objection to an eligibility answer, taken by the 1420 call centre against the answer's tracking
/// code (seed 002): open → under review → decided (upheld or rejected, with the decision's text) → closed, and no other
/// way. Who did each step and when stays on the record. Scoped like the inquiry it concerns.
/// </summary>
public sealed class Objection : IScoped, IAudited
{
    public const int DescriptionMaxLength = 2000;
    public const int DecisionMaxLength = 2000;

    public int Id { get; private set; }
    public string TrackingCode { get; private set; } = "";
    public long InquiryId { get; private set; }
    /// <summary>The inquiry's province and centre, so the objection is read in the same scope as the inquiry.</summary>
    public int? ProvinceId { get; private set; }
    public int? CentreId { get; private set; }
    /// <summary>What the caller said, in the call-centre agent's words.</summary>
    public string Description { get; private set; } = "";
    /// <summary>A number to call the caller back on, digits only; optional.</summary>
    public string? CallerPhone { get; private set; }
    public ObjectionStatus Status { get; private set; } = ObjectionStatus.Open;
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset? ReviewStartedAt { get; private set; }
    public string? ReviewStartedBy { get; private set; }
    public ObjectionOutcome? Outcome { get; private set; }
    public string? Decision { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    private Objection() { }

    public Objection(Inquiry inquiry, string? description, string? callerPhone, string by, DateTimeOffset at)
    {
        var text = TextNormalizer.Normalize(description);
        if (text.Length == 0) throw DomainException.Of("Objection.DescriptionRequired");
        if (text.Length > DescriptionMaxLength) throw DomainException.Of("Objection.TooLong", DescriptionMaxLength);
        var phone = TextNormalizer.DigitsOnly(callerPhone);
        if (phone.Length > 0 && (phone.Length is < 8 or > 11 || !TextNormalizer.IsAsciiDigits(phone))) throw DomainException.Of("Objection.PhoneFormat");
        (TrackingCode, InquiryId, ProvinceId, CentreId) = (inquiry.TrackingCode, inquiry.Id, inquiry.ProvinceId, inquiry.CentreId);
        (Description, CallerPhone, RecordedBy, RecordedAt) = (text, phone.Length == 0 ? null : phone, by, at);
    }

    /// <summary>A call-centre agent takes the objection up and starts looking into it.</summary>
    public void StartReview(string by, DateTimeOffset at)
    {
        Require(ObjectionStatus.Open);
        (Status, ReviewStartedBy, ReviewStartedAt) = (ObjectionStatus.UnderReview, by, at);
        Touch();
    }

    /// <summary>The decision: upheld (the answer was wrong) or rejected, and why, in words the caller can be told.</summary>
    public void Decide(ObjectionOutcome outcome, string? decision, string by, DateTimeOffset at)
    {
        Require(ObjectionStatus.UnderReview);
        if (!Enum.IsDefined(outcome)) throw DomainException.Of("Objection.OutcomeRequired");
        var text = TextNormalizer.Normalize(decision);
        if (text.Length == 0) throw DomainException.Of("Objection.DecisionRequired");
        if (text.Length > DecisionMaxLength) throw DomainException.Of("Objection.TooLong", DecisionMaxLength);
        (Status, Outcome, Decision, DecidedBy, DecidedAt) = (ObjectionStatus.Decided, outcome, text, by, at);
        Touch();
    }

    /// <summary>Closed once the caller has been told the decision.</summary>
    public void Close(string by, DateTimeOffset at)
    {
        Require(ObjectionStatus.Decided);
        (Status, ClosedBy, ClosedAt) = (ObjectionStatus.Closed, by, at);
        Touch();
    }

    private void Require(ObjectionStatus allowed)
    {
        if (Status != allowed) throw DomainException.Of("Objection.IllegalTransition", Messages.Get($"ObjectionStatus.{Status}"));
    }

    private void Touch() => Version = Guid.NewGuid();
}
