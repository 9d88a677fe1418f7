using Portal.Domain.Agencies;
using Portal.Domain.Common.Files;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.Circulars;

public enum CircularKind { Circular = 1, Instruction, Form }

/// <summary>
/// A circular, instruction or form a review office gives to the agencies it serves (seed 000 §2-3), with one
/// <see cref="CircularRecipient"/> per agency that must read it. The file itself is in the file store, by hash.
/// </summary>
public sealed class Circular : IScoped, IAudited
{
    public const int TitleMaxLength = Common.TextLength.Title;
    public const int NumberMaxLength = 50;

    private readonly List<CircularRecipient> _recipients = [];

    public int Id { get; private set; }
    public int ReviewOfficeId { get; private set; }
    public int ProvinceId { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>The letter number (شماره نامه), when the circular has one.</summary>
    public string? Number { get; private set; }
    public CircularKind Kind { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    public long Size { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public string UploadedBy { get; private set; } = "";
    /// <summary>Sent to every agency the office served at upload; agencies that open later are not added.</summary>
    public bool ForAllAgencies { get; private set; }
    public IReadOnlyCollection<CircularRecipient> Recipients => _recipients;

    private Circular() { }

    public Circular(OrgUnit reviewOffice, string title, string? number, CircularKind kind, CircularFile file,
        bool forAllAgencies, IReadOnlyCollection<Agency> recipients, string uploadedBy, DateTimeOffset uploadedAt)
    {
        if (reviewOffice.Kind != UnitKind.ReviewOffice || reviewOffice.ProvinceId is not int provinceId)
            throw new ArgumentException("Circulars are sent by a provincial review office.", nameof(reviewOffice));
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind));
        if (recipients.Count == 0) throw new ArgumentException("A circular goes to at least one agency.", nameof(recipients));
        if (recipients.Any(a => a.ReviewOfficeId != reviewOffice.Id || a.Status == AgencyStatus.Closed))
            throw new InvalidOperationException("A review office sends circulars only to the open agencies it serves.");

        ReviewOfficeId = reviewOffice.Id;
        ProvinceId = provinceId;
        Title = title;
        Number = string.IsNullOrWhiteSpace(number) ? null : number;
        Kind = kind;
        (FileName, ContentType, Sha256, Size) = file;
        ForAllAgencies = forAllAgencies;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
        foreach (var agency in recipients.DistinctBy(a => a.Id))
            _recipients.Add(new CircularRecipient(agency.Id, agency.ProvinceId ?? provinceId));
    }
}

/// <summary>The stored file of a circular: the name it is downloaded under, its checked type, hash and length.</summary>
public sealed record CircularFile(string FileName, string ContentType, string Sha256, long Size)
{
    /// <summary>The uploader's file name without any folder, with the extension of what the content really is.</summary>
    public static string DownloadName(string? fileName, string title, FileKind kind)
    {
        // As the user named it (digits and letters untouched, not normalised): it is how they recognise the file.
        // Characters Windows refuses in file names are replaced, since agencies save these files on Windows PCs.
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName?.Replace('\\', '/')))?.Trim() ?? "";
        if (name.Length == 0) name = title;
        name = new string(name.Select(c => char.IsControl(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c).ToArray());
        if (name.Length > 200) name = name[..200];
        return name + FileSignature.Extension(kind);
    }
}

/// <summary>One agency's copy of a circular: its read receipt.</summary>
public sealed class CircularRecipient : IScoped
{
    public int Id { get; private set; }
    public int CircularId { get; private set; }
    public int AgencyId { get; private set; }
    public Agency Agency { get; private set; } = null!;
    public int ProvinceId { get; private set; }
    public DateTimeOffset? OpenedAt { get; private set; }
    public string? OpenedBy { get; private set; }

    private CircularRecipient() { }

    internal CircularRecipient(int agencyId, int provinceId)
    {
        AgencyId = agencyId;
        ProvinceId = provinceId;
    }

    /// <summary>Records the agency's first opening; later downloads leave the receipt as it was.</summary>
    public void MarkOpened(string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (OpenedAt is not null) return;
        OpenedAt = at;
        OpenedBy = by;
    }
}
