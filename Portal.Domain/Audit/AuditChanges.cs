using System.Text.Json;

namespace Portal.Domain.Audit;

/// <summary>Reads an <see cref="AuditEntry.Changes"/> document back as old → new per field, for people rather than auditors' tools.</summary>
public static class AuditChanges
{
    // Keys and bookkeeping that mean nothing to the reader of a history.
    private static readonly HashSet<string> Hidden = ["Id", "Version", "AgencyId", "ProvinceId", "ReviewOfficeId", "ParentId", "Type", "Kind"];

    public static IReadOnlyList<(string Field, (string Old, string New) Values)> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateObject()
            .Where(p => !Hidden.Contains(p.Name) && p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 2)
            .Select(p => (p.Name, (Text(p.Value[0]), Text(p.Value[1]))))
            .Where(x => x.Item2.Item1 != x.Item2.Item2)
            .ToList();
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "—",
        JsonValueKind.String => value.GetString() ?? "—",
        _ => value.GetRawText(),
    };
}
