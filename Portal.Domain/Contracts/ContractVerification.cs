using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.Contracts;

/// <summary>
/// What the public verification page may say about the contract a QR code points to: number, status, agency name
/// and dates, nothing more.
/// </summary>
public sealed class ContractVerification(IDbContextFactory<PortalDbContext> factory)
{
    public sealed record Verification(string Number, ContractStatus Status, string AgencyName, DateOnly StartsOn, DateOnly EndsOn, DateTimeOffset IssuedAt);

    /// <summary>Null for an unknown code.</summary>
    public async Task<Verification?> VerifyAsync(string? code, CancellationToken ct = default)
    {
        if (VerificationCodes.Read(code) is not { } normalized) return null;
        await using var db = PortalDb.Open(factory, Actor.System);
        return await db.Contracts.AsNoTracking().Where(c => c.VerificationCode == normalized)
            .Select(c => new Verification(c.Number!, c.Status, c.Agency.Name, c.StartsOn, c.EndsOn, c.IssuedAt!.Value))
            .SingleOrDefaultAsync(ct);
    }
}
