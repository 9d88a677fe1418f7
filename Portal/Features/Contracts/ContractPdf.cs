using Portal.Domain.Contracts;
using Portal.Documents;

namespace Portal.Features.Contracts;

/// <summary>
/// A contract's PDF: <see cref="ContractDocument"/>, with its QR code to the public verification page, printed by
/// <see cref="DocumentPrinter"/>.
/// </summary>
public sealed class ContractPdf(DocumentPrinter printer, PublicLinks links) : IContractPdf
{
    public bool IsAvailable => printer.IsAvailable;

    public Task<byte[]> RenderAsync(ContractPaper paper, CancellationToken ct = default) =>
        printer.PrintAsync<ContractDocument>(Parameters(paper), $"contract {paper.Number}", ct);

    /// <summary>The paper's HTML alone: the benchmark splits a render's time between this and Chromium's print.</summary>
    public Task<string> HtmlAsync(ContractPaper paper) => printer.HtmlAsync<ContractDocument>(Parameters(paper));

    private Dictionary<string, object?> Parameters(ContractPaper paper)
    {
        return new()
        {
            [nameof(ContractDocument.Paper)] = paper,
            [nameof(ContractDocument.QrCode)] = PublicLinks.QrCode(links.Verify(paper.VerificationCode)),
            [nameof(ContractDocument.FontOrigin)] = PdfRenderer.AssetOrigin,
        };
    }
}
