using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Portal.Domain.Common;

namespace Portal.Hosting;

/// <summary>
/// Every unhandled request error. A request the framework could not read (<see cref="BadHttpRequestException"/>: a
/// malformed or oversized body, a wrong content type, a query value of the wrong kind, a form without its token) is the
/// client's mistake: its own status with a Persian message, for pages as for APIs. A forbidden refusal from the domain
/// (<see cref="RefusalKind.Forbidden"/>) reaching an endpoint answers 403 with its message. Anything else is logged under a
/// correlation id: an API or download answers 500 with that id; a page goes on to the Persian error page.
/// </summary>
public sealed class PortalExceptionHandler(ILogger<PortalExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is BadHttpRequestException bad)
        {
            logger.LogInformation("Refused a malformed request to {Path}: {Status} {Reason}", context.Request.Path, bad.StatusCode, bad.Message);
            await Refusals.WriteAsync(context, bad.StatusCode, Refusals.Detail(context, bad));
            return true;
        }
        // A command the role may not give, reached by an endpoint whose policy let the request in: a refusal, not a fault.
        if (exception is DomainException { Kind: RefusalKind.Forbidden } refused && (Refusals.IsApi(context.Request.Path) || Refusals.IsEndpoint(context)))
        {
            logger.LogWarning("Refused {Path}: {Key}", context.Request.Path, refused.Key);
            await Refusals.WriteAsync(context, StatusCodes.Status403Forbidden, refused.Message);
            return true;
        }
        logger.LogError(exception, "Unhandled error {CorrelationId} on {Path}", CorrelationId(context), context.Request.Path);
        // A machine client or a download link gets a plain answer, not a page.
        if (Refusals.IsApi(context.Request.Path) || Refusals.IsEndpoint(context))
        {
            await Refusals.WriteAsync(context, StatusCodes.Status500InternalServerError);
            return true;
        }
        return false; // the middleware goes on to render /error
    }

    public static string CorrelationId(HttpContext context) => Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
}
