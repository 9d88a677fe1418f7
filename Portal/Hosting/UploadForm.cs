using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace Portal.Hosting;

/// <summary>
/// Reads a multipart upload form by hand (not bound), so that a file over the limit comes back to the page as a
/// message instead of a bare 400/413, and checks its antiforgery token.
/// </summary>
public static class UploadForm
{
    public enum Outcome { Read, TooLarge, BadToken }

    /// <param name="limit">The whole request: the file plus the form's few fields and multipart boundaries.</param>
    public static async Task<(IFormCollection? Form, Outcome Outcome)> ReadAsync(HttpContext ctx, IAntiforgery antiforgery, long limit, CancellationToken ct)
    {
        // A body that is not a form (JSON, no content type) cannot carry the form's token.
        if (!ctx.Request.HasFormContentType) return (null, Outcome.BadToken);
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body) body.MaxRequestBodySize = limit;
        ctx.Features.Set<IFormFeature>(new FormFeature(ctx.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        try
        {
            var form = await ctx.Request.ReadFormAsync(ct);
            await antiforgery.ValidateRequestAsync(ctx);
            return (form, Outcome.Read);
        }
        catch (AntiforgeryValidationException)
        {
            return (null, Outcome.BadToken);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return (null, Outcome.TooLarge);
        }
    }
}
