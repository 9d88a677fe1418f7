using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Domain.Common;
using Portal.Domain.Eligibility;
using Portal.Domain.Sms;
using Portal.Hosting;

using Portal.Features.Sms;

namespace Portal.Features.Eligibility;

/// <summary>
/// The personal inquiry's services and limits: the per-IP limit is an ASP.NET Core rate-limiter policy on its page and
/// API (<see cref="PolicyName"/>); the per-national-ID and per-mobile limits are <see cref="PersonalInquiryLimiter"/>,
/// which the domain consults once the body is read. Settings: <c>Eligibility:Personal</c>; SMS: <c>Sms:Gateway</c>.
/// </summary>
public static class PersonalInquiryLimits
{
    public const string PolicyName = "personal-inquiry";

    public static IServiceCollection AddPersonalInquiry(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection("Eligibility:Personal").Get<PersonalInquiryOptions>() ?? new();
        services.AddSingleton(options);
        SharedLimitStore.Register(services, config);
        services.AddSingleton<IPersonalInquiryLimiter>(sp => new PersonalInquiryLimiter(options, sp.GetService<SharedLimitStore>()));
        services.AddSingleton<PersonalInquiry>();
        services.AddScoped<SmsOutbox>();
        if (HttpSmsGateway.IsConfigured(config))
        {
            services.AddSingleton(config.GetSection(HttpSmsGateway.Section).Get<HttpSmsGatewayOptions>()!);
            services.AddHttpClient<ISmsSender, HttpSmsGateway>();
        }
        else services.AddSingleton<ISmsSender, OutboxSmsSender>();
        // Adds to whatever else configures the rate limiter: this policy answers its refusals itself.
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IServiceProvider>((o, sp) => o.AddPolicy(PolicyName, new PersonalInquiryIpPolicy(options, sp.GetService<SharedLimitStore>())));
        return services;
    }
}

/// <summary>
/// The personal inquiry's national-ID and mobile limits: fixed windows in memory, per server, or in Redis shared by every
/// server when <c>Eligibility:Limits:Redis</c> is set (<see cref="SharedLimitStore"/>).
/// </summary>
public sealed class PersonalInquiryLimiter : IPersonalInquiryLimiter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _byNationalId;
    private readonly PartitionedRateLimiter<string> _byMobile;

    public PersonalInquiryLimiter(PersonalInquiryOptions options, SharedLimitStore? shared = null)
    {
        _byNationalId = FixedWindows(shared, "nid", options.PerNationalIdPermits, options.PerNationalIdWindow);
        _byMobile = FixedWindows(shared, "mobile", options.PerMobilePermits, options.PerMobileWindow);
    }

    internal static PartitionedRateLimiter<string> FixedWindows(SharedLimitStore? shared, string kind, int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => Partition(shared, kind, key, permits, window));

    internal static RateLimitPartition<string> Partition(SharedLimitStore? shared, string kind, string key, int permits, TimeSpan window) => shared is null
        ? RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(permits, window))
        : RateLimitPartition.Get(key, k => shared.FixedWindow(kind, k, permits, window));

    internal static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0, AutoReplenishment = true };

    public bool TryAcquire(string nationalId, string mobile, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        foreach (var (limiter, key) in new[] { (_byNationalId, nationalId), (_byMobile, mobile) })
        {
            using var lease = limiter.AttemptAcquire(key);
            if (lease.IsAcquired) continue;
            retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
            return false;
        }
        return true;
    }

    public void Dispose()
    {
        _byNationalId.Dispose();
        _byMobile.Dispose();
    }
}

/// <summary>
/// Per client IP, on the personal inquiry's posts (the page's forms and the API); reading the page is not limited.
/// Behind a reverse proxy the forwarded-headers middleware must set the client address, or all clients share one.
/// </summary>
public sealed class PersonalInquiryIpPolicy(PersonalInquiryOptions options, SharedLimitStore? shared = null) : IRateLimiterPolicy<string>
{
    public RateLimitPartition<string> GetPartition(HttpContext ctx) =>
        HttpMethods.IsPost(ctx.Request.Method)
            ? PersonalInquiryLimiter.Partition(shared, "personal-ip", ctx.Connection.RemoteIpAddress?.ToString() ?? "-", options.PerIpPermits, options.PerIpWindow)
            : RateLimitPartition.GetNoLimiter("read");

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    /// <summary>429 with Retry-After: JSON for the API, a short Persian page for the form.</summary>
    internal static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var after = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        await WriteTooManyAsync(context.HttpContext, after, ct);
    }

    public static async Task WriteTooManyAsync(HttpContext ctx, TimeSpan retryAfter, CancellationToken ct)
    {
        var response = ctx.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (ctx.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        var message = DomainException.TextOf("Personal.Limited")!;
        if (ctx.Request.Path.StartsWithSegments("/api")) await response.WriteAsJsonAsync(new { error = message }, ct);
        else
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync($"""
                <!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>۴۲۹</title></head>
                <body style="font-family:Vazirmatn,Tahoma,sans-serif;max-width:40rem;margin:3rem auto"><p data-testid="personal-limited">{WebUtility.HtmlEncode(message)}</p>
                <p><a href="/eligibility/personal">←</a></p></body></html>
                """, ct);
        }
    }
}
