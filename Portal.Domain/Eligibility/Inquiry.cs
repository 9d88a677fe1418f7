using Portal.Domain.Security;

namespace Portal.Domain.Eligibility;

/// <summary>How an inquiry came in.</summary>
public enum InquiryChannel { Web = 1, Api, Fhir }

/// <summary>General (a medical centre asks about anyone: covered or not) or personal (the person about themself, after a one-time code).</summary>
public enum InquiryKind { General = 1, Personal }

/// <summary>
/// One answered inquiry, as the log keeps it (seed 002): who asked through which channel, about whom, what was answered,
/// under which tracking code. Written once, never changed. Scoped by the asking centre's province and unit, so a centre
/// reads only its own and a province only its centres'; a personal inquiry belongs to the person's branch's province.
/// </summary>
public sealed class Inquiry : IScoped
{
    public long Id { get; private set; }
    public string TrackingCode { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public InquiryKind Kind { get; private set; }
    public InquiryChannel Channel { get; private set; }
    /// <summary>The user or API key that asked; for a personal inquiry, "personal".</summary>
    public string Requester { get; private set; } = "";
    /// <summary>The asking medical centre; none for a personal inquiry.</summary>
    public int? CentreId { get; private set; }
    public int? ProvinceId { get; private set; }
    /// <summary>The branch keeping the person's file, when the person is known.</summary>
    public int? BranchId { get; private set; }
    public string NationalId { get; private set; } = "";
    public bool Covered { get; private set; }
    public DateOnly? EndsOn { get; private set; }
    public CoverageReason Reason { get; private set; }
    /// <summary>The Tehran calendar day, as yyyymmdd Jalali, so the daily report groups without date functions.</summary>
    public int Day { get; private set; }

    private Inquiry() { }

    public Inquiry(string trackingCode, DateTimeOffset at, int day, InquiryKind kind, InquiryChannel channel, string requester, int? centreId, int? provinceId,
        int? branchId, string nationalId, CoverageDecision decision) =>
        (TrackingCode, At, Day, Kind, Channel, Requester, CentreId, ProvinceId, BranchId, NationalId, Covered, EndsOn, Reason) =
        (trackingCode, at, day, kind, channel, requester, centreId, provinceId, branchId, nationalId, decision.Covered, decision.EndsOn, decision.Reason);
}

/// <summary>Blocks of a named sequence, taken by one atomic statement so several servers never hand out the same number.</summary>
public sealed class SequenceBlock
{
    public string Name { get; private set; } = "";
    /// <summary>The first number not yet handed out.</summary>
    public long Next { get; private set; }

    private SequenceBlock() { }
}
