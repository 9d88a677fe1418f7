using System.Security.Cryptography;

namespace Portal.Hosting;

/// <summary>
/// Headers every answer carries — pages, downloads, APIs, static files and error pages alike — so a browser never
/// sniffs a stored file into HTML, never leaks a page's address to another site, runs only the portal's own scripts
/// and never shows the portal inside another site's frame.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string NonceKey = "portal.csp-nonce";

    /// <summary>The nonce of this request's Content-Security-Policy, for the one inline script Blazor writes (the import map).</summary>
    public static string? Nonce(HttpContext? ctx) => ctx?.Items[NonceKey] as string;

    public Task InvokeAsync(HttpContext ctx)
    {
        // Hex, not base64: nothing in it is escaped in HTML (Razor writes "+" as an entity), so page and header read the same.
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        ctx.Items[NonceKey] = nonce;
        ctx.Response.OnStarting(() =>
        {
            var headers = ctx.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = Policy(ctx.Request.Host.Value, nonce);
            // Older browsers that ignore frame-ancestors.
            headers.XFrameOptions = "SAMEORIGIN";
            return Task.CompletedTask;
        });
        return next(ctx);
    }

    /// <summary>
    /// Scripts: the portal's own files only (and, by nonce, the import map Blazor writes inline). Styles also allow
    /// 'unsafe-inline' because MudBlazor and Blazor set style attributes (positions of popovers, dialog widths, colours)
    /// on elements they render; a style attribute cannot run code, and everything else stays 'self'. Images allow data:
    /// for the QR and barcode images drawn in the page. The Blazor circuit is a websocket to this same host.
    /// </summary>
    public static string Policy(string? host, string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self'; " +
        (IsPlainHost(host) ? $"connect-src 'self' ws://{host} wss://{host}; " : "connect-src 'self'; ") +
        "object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

    // The Host header is the client's: only a plain name or address (and port) goes into the header.
    private static bool IsPlainHost(string? host) =>
        !string.IsNullOrEmpty(host) && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']');
}
