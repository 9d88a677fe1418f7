using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using static Portal.Domain.Contracts.ContractAccess;

namespace Portal.Domain.Contracts;

/// <summary>The signed copy of an issued contract: checked by content, stored by hash.</summary>
public sealed class ContractScans(PortalDb portalDb, IFileStore files, TimeProvider clock)
{
    public const long MaxScanBytes = 10 * 1024 * 1024;

    /// <summary>Records the signed copy (PDF, JPEG or PNG, checked by content) and stores it by hash.</summary>
    public async Task RecordSignedScanAsync(int id, Stream content, CancellationToken ct = default)
    {
        await using var buffer = await UploadBuffer.ReadAsync(content, MaxScanBytes, ct) ?? throw DomainException.Of("Contract.ScanTooLarge");
        if (buffer.Length == 0) throw DomainException.Of("Contract.ScanRequired");
        var kind = FileSignature.Detect(buffer);
        if (kind is not (FileKind.Pdf or FileKind.Jpeg or FileKind.Png)) throw DomainException.Of("Contract.ScanType");
        await using var db = await portalDb.OpenAsync(ct);
        RequireIssuer(db);
        var contract = await Managed(db).SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw DomainException.Of("Contract.NotFound");
        // Refused before the file is stored.
        contract.Require(ContractActions.RecordScan);
        var (sha, size) = await files.SaveAsync(buffer, ct);
        contract.RecordSignedScan(new StoredFile(kind, sha, size), db.Actor.UserName, clock.GetUtcNow());
        await SaveAsync(db, ct);
    }
}
