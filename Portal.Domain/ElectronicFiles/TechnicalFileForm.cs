using Portal.Domain.Common;

namespace Portal.Domain.ElectronicFiles;

/// <summary>What a branch clerk types to register a technical file in the scanning queue, checked field by field.</summary>
public sealed class TechnicalFileForm
{
    public string? NationalId { get; set; }
    /// <summary>Needed only when the national ID is not one of the insured persons the portal knows.</summary>
    public string? PersonName { get; set; }
    public string? ShelfRow { get; set; }
    public string? ShelfNumber { get; set; }
    public string? ShelfBox { get; set; }
    public bool Slimmed { get; set; } = true;

    public sealed record Valid(string NationalId, string? PersonName, ShelfLocation Shelf, bool Slimmed);

    /// <summary>The checked values, or a message per failing field (keyed by property name).</summary>
    public (Valid? Value, Dictionary<string, string> Errors) Validate()
    {
        var errors = new Dictionary<string, string>();
        var id = Common.NationalId.Check(NationalId);
        if (!id.IsValid) errors[nameof(NationalId)] = id.Error!;
        var name = Input.Text(PersonName, TextLength.Name, required: false);
        if (!name.IsValid) errors[nameof(PersonName)] = name.Error!;
        var row = Input.Text(ShelfRow, ShelfLocation.MaxLength);
        if (!row.IsValid) errors[nameof(ShelfRow)] = row.Error!;
        var shelf = Input.Text(ShelfNumber, ShelfLocation.MaxLength);
        if (!shelf.IsValid) errors[nameof(ShelfNumber)] = shelf.Error!;
        var box = Input.Text(ShelfBox, ShelfLocation.MaxLength);
        if (!box.IsValid) errors[nameof(ShelfBox)] = box.Error!;
        if (errors.Count > 0) return (null, errors);
        return (new Valid(id.Value!, name.Value is { Length: > 0 } n ? n : null, new ShelfLocation(row.Value!, shelf.Value!, box.Value!), Slimmed), errors);
    }
}
