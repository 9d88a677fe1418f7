using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Domain.Eligibility;
using Portal.Hosting;

namespace Portal.Features.Eligibility;

/// <summary>
/// Rate limits of the general inquiry (API and FHIR): per API key and per client address, token buckets refilled every
/// second (<c>Eligibility:Limits</c>), in this server's memory, or in Redis shared by every server when
/// <c>Eligibility:Limits:Redis</c> is set (<see cref="SharedLimitStore"/>). Over the limit the caller gets 429 with Retry-After and a Persian message.
/// </summary>
public static class EligibilityLimits
{
    public const string PerKey = "eligibility-per-key";

    public sealed class Options
    {
        public int PerKeyPerSecond { get; set; } = 200;
        public int PerAddressPerSecond { get; set; } = 400;
    }

    public static IServiceCollection AddEligibilityLimits(this IServiceCollection services, IConfiguration config)
    {
        var limits = config.GetSection("Eligibility:Limits").Get<Options>() ?? new();
        SharedLimitStore.Register(services, config);
        services.AddRateLimiter(_ => { });
        // The store, when Eligibility:Limits:Redis names one, counts across servers (SharedLimitStore); without it, the
        // in-memory buckets as before, and nothing more per request.
        services.AddOptions<RateLimiterOptions>().Configure<IServiceProvider>((o, services) =>
        {
            var shared = services.GetService<SharedLimitStore>();
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.Response.WriteAsJsonAsync(new { error = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Strings>>()["Eligibility.TooManyRequests"].Value }, ct);
            };
            // Per key: the header's value partitions (an unknown key is refused by authentication anyway).
            o.AddPolicy(PerKey, http => Bucket(shared, "key", http.Request.Headers[InquiryApiKey.Header].ToString(), limits.PerKeyPerSecond));
            // Per address, for the general inquiry's paths only: other pages and endpoints are not limited here.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsGeneralInquiry(http.Request.Path)
                    ? Bucket(shared, "ip", http.Connection.RemoteIpAddress?.ToString() ?? "", limits.PerAddressPerSecond)
                    : RateLimitPartition.GetNoLimiter(""));
        });
        return services;
    }

    /// <summary>The general inquiry's paths (plain JSON and FHIR).</summary>
    public static bool IsGeneralInquiry(PathString path) => path.StartsWithSegments("/api/v1/eligibility/general") || path.StartsWithSegments("/fhir");

    private static RateLimitPartition<string> Bucket(SharedLimitStore? shared, string kind, string key, int perSecond) => shared is null
        ? RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond, TokensPerPeriod = perSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0, AutoReplenishment = true,
        })
        : RateLimitPartition.Get(key, k => shared.TokenBucket(kind, k, perSecond));
}
