using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using Portal.Domain.Security;
using static Portal.Domain.Contracts.ContractAccess;

namespace Portal.Domain.Contracts;

/// <summary>A contract's stored files as a reader downloads them: its PDF, its signed copy, a batch's PDFs.</summary>
public sealed class ContractDownloads(PortalDb portalDb, IFileStore files, ILogger<ContractDownloads> logger)
{
    public Task<FileDownload?> OpenPdfAsync(int id, CancellationToken ct = default) =>
        OpenAsync(id, c => c.PdfSha256 is null ? null : (c.PdfSha256, FileKind.Pdf, c.Number!), ct);

    public Task<FileDownload?> OpenSignedScanAsync(int id, CancellationToken ct = default) =>
        OpenAsync(id, c => c.ScanSha256 is null ? null : (c.ScanSha256, c.ScanKind!.Value, $"{c.Number}-signed"), ct);

    /// <summary>The PDFs of one batch, in number order, for the ZIP download: only those in the actor's scope.</summary>
    public async Task<IReadOnlyList<(string Number, string Sha256)>> BatchFilesAsync(Guid batchId, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!db.Actor.Can(Permission.ContractsRead)) return [];
        var rows = await db.Contracts.Where(c => c.BatchId == batchId && c.PdfSha256 != null).OrderBy(c => c.Number)
            .Select(c => new { c.Number, c.PdfSha256 }).ToListAsync(ct);
        return rows.Select(r => (r.Number!, r.PdfSha256!)).ToList();
    }

    public Task<Stream?> OpenStoredAsync(string sha256, CancellationToken ct = default) => files.OpenReadAsync(sha256, ct);

    private async Task<FileDownload?> OpenAsync(int id, Func<Contract, (string Sha, FileKind Kind, string Name)?> pick, CancellationToken ct)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!db.Actor.Can(Permission.ContractsRead)) return null;
        var contract = await db.Contracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null) await LogDeniedAsync(db, logger, id, ct);
        if (contract is null || pick(contract) is not { } file) return null;
        if (await files.OpenReadAsync(file.Sha, ct) is not { } content)
        {
            logger.LogError("Contract {Id}: its file {Sha256} is missing from the file store", id, file.Sha);
            return null;
        }
        return new FileDownload(file.Name + FileSignature.Extension(file.Kind), FileSignature.ContentType(file.Kind), content.Length, content);
    }
}
