using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Documents;
using Portal.Domain.ElectronicFiles;

namespace Portal.Features.ElectronicFiles;

/// <summary>
/// The electronic files' papers (<see cref="IElectronicFilePapers"/>): labels, the stamp's imprint and cover sheets,
/// Razor documents printed by <see cref="DocumentPrinter"/>. Their barcodes are SVG drawn here (<see cref="Code128Svg"/>),
/// so the PDFs need no script.
/// </summary>
public sealed class ElectronicFilePapers(DocumentPrinter printer) : IElectronicFilePapers
{
    public bool IsAvailable => printer.IsAvailable;

    public Task<byte[]> LabelAsync(FileLabel label, CancellationToken ct = default) =>
        Labels([label], sheet: false, $"the label of technical file {label.FileNumber}", ct);

    public Task<byte[]> LabelSheetAsync(IReadOnlyList<FileLabel> labels, CancellationToken ct = default) =>
        Labels(labels, sheet: true, $"a sheet of {labels.Count} technical file labels", ct);

    public Task<byte[]> ScanStampAsync(ScanStamp stamp, CancellationToken ct = default) =>
        printer.PrintAsync<ScanStampDocument>(new Dictionary<string, object?>
        {
            [nameof(ScanStampDocument.Stamp)] = stamp,
            [nameof(ScanStampDocument.FontOrigin)] = PdfRenderer.AssetOrigin,
        }, $"the scanned stamp of {stamp.UserCode}", ct);

    public Task<byte[]> CoverSheetsAsync(IReadOnlyList<CoverSheet> sheets, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sheets.Count);
        return printer.PrintAsync<CoverSheetDocument>(new Dictionary<string, object?>
        {
            [nameof(CoverSheetDocument.Sheets)] = sheets,
            [nameof(CoverSheetDocument.FontOrigin)] = PdfRenderer.AssetOrigin,
        }, $"{sheets.Count} technical file cover sheets", ct);
    }

    /// <summary>A branch's destruction list as proposed, or as destroyed with its witnesses.</summary>
    public Task<byte[]> DestructionListAsync(DestructionQuery.Details list, CancellationToken ct = default) =>
        printer.PrintAsync<DestructionListDocument>(new Dictionary<string, object?>
        {
            [nameof(DestructionListDocument.List)] = list,
            [nameof(DestructionListDocument.FontOrigin)] = PdfRenderer.AssetOrigin,
        }, $"destruction list {list.List.Id}", ct);

    private Task<byte[]> Labels(IReadOnlyList<FileLabel> labels, bool sheet, string paper, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfZero(labels.Count);
        return printer.PrintAsync<FileLabelDocument>(new Dictionary<string, object?>
        {
            [nameof(FileLabelDocument.Labels)] = labels,
            [nameof(FileLabelDocument.Sheet)] = sheet,
            [nameof(FileLabelDocument.FontOrigin)] = PdfRenderer.AssetOrigin,
        }, paper, ct);
    }
}

public static class ElectronicFilePapersSetup
{
    /// <summary>The electronic files' papers, the batch scans' cover-sheet reader, and its line on <c>/health</c>.</summary>
    public static IServiceCollection AddElectronicFilePapers(this IServiceCollection services)
    {
        services.AddSingleton<ElectronicFilePapers>();
        services.AddSingleton<IElectronicFilePapers>(sp => sp.GetRequiredService<ElectronicFilePapers>());
        services.AddSingleton<CoverSheetReader>();
        services.AddHealthChecks().AddCheck<ScanReadingHealthCheck>("scan-reading");
        return services;
    }
}

/// <summary>
/// <c>/health</c> says "degraded" on a machine without poppler-utils: TIFF and image batches are still split at their
/// cover sheets, PDF batches cannot be.
/// </summary>
public sealed class ScanReadingHealthCheck : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(ScanImages.PdfToPpm is { } path
            ? HealthCheckResult.Healthy($"PDF pages rasterised by {path}")
            : HealthCheckResult.Degraded("pdftoppm missing: install poppler-utils to split PDF batch scans at their cover sheets"));
}
