using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Portal.Domain.Eligibility;
using Portal.Hosting;
using Portal.Security;

namespace Portal.Features.Eligibility;

/// <summary>
/// The general inquiry for centres' software (seed 002 §a), as plain JSON and in FHIR's CoverageEligibilityRequest /
/// CoverageEligibilityResponse shape, both behind a centre's API key and its rate limits; and a trivial endpoint for
/// liveness checks (and as the benchmark's baseline).
/// </summary>
public static class EligibilityEndpoints
{
    public const string FhirJson = "application/fhir+json";
    private const string NationalIdSystem = "https://www.tamin.ir/fhir/sid/national-id";
    private const string TrackingSystem = "https://www.tamin.ir/fhir/sid/eligibility-tracking-code";

    public sealed record GeneralRequest(string? NationalId);

    /// <summary>The answer: covered or not, in the seed's words, the tracking code, and the inpatient note. Nothing else.</summary>
    public sealed record GeneralResponse(bool Covered, string Status, string TrackingCode, string Note)
    {
        /// <summary>The answer in the request's language.</summary>
        public static GeneralResponse For(HttpContext http, bool covered, string trackingCode) =>
            new(covered, EligibilityEndpoints.Status(http, covered), trackingCode, L(http, "Eligibility.InpatientNote"));
    }

    public static IEndpointRouteBuilder MapEligibilityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ping", () => "pong").AllowAnonymous();
        app.MapPost("/api/v1/eligibility/general", GeneralAsync).RequireAuthorization(Policies.EligibilityApi).RequireRateLimiting(EligibilityLimits.PerKey);
        app.MapPost("/fhir/CoverageEligibilityRequest", FhirAsync).RequireAuthorization(Policies.EligibilityApi).RequireRateLimiting(EligibilityLimits.PerKey);
        return app;
    }

    private static async Task<IResult> GeneralAsync(GeneralRequest body, HttpContext http, EligibilityDesk desk, CancellationToken ct)
    {
        var answer = await desk.GeneralAsync(body.NationalId, InquiryChannel.Api, ApiKeyAuthentication.Requester(http.User), ct);
        return answer.IsValid
            ? Results.Ok(GeneralResponse.For(http, answer.Value!.Covered, answer.Value.TrackingCode))
            : Results.BadRequest(new { error = answer.Error });
    }

    /// <summary>
    /// Reads the national ID from <c>patient.identifier.value</c> (or the first <c>contained</c> Patient's identifier) and
    /// answers with the outcome, <c>insurance[0].inforce</c>, <c>benefitPeriod.end</c> when in force, the tracking code as
    /// <c>identifier</c> and the status and inpatient note as <c>disposition</c>; a bad request is an OperationOutcome.
    /// </summary>
    private static async Task<IResult> FhirAsync(HttpContext http, EligibilityDesk desk, TimeProvider clock, CancellationToken ct)
    {
        // application/fhir+json or application/json; the body is read by hand, so nothing else checks it.
        if (!http.Request.HasJsonContentType()) return Refusals.Result(StatusCodes.Status415UnsupportedMediaType);
        string? nationalId;
        try
        {
            using var request = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: ct);
            var root = request.RootElement;
            if (Text(root, "resourceType") != "CoverageEligibilityRequest") return Outcome(L(http, "Eligibility.Fhir.NotARequest"));
            nationalId = PatientIdentifier(root);
            // Present but not a text (a number, a list): a request of the wrong shape, not a person without an ID.
            if (nationalId is null && HasPatient(root)) return Outcome(L(http, "Eligibility.Fhir.NotARequest"));
        }
        catch (JsonException)
        {
            return Outcome(L(http, "Eligibility.Fhir.NotARequest"));
        }
        var answer = await desk.GeneralAsync(nationalId, InquiryChannel.Fhir, ApiKeyAuthentication.Requester(http.User), ct);
        if (!answer.IsValid) return Outcome(answer.Error!);
        var (covered, code) = (answer.Value!.Covered, answer.Value.TrackingCode);
        var insurance = new Dictionary<string, object>
        {
            ["coverage"] = new { display = "بیمه درمان سازمان تأمین اجتماعی" },
            ["inforce"] = covered,
        };
        if (covered && answer.Value.EndsOn is { } end) insurance["benefitPeriod"] = new { end = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        return Results.Json(new Dictionary<string, object>
        {
            ["resourceType"] = "CoverageEligibilityResponse",
            ["identifier"] = new[] { new { system = TrackingSystem, value = code } },
            ["status"] = "active",
            ["purpose"] = new[] { "validation" },
            ["patient"] = new { identifier = new { system = NationalIdSystem, value = nationalId } },
            ["created"] = clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
            ["request"] = new { identifier = new { system = TrackingSystem, value = code } },
            ["outcome"] = "complete",
            ["disposition"] = $"{Status(http, covered)} — {L(http, "Eligibility.InpatientNote")}",
            ["insurer"] = new { display = "سازمان تأمین اجتماعی" },
            ["insurance"] = new[] { insurance },
        }, contentType: FhirJson);
    }

    // Every step checks the element's kind: the body is the client's, and a number or a list where an object or a text
    // belongs is a malformed request, not an exception.
    private static string? PatientIdentifier(JsonElement root)
    {
        if (Member(Member(root, "patient"), "identifier") is { } id) return Text(id, "value");
        if (Member(root, "contained") is { ValueKind: JsonValueKind.Array } contained)
            foreach (var resource in contained.EnumerateArray())
                if (Text(resource, "resourceType") == "Patient" && Member(resource, "identifier") is { ValueKind: JsonValueKind.Array } ids
                    && ids.GetArrayLength() > 0)
                    return Text(ids[0], "value");
        return null;
    }

    private static bool HasPatient(JsonElement root) => Member(root, "patient") is not null || Member(root, "contained") is not null;

    private static JsonElement? Member(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? Text(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static IResult Outcome(string message) => Results.Json(new
    {
        resourceType = "OperationOutcome",
        issue = new[] { new { severity = "error", code = "invalid", diagnostics = message } },
    }, statusCode: StatusCodes.Status400BadRequest, contentType: FhirJson);

    private static string Status(HttpContext http, bool covered) => L(http, covered ? "Eligibility.Covered" : "Eligibility.NotCovered");

    private static string L(HttpContext http, string key) => http.RequestServices.GetRequiredService<IStringLocalizer<Strings>>()[key];
}
