using Portal.Domain.Security;

namespace Portal.Domain.Contracts;

/// <summary>
/// One version of the contract's articles (see <see cref="ContractText"/> for the markup). Versions are never edited:
/// an admin's change is a new version, and every contract keeps the version it was issued from.
/// </summary>
public sealed class ContractTemplate : IAudited
{
    public const int BodyMaxLength = 60_000;
    public const int NoteMaxLength = 300;

    public int Id { get; private set; }
    public int Version { get; private set; }
    public string Body { get; private set; } = "";
    /// <summary>What changed in this version, in the admin's words.</summary>
    public string? Note { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    private ContractTemplate() { }

    /// <summary>A version of a body as <see cref="ContractText.Check"/> returns it (checked, normalised).</summary>
    public ContractTemplate(int version, string body, string? note, string by, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        if (ContractText.Check(body) is not { IsValid: true } check || check.Value != body)
            throw new ArgumentException("A template body must be checked by ContractText.Check first.", nameof(body));
        (Version, Body, Note, CreatedBy, CreatedAt) = (version, body, string.IsNullOrWhiteSpace(note) ? null : note, by, at);
    }
}
