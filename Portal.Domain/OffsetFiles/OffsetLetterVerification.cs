using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.OffsetFiles;

/// <summary>
/// What the public page a cover letter's QR code opens may say: that the letter was sent by the portal, its number,
/// province, date, how many debtors and claims it sent and where the file stands. No names, no amounts per party.
/// </summary>
public sealed class OffsetLetterVerification(IDbContextFactory<PortalDbContext> factory)
{
    public sealed record Letter(string Number, string ProvinceFa, string Title, DateTimeOffset SentAt, OffsetFileStatus Status, int Debtors, int Claims);

    /// <summary>The letter a code belongs to; null for a code no letter carries.</summary>
    public async Task<Letter?> FindAsync(string? code, CancellationToken ct = default)
    {
        if (VerificationCodes.Read(code) is not { } normalized) return null;
        await using var db = PortalDb.Open(factory, Actor.System);
        return await db.OffsetFiles.AsNoTracking().Where(f => f.VerificationCode == normalized)
            .Join(db.Provinces, f => f.ProvinceId, p => p.Id, (f, p) => new Letter(f.Number!, p.NameFa, f.Title, f.SentAt!.Value, f.Status, f.Debtors.Count, f.Claims.Count))
            .SingleOrDefaultAsync(ct);
    }
}
