using System.Linq.Expressions;
using Portal.Domain.Security;

namespace Portal.Domain.Eligibility;

/// <summary>How an inquiry came in.</summary>
public enum InquiryChannel { Web = 1, Api, Fhir }

/// <summary>General (a medical centre asks about anyone: covered or not) or personal (the person about themself, after a one-time code).</summary>
public enum InquiryKind { General = 1, Personal }

/// <summary>
/// One answered inquiry, as the log keeps it (seed 002): who asked through which channel, about whom, what was answered,
/// under which tracking code. Written once, never changed. Its number, given by the database as the row is written, is
/// its tracking code's sequence, so the code is unique across servers and finds its row by the primary key. Scoped by
/// the asking centre's province and unit, so a centre
/// reads only its own and a province only its centres'; a personal inquiry belongs to the person's branch's province.
/// </summary>
public sealed class Inquiry : IScoped
{
    public long Id { get; private set; }
    /// <summary>Known once the log has written the inquiry (the database numbers it).</summary>
    public string TrackingCode => Id > 0 ? Eligibility.TrackingCode.FromSequence(Id) : throw new InvalidOperationException("The inquiry is not logged yet.");
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

    public Inquiry(DateTimeOffset at, int day, InquiryKind kind, InquiryChannel channel, string requester, int? centreId, int? provinceId,
        int? branchId, string nationalId, CoverageDecision decision) =>
        (At, Day, Kind, Channel, Requester, CentreId, ProvinceId, BranchId, NationalId, Covered, EndsOn, Reason) =
        (at, day, kind, channel, requester, centreId, provinceId, branchId, nationalId, decision.Covered, decision.EndsOn, decision.Reason);

    /// <summary>The number the database gave the row (<see cref="InquiryLog"/>).</summary>
    internal void Logged(long id) => Id = Id == 0 ? id : throw new InvalidOperationException("The inquiry is logged already.");

    /// <summary>The inquiry a (checked) tracking code was given to.</summary>
    public static Expression<Func<Inquiry, bool>> WithCode(string code)
    {
        var id = Eligibility.TrackingCode.ToSequence(code);
        return i => i.Id == id;
    }
}
