using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Portal.Features.Eligibility;

/// <summary>
/// The inquiry APIs' rate limits counted in one Redis that every portal server shares (<c>Eligibility:Limits:Redis</c>, a
/// StackExchange.Redis connection string), so a client cannot multiply its allowance by the number of servers. Each
/// limit is one small Lua script run atomically in Redis on Redis's own clock (servers' clocks may differ): a token
/// bucket for the general inquiry (per key, per address), a fixed window for the personal inquiry (per IP, national ID,
/// mobile). Keys: <c>{prefix}{kind}:{SHA-256 of the partition, 32 hex}</c>; no API key, national ID or mobile is stored
/// in Redis as it is; each key expires once its limit would be full again.
/// <para>
/// When Redis cannot be reached (not connected, an error, or slower than the timeout) the request is <b>not</b> refused:
/// each server falls back to its own in-memory limit of the same size (what one server allowed before), logs a warning
/// once per outage, skips Redis for <see cref="PauseAfterFailure"/> after an error, and goes back to the shared counts
/// once Redis answers again. The /health check reports Degraded meanwhile. Without the setting nothing here is used.
/// </para>
/// </summary>
public sealed class SharedLimitStore : IHostedService, IDisposable
{
    public const string Setting = "Eligibility:Limits:Redis";
    public const string PrefixSetting = "Eligibility:Limits:RedisPrefix";
    public const string DefaultPrefix = "portal:rl:";
    /// <summary>After a failed call, Redis is not asked again for this long (requests are limited locally meanwhile).</summary>
    public static readonly TimeSpan PauseAfterFailure = TimeSpan.FromSeconds(5);

    // Token bucket: ARGV limit, tokens per period, period (ms). A full bucket refills by `rate` at each whole period since
    // its last refill, as the in-memory TokenBucketRateLimiter does. Returns {1, 0} or {0, ms until the next refill}.
    private const string TokenBucketScript = """
        local limit = tonumber(ARGV[1])
        local rate = tonumber(ARGV[2])
        local period = tonumber(ARGV[3])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local s = redis.call('HMGET', KEYS[1], 'n', 't')
        local tokens = tonumber(s[1])
        local since = tonumber(s[2])
        if tokens == nil or since == nil or since > now then
          tokens = limit
          since = now
        end
        local periods = math.floor((now - since) / period)
        if periods > 0 then
          tokens = math.min(limit, tokens + periods * rate)
          since = since + periods * period
        end
        local ok = 0
        local wait = 0
        if tokens >= 1 then
          tokens = tokens - 1
          ok = 1
        else
          wait = since + period - now
        end
        redis.call('HSET', KEYS[1], 'n', tokens, 't', since)
        redis.call('PEXPIRE', KEYS[1], math.ceil(limit / rate) * period + period)
        return {ok, wait}
        """;

    // Fixed window: ARGV permits, window (ms). The window starts at its first request. Returns {1, 0} or {0, ms left}.
    private const string FixedWindowScript = """
        local n = redis.call('INCR', KEYS[1])
        if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
        if n <= tonumber(ARGV[1]) then return {1, 0} end
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          ttl = tonumber(ARGV[2])
        end
        return {0, ttl}
        """;

    private readonly ConfigurationOptions _options;
    private readonly ILogger<SharedLimitStore> _logger;
    private readonly TimeProvider _clock;
    private ConnectionMultiplexer? _redis;
    private Task<ConnectionMultiplexer>? _connecting;
    private long _pausedUntil;
    private int _failing;

    public SharedLimitStore(string connectionString, string prefix, ILogger<SharedLimitStore> logger, TimeProvider clock)
    {
        _options = Options(connectionString);
        Prefix = prefix;
        _logger = logger;
        _clock = clock;
    }

    public string Prefix { get; }

    /// <summary>Whether the limits are counted in Redis now (false: each server counts its own).</summary>
    public bool IsShared => _redis is { IsConnected: true } && _clock.GetTimestamp() >= Volatile.Read(ref _pausedUntil);

    public static bool IsConfigured(IConfiguration config) => !string.IsNullOrWhiteSpace(config[Setting]);

    /// <summary>The store, its connection at start-up and its health check, when <see cref="Setting"/> is set.</summary>
    public static IServiceCollection Register(IServiceCollection services, IConfiguration config)
    {
        if (!IsConfigured(config) || services.Any(d => d.ServiceType == typeof(SharedLimitStore))) return services;
        services.AddSingleton(sp => new SharedLimitStore(config[Setting]!, config[PrefixSetting] is { Length: > 0 } p ? p : DefaultPrefix,
            sp.GetRequiredService<ILogger<SharedLimitStore>>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddHostedService(sp => sp.GetRequiredService<SharedLimitStore>());
        services.AddHealthChecks().AddCheck<SharedLimitsHealthCheck>("rate-limits");
        return services;
    }

    /// <summary>
    /// The connection string with the limiter's needs: start and keep reconnecting when Redis is down (never abort), fail
    /// a command at once while disconnected (no backlog to wait in), and short timeouts unless the string sets its own —
    /// a limiter that waits seconds would stop the inquiries it is meant to protect.
    /// </summary>
    internal static ConfigurationOptions Options(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ClientName ??= "portal-limits";
        bool Sets(string name) => connectionString.Contains(name + "=", StringComparison.OrdinalIgnoreCase);
        if (!Sets("connectTimeout")) options.ConnectTimeout = 2000;
        if (!Sets("syncTimeout")) options.SyncTimeout = 250;
        if (!Sets("asyncTimeout")) options.AsyncTimeout = 250;
        return options;
    }

    /// <summary>Connects at start-up (waiting at most the connect timeout; a server whose Redis is down starts anyway).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _connecting ??= ConnectionMultiplexer.ConnectAsync(_options);
        _redis = await _connecting;
        _redis.ConnectionFailed += (_, e) => Down(e.Exception, $"connection failed ({e.FailureType})");
        _redis.ConnectionRestored += (_, _) => Up();
        if (!_redis.IsConnected) Down(null, "not reachable at start-up");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _redis?.Dispose();

    /// <summary>The Redis key of a partition: its kind and a digest of its value (no key, ID or number in clear).</summary>
    public RedisKey Key(string kind, string partition)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(partition), hash);
        return new RedisKey($"{Prefix}{kind}:{Convert.ToHexStringLower(hash[..16])}");
    }

    /// <summary>A token bucket counted in Redis, with an in-memory one of the same size for when Redis is unreachable.</summary>
    public RateLimiter TokenBucket(string kind, string partition, int perSecond) =>
        new SharedLimiter(this, Key(kind, partition), Kind.TokenBucket, perSecond, TimeSpan.FromSeconds(1),
            new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = perSecond, TokensPerPeriod = perSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0, AutoReplenishment = true,
            }));

    /// <summary>A fixed window counted in Redis, with an in-memory one of the same size for when Redis is unreachable.</summary>
    public RateLimiter FixedWindow(string kind, string partition, int permits, TimeSpan window) =>
        new SharedLimiter(this, Key(kind, partition), Kind.FixedWindow, Math.Max(1, permits), window,
            new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0, AutoReplenishment = true }));

    internal enum Kind { TokenBucket, FixedWindow }

    /// <summary>Takes one permit in Redis; null when Redis could not answer (the caller limits locally).</summary>
    internal async ValueTask<(bool Acquired, TimeSpan RetryAfter)?> TakeAsync(RedisKey key, Kind kind, int limit, TimeSpan period)
    {
        if (!IsShared) return null;
        try
        {
            return Answered(Verdict(await _redis!.GetDatabase().ScriptEvaluateAsync(Script(kind), [key], Arguments(kind, limit, period))));
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            Failed(e);
            return null;
        }
    }

    /// <summary>The same, blocking (the personal inquiry's ID and mobile limits, consulted by the domain synchronously).</summary>
    internal (bool Acquired, TimeSpan RetryAfter)? Take(RedisKey key, Kind kind, int limit, TimeSpan period)
    {
        if (!IsShared) return null;
        try
        {
            return Answered(Verdict(_redis!.GetDatabase().ScriptEvaluate(Script(kind), [key], Arguments(kind, limit, period))));
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            Failed(e);
            return null;
        }
    }

    private static string Script(Kind kind) => kind == Kind.TokenBucket ? TokenBucketScript : FixedWindowScript;

    private static RedisValue[] Arguments(Kind kind, int limit, TimeSpan period) => kind == Kind.TokenBucket
        ? [limit, limit, (long)period.TotalMilliseconds]
        : [limit, (long)period.TotalMilliseconds];

    private static (bool, TimeSpan) Verdict(RedisResult result)
    {
        var values = (RedisResult[])result!;
        return ((long)values[0] == 1, TimeSpan.FromMilliseconds(Math.Max(0, (long)values[1])));
    }

    private (bool, TimeSpan) Answered((bool, TimeSpan) verdict)
    {
        if (Volatile.Read(ref _failing) == 1) Up();
        return verdict;
    }

    private void Failed(Exception e)
    {
        Volatile.Write(ref _pausedUntil, _clock.GetTimestamp() + (long)(PauseAfterFailure.TotalSeconds * _clock.TimestampFrequency));
        Down(e, "a call failed");
    }

    private void Down(Exception? e, string why)
    {
        if (Interlocked.Exchange(ref _failing, 1) == 0)
            _logger.LogWarning(e, "Rate limits: Redis {Why}; each server limits the inquiries on its own until it answers again (requests are not refused for this)", why);
    }

    private void Up()
    {
        Volatile.Write(ref _pausedUntil, 0);
        if (Interlocked.Exchange(ref _failing, 0) == 1)
            _logger.LogInformation("Rate limits: Redis answers again; the limits are shared by every server");
    }

    /// <summary>
    /// One partition's limiter: asks Redis, and limits with its own in-memory limiter when Redis does not answer. The
    /// partitioned limiter disposes it once the local one has been idle (full) for a while, as it does the plain ones.
    /// </summary>
    private sealed class SharedLimiter(SharedLimitStore store, RedisKey key, Kind kind, int limit, TimeSpan period, RateLimiter local) : RateLimiter
    {
        public override TimeSpan? IdleDuration => local.IdleDuration;

        public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            if (permitCount != 1) return local.AttemptAcquire(permitCount);
            return store.Take(key, kind, limit, period) is { } verdict ? Lease(verdict) : local.AttemptAcquire(permitCount);
        }

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            if (permitCount != 1) return await local.AcquireAsync(permitCount, cancellationToken);
            return await store.TakeAsync(key, kind, limit, period) is { } verdict ? Lease(verdict) : await local.AcquireAsync(permitCount, cancellationToken);
        }

        private static RateLimitLease Lease((bool Acquired, TimeSpan RetryAfter) verdict) =>
            verdict.Acquired ? SharedLease.Acquired : new SharedLease(false, verdict.RetryAfter);

        protected override void Dispose(bool disposing)
        {
            if (disposing) local.Dispose();
        }

        protected override ValueTask DisposeAsyncCore() => local.DisposeAsync();
    }

    private sealed class SharedLease(bool acquired, TimeSpan retryAfter) : RateLimitLease
    {
        public static readonly SharedLease Acquired = new(true, TimeSpan.Zero);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => acquired ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = !acquired && metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }

        protected override void Dispose(bool disposing) { }
    }
}

/// <summary>Degraded while the shared limits' Redis does not answer (the servers then limit on their own).</summary>
public sealed class SharedLimitsHealthCheck(SharedLimitStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.IsShared
            ? HealthCheckResult.Healthy("Rate limits shared in Redis")
            : HealthCheckResult.Degraded("Redis for the shared rate limits does not answer: each server limits on its own"));
}
