using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;
using Portal.Features.Eligibility;

namespace Portal.Hosting;

/// <summary>
/// How the portal says no to a request it cannot take, the same for every endpoint: a status (400, 401, 403, 404, 413,
/// 415, 500) with a message in the request's language (Persian unless the culture cookie says otherwise), as
/// <c>application/problem+json</c>, or as a FHIR <c>OperationOutcome</c> under <c>/fhir</c>. Never a stack trace, a
/// header or a value echoed back.
/// </summary>
public static partial class Refusals
{
    /// <summary>
    /// Every endpoint's binding errors reach <see cref="PortalExceptionHandler"/> as exceptions, in every environment
    /// (by default only Development throws; elsewhere the framework answers a bare 400 or 415 with no message).
    /// </summary>
    public static IServiceCollection AddRefusals(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationAnswers>();
        services.AddExceptionHandler<PortalExceptionHandler>();
        return services;
    }

    /// <summary>
    /// The API's own answers: a body over <see cref="ApiBodyLimit"/> is refused before it is read, and an empty 4xx
    /// (a bare NotFound, a refused key) gets its Persian message. APIs never get the HTML status pages.
    /// </summary>
    public static async Task ApiAnswersAsync(HttpContext http, RequestDelegate next)
    {
        if (!IsApi(http.Request.Path))
        {
            await next(http);
            return;
        }
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        // Kestrel enforces this on bodies of unknown length as they are read; a declared length is refused at once.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = ApiBodyLimit;
        if (http.Request.ContentLength > ApiBodyLimit)
        {
            await WriteAsync(http, StatusCodes.Status413PayloadTooLarge);
            return;
        }
        // Routing's own refusals (415 for a body type the endpoint does not accept, 405 for a method) are endpoints with
        // no route and no policy: answered here, or the fallback policy would answer them as a sign-in challenge.
        if (http.GetEndpoint() is { RequestDelegate: { } rejection } and not RouteEndpoint)
        {
            await rejection(http);
            await WriteAsync(http, http.Response.StatusCode);
            return;
        }
        await next(http);
        if (!http.Response.HasStarted && http.Response.StatusCode >= 400 && http.Response.ContentType is null)
            await WriteAsync(http, http.Response.StatusCode);
    }

    /// <summary>The most a JSON API takes: its bodies are a few fields (a national ID, a version).</summary>
    public const long ApiBodyLimit = 64 * 1024;

    /// <summary>The centres' and other systems' APIs: machine clients, answered in JSON, never with a page or a redirect.</summary>
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/fhir");

    /// <summary>A plain HTTP endpoint (a download, an upload, an API), as opposed to a page.</summary>
    public static bool IsEndpoint(HttpContext http) =>
        http.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is null;

    public static IResult Result(int status, string? detail = null) => new Refusal(status, detail);

    public static Task WriteAsync(HttpContext http, int status, string? detail = null) => new Refusal(status, detail).ExecuteAsync(http);

    /// <summary>
    /// The message for a request the framework could not read: the body (malformed or wrong-typed JSON, none at all,
    /// the wrong content type, too large), a query or route value of the wrong kind, or a form without its antiforgery token.
    /// </summary>
    public static string? Detail(HttpContext http, BadHttpRequestException e)
    {
        var L = Localizer(http);
        if (e.StatusCode == StatusCodes.Status413PayloadTooLarge) return L["Request.TooLarge.Detail"];
        if (e.StatusCode == StatusCodes.Status415UnsupportedMediaType) return L["Request.UnsupportedType.Detail"];
        if (e.InnerException is AntiforgeryValidationException || e.Message.Contains("anti-forgery", StringComparison.OrdinalIgnoreCase))
            return L["Request.FormExpired"];
        if (e.Message.Contains("as JSON", StringComparison.Ordinal) || e.InnerException is System.Text.Json.JsonException) return L["Request.BadJson"];
        if (e.Message.Contains("no body was provided", StringComparison.Ordinal)) return L["Request.NoBody"];
        // "Failed to bind parameter "AgencySort? sort" from "Nope"." / "Required parameter "int id" was not provided ...": name the parameter, not the value.
        return ParameterName().Match(e.Message) is { Success: true } m ? L["Request.BadParameter", m.Groups[1].Value].Value : null;
    }

    private static IStringLocalizer<Strings> Localizer(HttpContext http) => http.RequestServices.GetRequiredService<IStringLocalizer<Strings>>();

    [GeneratedRegex("""parameter "(?:[^"\s]+ )?([A-Za-z_][A-Za-z0-9_]*)" """, RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex ParameterName();

    private sealed class Refusal(int status, string? detail) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            var L = Localizer(http);
            var title = L[status switch
            {
                400 => "Request.Malformed",
                401 => "Request.SignInRequired",
                403 => "Request.Forbidden",
                404 => "Request.NotFound",
                413 => "Request.TooLarge",
                415 => "Request.UnsupportedType",
                >= 500 => "Request.Failed",
                _ => "Request.Refused",
            }].Value;
            var text = status switch
            {
                >= 500 => L["Request.Failed.Detail", PortalExceptionHandler.CorrelationId(http)].Value,
                _ when detail is not null => detail,
                413 => L["Request.TooLarge.Detail"].Value,
                415 => L["Request.UnsupportedType.Detail"].Value,
                _ => title,
            };
            http.Response.StatusCode = status;
            // A status page must not run over this answer (it would re-execute a page for a machine client).
            if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            if (http.Request.Path.StartsWithSegments("/fhir"))
                return http.Response.WriteAsJsonAsync(new
                {
                    resourceType = "OperationOutcome",
                    issue = new[] { new { severity = status >= 500 ? "fatal" : "error", code = FhirCode(status), diagnostics = text } },
                }, (System.Text.Json.JsonSerializerOptions?)null, EligibilityEndpoints.FhirJson);
            return http.Response.WriteAsJsonAsync(new { title, detail = text, status, traceId = PortalExceptionHandler.CorrelationId(http) },
                (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }

        private static string FhirCode(int status) => status switch
        {
            401 => "login",
            403 => "forbidden",
            404 => "not-found",
            413 => "too-costly",
            >= 500 => "exception",
            _ => "invalid",
        };
    }
}
