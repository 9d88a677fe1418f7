namespace Portal.Domain.Audit;

/// <summary>
/// The one mapping from what the audit log stores (an entity type's name, a property's name, an enum value) to the
/// resource keys of the portal's strings (Portal/Resources/Strings.resx). Each lookup gives the keys to try in order;
/// a reader that finds none shows the raw name.
/// </summary>
public static class AuditLabels
{
    /// <summary>The record's kind: <c>Entity.{Type}</c> (e.g. Entity.Agency «کارگزاری»).</summary>
    public static string EntityKey(string entity) => $"Entity.{entity}";

    /// <summary>
    /// A field: first the entity's own meaning (<c>Audit.Field.{Type}.{Property}</c>, e.g. a report's Status), then the
    /// property's meaning wherever it occurs (<c>Audit.Field.{Property}</c>, e.g. ManagerName).
    /// </summary>
    public static IReadOnlyList<string> FieldKeys(string entity, string property) => [$"Audit.Field.{entity}.{property}", $"Audit.Field.{property}"];

    /// <summary>An enum value by the key its module already uses for it (<c>{EnumType}.{Value}</c>; organisation units' kinds are
    /// <c>Kind.{Value}</c>, change notices' <c>Notice.Kind.{Value}</c>).</summary>
    public static string EnumKey(Type enumType, object value) =>
        enumType == typeof(Organisation.UnitKind) ? $"Kind.{value}"
        : enumType == typeof(Agencies.ChangeKind) ? $"Notice.Kind.{value}"
        : $"{enumType.Name}.{value}";
}
