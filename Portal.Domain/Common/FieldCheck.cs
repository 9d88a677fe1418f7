namespace Portal.Domain.Common;

/// <summary>
/// Turns a failed <see cref="Input"/> check into a refusal that names its field («تاریخ نصب: …»), for commands whose
/// page shows the refusal as a note rather than beside the box.
/// </summary>
public static class FieldCheck
{
    /// <summary>The checked value, or a <see cref="DomainException"/> whose message starts with the field's name (a message key).</summary>
    public static T OrRefuse<T>(this Checked<T> check, string fieldKey) =>
        check.IsValid ? check.Value! : throw Refusal(fieldKey, check.Error!);

    /// <summary>A refusal naming the field: «{field}: {error}».</summary>
    public static DomainException Refusal(string fieldKey, string error) =>
        new(Messages.Format("Field.Labelled", Messages.Get(fieldKey), error)) { Key = fieldKey };
}
