using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using QRCoder;

namespace Portal.Documents;

/// <summary>
/// Absolute links printed on paper (the QR codes to the verification pages). <c>Portal:PublicUrl</c> names the address
/// users reach the portal at, and Production refuses to print a link without it: behind a proxy nothing else is right.
/// Elsewhere the address of the request (or circuit) that asks for the paper is used, port included, then the first
/// address the server listens on (a demo seeded from the command line).
/// </summary>
public sealed class PublicLinks(IConfiguration config, IServer server, IHostEnvironment env)
{
    public string Verify(string code) => $"{Base}/verify/{code}";

    public string VerifyOffsetLetter(string code) => $"{Base}/verify/offset/{code}";

    public string VerifyBookletSlip(string code) => $"{Base}/verify/booklet/{code}";

    /// <summary>A link as a QR code, for the paper's HTML (a data URL: the printer loads nothing from outside).</summary>
    public static string QrCode(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(2));
    }

    private string Base => (Configured() ?? Fallback()).TrimEnd('/');

    private string? Configured() =>
        config["Portal:PublicUrl"] is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri.GetLeftPart(UriPartial.Path)
            : null;

    private string Fallback() =>
        env.IsProduction() ? throw Domain.Contracts.PdfEngine.PublicUrlMissing() : RequestOrigin.Current ?? Listening();

    private string Listening()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? config["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "http://localhost";
        return address.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost");
    }
}
