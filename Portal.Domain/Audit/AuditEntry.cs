namespace Portal.Domain.Audit;

public enum AuditAction { Added = 1, Modified, Deleted }

/// <summary>One saved change of one audited entity: who, when, what, and each property's old → new.</summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string UserName { get; private set; } = "";
    public string Entity { get; private set; } = "";
    public string Key { get; private set; } = "";
    public AuditAction Action { get; private set; }
    /// <summary>The unit the changed record belongs to (see <see cref="Security.IUnitOwned"/>), for a unit's history.</summary>
    public int? UnitId { get; private set; }
    /// <summary>JSON object: property name → [old, new].</summary>
    public string Changes { get; private set; } = "{}";

    private AuditEntry() { }

    public AuditEntry(DateTimeOffset at, string userName, string entity, string key, AuditAction action, string changes, int? unitId = null)
    {
        UnitId = unitId;
        At = at;
        UserName = userName;
        Entity = entity;
        Key = key;
        Action = action;
        Changes = changes;
    }
}
