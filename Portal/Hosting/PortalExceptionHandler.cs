using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace Portal.Hosting;

/// <summary>Logs every unhandled request error under a correlation id the Persian error page shows the user.</summary>
public sealed class PortalExceptionHandler(ILogger<PortalExceptionHandler> logger) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        logger.LogError(exception, "Unhandled error {CorrelationId} on {Path}", CorrelationId(context), context.Request.Path);
        return ValueTask.FromResult(false); // the middleware goes on to render /error
    }

    public static string CorrelationId(HttpContext context) => Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
}
