using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.Eligibility;

/// <summary>What the call-centre agent types when recording an objection.</summary>
public sealed class ObjectionForm
{
    public string? TrackingCode { get; set; }
    public string? Description { get; set; }
    public string? CallerPhone { get; set; }
}

/// <summary>
/// The 1420 call centre's objections (seed 002): recorded against an answer's tracking code (a misread code is caught by
/// its check digit, a code no inquiry was answered under is refused), followed to a decision and closed. Head office reads
/// them too; only the call centre acts.
/// </summary>
public sealed class ObjectionDesk(PortalDb portalDb, TimeProvider clock)
{

    public sealed record ObjectionRow(int Id, string TrackingCode, ObjectionStatus Status, ObjectionOutcome? Outcome, DateTimeOffset RecordedAt,
        string RecordedBy, string Description);

    /// <summary>The inquiry an objection concerns, as the log keeps it, with the asking centre's and the province's names.</summary>
    public sealed record InquiryFacts(long Id, string TrackingCode, DateTimeOffset At, InquiryKind Kind, InquiryChannel Channel, string Requester,
        string? CentreName, string? ProvinceName, string NationalId, bool Covered, DateOnly? EndsOn, CoverageReason Reason);

    public sealed record ObjectionDetails(Objection Objection, InquiryFacts Inquiry);

    /// <summary>Records an objection; returns its id, or the errors by field (<see cref="ObjectionForm"/>'s property names).</summary>
    public async Task<(int? Id, IReadOnlyDictionary<string, string> Errors)> RecordAsync(ObjectionForm form, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(Permission.ObjectionsHandle, ct);
        var errors = new Dictionary<string, string>();
        var code = TrackingCode.Check(form.TrackingCode);
        if (!code.IsValid) errors[nameof(ObjectionForm.TrackingCode)] = code.Error!;
        if (TextNormalizer.Normalize(form.Description).Length == 0) errors[nameof(ObjectionForm.Description)] = Messages.Get("Objection.DescriptionRequired");
        if (errors.Count > 0) return (null, errors);
        var inquiry = await db.Inquiries.AsNoTracking().SingleOrDefaultAsync(Inquiry.WithCode(code.Value!), ct);
        if (inquiry is null) return (null, new Dictionary<string, string> { [nameof(ObjectionForm.TrackingCode)] = Messages.Get("Objection.NoSuchInquiry") });
        var pending = await db.Objections.Where(o => o.TrackingCode == code.Value && o.Status != ObjectionStatus.Closed).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        if (pending is { } open)
            return (null, new Dictionary<string, string> { [nameof(ObjectionForm.TrackingCode)] = Messages.Format("Objection.AlreadyOpen", open) });
        Objection objection;
        try { objection = new Objection(inquiry, form.Description, form.CallerPhone, db.Actor.UserName, clock.GetUtcNow()); }
        catch (DomainException e)
        {
            var field = e.Key == "Objection.PhoneFormat" ? nameof(ObjectionForm.CallerPhone) : nameof(ObjectionForm.Description);
            return (null, new Dictionary<string, string> { [field] = e.Message });
        }
        db.Objections.Add(objection);
        await db.SaveChangesAsync(ct);
        return (objection.Id, errors);
    }

    public Task StartReviewAsync(int id, Guid version, CancellationToken ct = default) =>
        ChangeAsync(id, version, (o, by, at) => o.StartReview(by, at), ct);

    public Task DecideAsync(int id, Guid version, ObjectionOutcome outcome, string? decision, CancellationToken ct = default) =>
        ChangeAsync(id, version, (o, by, at) => o.Decide(outcome, decision, by, at), ct);

    public Task CloseAsync(int id, Guid version, CancellationToken ct = default) =>
        ChangeAsync(id, version, (o, by, at) => o.Close(by, at), ct);

    /// <summary>Objections newest first, optionally of one status; at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<ObjectionRow>> ListAsync(ObjectionStatus? status = null, int take = 500, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(Permission.ObjectionsRead, ct);
        var query = db.Objections.AsNoTracking();
        if (status is { } s) query = query.Where(o => o.Status == s);
        return await query.OrderByDescending(o => o.Id).Take(take)
            .Select(o => new ObjectionRow(o.Id, o.TrackingCode, o.Status, o.Outcome, o.RecordedAt, o.RecordedBy, o.Description)).ToListAsync(ct);
    }

    /// <summary>An objection and the inquiry it concerns; null when unknown or outside the reader's scope.</summary>
    public async Task<ObjectionDetails?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(Permission.ObjectionsRead, ct);
        var objection = await db.Objections.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (objection is null) return null;
        var inquiry = await db.Inquiries.AsNoTracking().Where(i => i.Id == objection.InquiryId)
            .Select(i => new InquiryFacts(i.Id, TrackingCode.FromSequence(i.Id), i.At, i.Kind, i.Channel, i.Requester,
                db.OrgUnits.IgnoreQueryFilters().Where(u => u.Id == i.CentreId).Select(u => u.Name).FirstOrDefault(),
                db.Provinces.Where(p => p.Id == i.ProvinceId).Select(p => p.NameFa).FirstOrDefault(),
                i.NationalId, i.Covered, i.EndsOn, i.Reason))
            .SingleAsync(ct);
        return new ObjectionDetails(objection, inquiry);
    }

    private async Task ChangeAsync(int id, Guid version, Action<Objection, string, DateTimeOffset> change, CancellationToken ct)
    {
        await using var db = await OpenAsync(Permission.ObjectionsHandle, ct);
        var objection = await db.Objections.SingleOrDefaultAsync(o => o.Id == id, ct) ?? throw DomainException.Of("Objection.NotFound");
        if (objection.Version != version) throw DomainException.Of("Objection.ChangedMeanwhile");
        change(objection, db.Actor.UserName, clock.GetUtcNow());
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw DomainException.Of("Objection.ChangedMeanwhile"); }
    }

    private Task<PortalDbContext> OpenAsync(Permission permission, CancellationToken ct) =>
        portalDb.OpenForAsync(permission, "Objection.NotYours", ct);
}
