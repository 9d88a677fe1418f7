using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.Eligibility;

/// <summary>
/// The centres' API keys: the treatment directorate issues and revokes them for its province's centres. A key presented
/// to the API is looked up by its hash and remembered for <see cref="CacheOptions.For"/> (<c>Eligibility:ApiKeyCacheSeconds</c>,
/// 60 by default; 0 reads the database every time), so the hot path does not read the database on every call. A revocation takes effect at once on the
/// server that made it and within that time on every other server (each remembers the keys it has seen on its own).
/// </summary>
public sealed class InquiryApiKeys(PortalDb portalDb, IDbContextFactory<PortalDbContext> factory, IMemoryCache cache, TimeProvider clock,
    InquiryApiKeys.CacheOptions options)
{
    /// <summary>How long a server trusts what it read about a key (found or not) before reading it again.</summary>
    public sealed record CacheOptions(TimeSpan For)
    {
        public static readonly CacheOptions Default = new(TimeSpan.FromSeconds(60));
    }

    private sealed record Remembered(Holder? Holder, DateTimeOffset Until);

    /// <summary>What an accepted key stands for: its centre, the centre's province, and a name for the log.</summary>
    public sealed record Holder(int KeyId, int CentreId, int ProvinceId, string Name);

    public sealed record KeyRow(int Id, string Centre, string CentreCode, string Prefix, DateTimeOffset IssuedAt, string IssuedBy, DateTimeOffset? RevokedAt);

    /// <summary>The centre holding this key, or null for an unknown or revoked one.</summary>
    public async Task<Holder?> FindAsync(string secret, CancellationToken ct = default)
    {
        var hash = InquiryApiKey.HashOf(secret);
        var now = clock.GetUtcNow();
        // The bound is kept on the portal's clock (the cache's own expiry is the wall clock's and only frees the memory).
        if (cache.TryGetValue(("api-key", hash), out Remembered? known) && known!.Until > now) return known.Holder;
        await using var db = PortalDb.Open(factory, Actor.System);
        var holder = await db.InquiryApiKeys.Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => new Holder(k.Id, k.CentreId, k.ProvinceId, "api:" + k.Prefix)).SingleOrDefaultAsync(ct);
        if (options.For > TimeSpan.Zero) cache.Set(("api-key", hash), new Remembered(holder, now + options.For), options.For);
        return holder;
    }

    public async Task<IReadOnlyList<KeyRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsIssuerAsync(ct);
        return await db.InquiryApiKeys.Join(db.OrgUnits, k => k.CentreId, u => u.Id, (k, u) => new { k, u })
            .OrderBy(x => x.u.Code).ThenByDescending(x => x.k.IssuedAt)
            .Select(x => new KeyRow(x.k.Id, x.u.Name, x.u.Code, x.k.Prefix, x.k.IssuedAt, x.k.IssuedBy, x.k.RevokedAt)).ToListAsync(ct);
    }

    /// <summary>Issues a key for a centre of the issuer's province; the returned secret is shown once and never stored.</summary>
    public async Task<string> IssueAsync(string centreCode, CancellationToken ct = default)
    {
        await using var db = await OpenAsIssuerAsync(ct);
        var code = TextNormalizer.Normalize(centreCode).ToUpperInvariant();
        var centre = await db.OrgUnits.OfType<MedicalCenter>().SingleOrDefaultAsync(m => m.Code == code, ct) ?? throw DomainException.Of("Eligibility.NoSuchCentre");
        var (key, secret) = InquiryApiKey.Issue(centre, db.Actor.UserName, clock.GetUtcNow());
        db.InquiryApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return secret;
    }

    public async Task RevokeAsync(int id, CancellationToken ct = default)
    {
        await using var db = await OpenAsIssuerAsync(ct);
        var key = await db.InquiryApiKeys.SingleOrDefaultAsync(k => k.Id == id, ct) ?? throw DomainException.Of("Eligibility.NoSuchKey");
        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        cache.Remove(("api-key", key.Hash));
    }

    private Task<PortalDbContext> OpenAsIssuerAsync(CancellationToken ct) => portalDb.OpenForAsync(Permission.ApiKeysIssue, "Eligibility.NotKeyIssuer", ct);
}
