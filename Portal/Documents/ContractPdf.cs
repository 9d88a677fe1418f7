using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;
using Portal.Domain.Contracts;
using QRCoder;

namespace Portal.Documents;

/// <summary>A contract's PDF: <see cref="ContractDocument"/> rendered to HTML, then printed by <see cref="PdfRenderer"/>.</summary>
public sealed class ContractPdf(PdfRenderer renderer, IServiceScopeFactory scopes, ILoggerFactory loggers, PublicLinks links) : IContractPdf
{
    private readonly ILogger _logger = loggers.CreateLogger<ContractPdf>();

    public bool IsAvailable => renderer.ChromiumPath is not null;

    public async Task<byte[]> RenderAsync(ContractPaper paper, CancellationToken ct = default)
    {
        var html = await HtmlAsync(paper);
        try
        {
            return await renderer.RenderAsync(html, ct);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            _logger.LogError(e, "Rendering contract {Number} failed", paper.Number);
            throw PdfEngine.Failed();
        }
    }

    /// <summary>The document's HTML, with its QR code to the public verification page.</summary>
    public async Task<string> HtmlAsync(ContractPaper paper)
    {
        using var data = QRCodeGenerator.GenerateQrCode(links.Verify(paper.VerificationCode), QRCodeGenerator.ECCLevel.M);
        var qr = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(2));
        // The renderer resolves scoped services (as a circuit would), so it gets a scope of its own.
        await using var scope = scopes.CreateAsyncScope();
        await using var html = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await html.Dispatcher.InvokeAsync(async () =>
        {
            var output = await html.RenderComponentAsync<ContractDocument>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(ContractDocument.Paper)] = paper,
                [nameof(ContractDocument.QrCode)] = qr,
                [nameof(ContractDocument.FontOrigin)] = PdfRenderer.AssetOrigin,
            }));
            return output.ToHtmlString();
        });
    }
}

/// <summary>
/// Absolute links printed on paper. <c>Portal:PublicUrl</c> names the address users reach the portal at; without it
/// the first address the server listens on is used (fine for one machine, wrong behind a proxy).
/// </summary>
public sealed class PublicLinks(IConfiguration config, IServer server)
{
    public string Verify(string code) => $"{Base}/verify/{code}";

    private string Base => (config["Portal:PublicUrl"] is { Length: > 0 } url ? url : Listening()).TrimEnd('/');

    private string Listening()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        return address.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost");
    }
}
