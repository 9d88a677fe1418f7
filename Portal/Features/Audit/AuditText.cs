using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Audit;
using Portal.Domain.Common;

namespace Portal.Features.Audit;

/// <summary>How the audit log's labels and values read on a page: the first label key the strings have, else the raw name; values by kind.</summary>
public static class AuditText
{
    public static string Label(IStringLocalizer localizer, IEnumerable<string> keys, string raw)
    {
        foreach (var key in keys)
            if (localizer[key] is { ResourceNotFound: false } found) return found.Value;
        return raw;
    }

    /// <summary>Who made the change: the person's full name, or «the system» for seeding and background work.</summary>
    public static string Who(IStringLocalizer localizer, AuditLine line) =>
        line.UserFullName == Portal.Domain.Security.Actor.System.UserName ? localizer["Audit.System"] : line.UserFullName;

    public static string Entity(IStringLocalizer localizer, string entity) => Label(localizer, [AuditLabels.EntityKey(entity)], entity);

    public static string Value(IStringLocalizer localizer, AuditValue value) => value.Kind switch
    {
        AuditValueKind.None => "—",
        AuditValueKind.Amount or AuditValueKind.Number => Display.Number(Convert.ToInt64(value.Value)),
        AuditValueKind.Decimal => Display.Text(((decimal)value.Value!).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)).Replace('.', '٫'),
        AuditValueKind.Month => Display.Persian ? ((JalaliMonth)value.Value!).ToPersianString() : $"{((JalaliMonth)value.Value!).EnglishName} {((JalaliMonth)value.Value!).Year}",
        AuditValueKind.Date => Display.Date((DateOnly)value.Value!),
        AuditValueKind.Instant => Display.Instant((DateTimeOffset)value.Value!),
        AuditValueKind.Enum => Label(localizer, [(string)value.Value!], ((string)value.Value!).Split('.').Last()),
        AuditValueKind.Bool => localizer[(bool)value.Value! ? "Audit.Yes" : "Audit.No"],
        AuditValueKind.UserName => (string)value.Value! == Portal.Domain.Security.Actor.System.UserName ? localizer["Audit.System"] : (string)value.Value!,
        _ when FieldsOf(localizer, value.Value as string) is { } fields => fields,
        _ => Display.Text(Shortened(value.Value?.ToString())),
    };

    /// <summary>A snapshot kept as a JSON object (a change notice's before and after) reads as its labelled fields.</summary>
    private static string? FieldsOf(IStringLocalizer localizer, string? text)
    {
        if (text is not ['{', .., '}']) return null;
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(text);
            return string.Join("، ", json.RootElement.EnumerateObject().Select(p =>
                $"{Label(localizer, [$"Notice.Field.{p.Name}", $"Audit.Field.{p.Name}"], p.Name)}: {Display.Text(p.Value.ToString())}"));
        }
        catch (System.Text.Json.JsonException) { return null; }
    }

    /// <summary>Text with no Persian letter is a machine's value (a file's type, a hash): shown as stored, left to right.</summary>
    public static bool IsMachineText(AuditValue value) =>
        value.Kind == AuditValueKind.Text && value.Value is string s && s.Length > 0 && !s.Any(c => c is >= '\u0600' and <= '\u06FF');

    /// <summary>A long text (a contract's body) is cut on the page; the raw form keeps all of it.</summary>
    private static string? Shortened(string? text) => text is { Length: > 300 } ? text[..300] + "…" : text;
}
