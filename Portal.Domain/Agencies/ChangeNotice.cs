using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Portal.Domain.Common;
using Portal.Domain.Security;

namespace Portal.Domain.Agencies;

public enum ChangeKind { Manager = 1, Location, Users }

/// <summary>One field of a change notice: its name (the agency's property, e.g. ManagerName), the old and the new value.</summary>
public sealed record NoticeField(string Field, string Before, string After);

/// <summary>
/// A change of an agency's manager, location or users, which the general office must announce to the province's
/// treatment directorate (seed 000 §1-2). It is in the directorate's inbox from the moment it is saved until
/// someone there acknowledges it.
/// </summary>
/// <remarks>
/// <see cref="Before"/> and <see cref="After"/> hold one JSON object each, field name → value (e.g.
/// <c>{"ManagerName":"…","ManagerNationalId":"…","ManagerMobile":"…"}</c>), so the notice reads as a table of field,
/// old and new. Notices saved before that form (one dash-joined text) read as a single row.
/// </remarks>
public sealed class ChangeNotice : IScoped, IAudited, IUnitOwned
{
    /// <summary>The field under which a notice in the old one-text form is read.</summary>
    public const string SummaryField = "Summary";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    int IUnitOwned.OwnerUnitId => AgencyId;

    public int Id { get; private set; }
    public int AgencyId { get; private set; }
    public Agency Agency { get; private set; } = null!;
    public int ProvinceId { get; private set; }
    public ChangeKind Kind { get; private set; }
    public string Before { get; private set; } = "";
    public string After { get; private set; } = "";
    public DateOnly EffectiveDate { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public string RaisedBy { get; private set; } = "";
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }

    public bool IsAcknowledged => AcknowledgedAt is not null;

    /// <summary>The notice field by field, in the order they were recorded.</summary>
    public IReadOnlyList<NoticeField> Fields => FieldsOf(Before, After);

    private ChangeNotice() { }

    internal ChangeNotice(Agency agency, ChangeKind kind, IReadOnlyList<NoticeField> fields, ChangeStamp stamp)
    {
        Agency = agency;
        ProvinceId = agency.ProvinceKey;
        Kind = kind;
        Before = JsonSerializer.Serialize(fields.ToDictionary(f => f.Field, f => f.Before), Json);
        After = JsonSerializer.Serialize(fields.ToDictionary(f => f.Field, f => f.After), Json);
        EffectiveDate = stamp.Effective;
        (RaisedAt, RaisedBy) = (stamp.At, stamp.By);
    }

    public void Acknowledge(string by, DateTimeOffset at)
    {
        if (IsAcknowledged) throw DomainException.Of("Notice.AlreadyAcknowledged", AcknowledgedBy!);
        (AcknowledgedBy, AcknowledgedAt) = (by, at);
    }

    /// <summary>Reads a notice's stored before and after back as fields (see the remarks on <see cref="ChangeNotice"/>).</summary>
    public static IReadOnlyList<NoticeField> FieldsOf(string before, string after)
    {
        if (Parse(before) is not { } old || Parse(after) is not { } now) return [new NoticeField(SummaryField, before, after)];
        return now.Keys.Union(old.Keys).Select(k => new NoticeField(k, old.GetValueOrDefault(k) ?? "", now.GetValueOrDefault(k) ?? "")).ToList();
    }

    private static Dictionary<string, string?>? Parse(string text)
    {
        if (!text.TrimStart().StartsWith('{')) return null;
        try { return JsonSerializer.Deserialize<Dictionary<string, string?>>(text); }
        catch (JsonException) { return null; }
    }
}
