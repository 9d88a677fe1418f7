using Portal.Domain.Common;
using Portal.Domain.Eligibility;
using Portal.Hosting;

namespace Portal.Features.Eligibility;

/// <summary>
/// The insured person's own inquiry as JSON, without an account (seed 002 §b). Two steps:
/// <c>POST /api/v1/eligibility/personal</c> <c>{"nationalId", "mobile"}</c> → 202 <c>{"status":"codeSent","challenge","expiresAt","expiresInSeconds"}</c>
/// (the code went by SMS to the mobile), 200 <c>{"status":"mismatch","message"}</c> (unknown ID or a mobile not
/// registered to it — the same answer for both), 400 <c>{"error","errors":{"nationalId","mobile"}}</c>, 429 (+ Retry-After),
/// 503 when the SMS could not be sent; then
/// <c>POST /api/v1/eligibility/personal/verify</c> <c>{"challenge","code"}</c> → 200 <c>{"covered","status","endsOn"
/// (Jalali yyyy/mm/dd or null),"trackingCode","inpatientNote","manualRulesNote"}</c>, 400 <c>{"error","attemptsLeft"}</c>
/// for a malformed or wrong code, 410 <c>{"error","reason":"expired"|"tooManyAttempts"}</c> when a new code is needed.
/// Messages are in the request's UI language (Persian unless the culture cookie says otherwise).
/// </summary>
public static class PersonalInquiryEndpoints
{
    public sealed record StartBody(string? NationalId, string? Mobile);

    public sealed record VerifyBody(string? Challenge, string? Code);

    public static IEndpointRouteBuilder MapPersonalInquiryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/eligibility/personal").AllowAnonymous().RequireRateLimiting(PersonalInquiryLimits.PolicyName);
        group.MapPost("", StartAsync);
        group.MapPost("/verify", VerifyAsync);
        return app;
    }

    private static async Task<IResult> StartAsync(StartBody body, PersonalInquiry inquiry, HttpContext ctx, CancellationToken ct)
    {
        var start = await inquiry.StartAsync(body.NationalId, body.Mobile, ct);
        switch (start.Status)
        {
            case StartStatus.CodeSent:
                return Results.Json(new
                {
                    status = "codeSent", challenge = start.Challenge, expiresAt = start.ExpiresAt,
                    expiresInSeconds = (int)inquiry.Options.CodeLifetime.TotalSeconds,
                }, statusCode: StatusCodes.Status202Accepted);
            case StartStatus.Mismatch:
                return Results.Ok(new { status = "mismatch", message = start.Message });
            case StartStatus.Invalid:
                return Results.Json(new
                {
                    error = start.Message,
                    errors = start.Errors!.ToDictionary(e => char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => e.Value),
                }, statusCode: StatusCodes.Status400BadRequest);
            case StartStatus.Limited:
                await PersonalInquiryIpPolicy.WriteTooManyAsync(ctx, start.RetryAfter!.Value, ct);
                return Results.Empty;
            default:
                return Results.Json(new { error = start.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<IResult> VerifyAsync(VerifyBody body, PersonalInquiry inquiry, CancellationToken ct)
    {
        var result = await inquiry.VerifyAsync(body.Challenge, body.Code, InquiryChannel.Api, ct);
        return result.Status switch
        {
            VerifyStatus.Answered when result.Answer is { } a => Results.Ok(new
            {
                covered = a.Covered,
                status = PersonalInquiry.StatusText(a.Covered),
                endsOn = a.EndsOn is { } end ? JalaliDate.FromDateOnly(end).ToString() : null,
                trackingCode = a.TrackingCode,
                inpatientNote = PersonalInquiry.InpatientNote,
                manualRulesNote = a.ServedUnderManualRules ? PersonalInquiry.ManualRulesNote : null,
            }),
            VerifyStatus.Invalid or VerifyStatus.WrongCode =>
                Results.Json(new { error = result.Message, attemptsLeft = result.AttemptsLeft }, statusCode: StatusCodes.Status400BadRequest),
            _ => Results.Json(new { error = result.Message, reason = result.Status == VerifyStatus.TooManyAttempts ? "tooManyAttempts" : "expired" },
                statusCode: StatusCodes.Status410Gone),
        };
    }
}
