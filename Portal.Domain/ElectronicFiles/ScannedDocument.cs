using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.ElectronicFiles;

/// <summary>How a document came into the file.</summary>
public enum DocumentSource { InitialScanning = 1, ReceivedInService, ReceivedByMail, UploadedByAgency }

/// <summary>
/// A scanned document of a technical file: its type (and so its heading), pages, source, and the stored image checked
/// by content and kept by SHA-256. It counts only once verified: an agency's upload by the agency's manager, a
/// branch's (or a treatment unit's) by a supervisor of the branch that holds the file; the first scans by step 7.
/// </summary>
public sealed class ScannedDocument : IScoped, IAudited, IUnitOwned
{
    public const int TitleMaxLength = TextLength.Title;

    public int Id { get; private set; }
    public int FileId { get; private set; }
    public TechnicalFile File { get; private set; } = null!;
    public int BranchId { get; private set; }
    public int ProvinceId { get; private set; }
    public int TypeId { get; private set; }
    public DocumentType Type { get; private set; } = null!;
    public string? Title { get; private set; }
    public int Pages { get; private set; }
    public DocumentSource Source { get; private set; }
    public string Sha256 { get; private set; } = "";
    public long Size { get; private set; }
    public FileKind ContentKind { get; private set; }
    public string ScannedBy { get; private set; } = "";
    public DateTimeOffset ScannedAt { get; private set; }
    /// <summary>The unit of the user who added it (the branch, an agency, a centre).</summary>
    public int ScannedByUnitId { get; private set; }
    public UnitKind ScannedByUnitKind { get; private set; }
    public string? VerifiedBy { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }

    int IUnitOwned.OwnerUnitId => BranchId;

    private ScannedDocument() { }

    internal ScannedDocument(TechnicalFile file, DocumentType type, string? title, int pages, DocumentSource source, string sha256, long size, FileKind kind,
        Actor by, UnitKind unitKind, DateTimeOffset at)
    {
        (File, FileId, BranchId, ProvinceId) = (file, file.Id, file.BranchId, file.ProvinceId);
        (Type, TypeId, Title, Pages, Source) = (type, type.Id, title, pages, source);
        (Sha256, Size, ContentKind) = (sha256, size, kind);
        (ScannedBy, ScannedAt, ScannedByUnitId, ScannedByUnitKind) = (by.UserName, at, by.UnitId ?? 0, unitKind);
    }

    public bool IsVerified => VerifiedAt is not null;

    /// <summary>
    /// Whether <paramref name="actor"/> is the one who vouches for this document: the agency's manager for an
    /// agency's upload, a supervisor of the holding branch for any other.
    /// </summary>
    public bool VerifiableBy(Actor actor) => ScannedByUnitKind == UnitKind.Agency
        ? actor.Can(Permission.AgencyUploadsVerify) && actor.UnitId == ScannedByUnitId
        : actor.Can(Permission.ElectronicFilesSupervise) && actor.UnitId == BranchId;

    public void Verify(Actor actor, DateTimeOffset at)
    {
        if (IsVerified) throw DomainException.Of("ElectronicFiles.AlreadyVerified");
        if (!VerifiableBy(actor))
            throw DomainException.Forbidden(ScannedByUnitKind == UnitKind.Agency ? "ElectronicFiles.AgencyManagerVerifies" : "ElectronicFiles.SupervisorVerifies");
        (VerifiedBy, VerifiedAt) = (actor.UserName, at);
    }

    /// <summary>Step 7 of the file: its first scans are verified with it, by the official who checked them against the originals.</summary>
    internal void VerifyWithFile(string by, DateTimeOffset at)
    {
        if (!IsVerified) (VerifiedBy, VerifiedAt) = (by, at);
    }
}
