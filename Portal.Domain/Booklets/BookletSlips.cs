using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Eligibility;
using Portal.Domain.Security;

namespace Portal.Domain.Booklets;

/// <summary>
/// The validity slip a done service prints to put in the booklet, and what its QR code shows to whoever scans it
/// (<c>/verify/booklet/{code}</c>): that the portal recorded it, and whether it still stands.
/// </summary>
public sealed class BookletSlips(PortalDb portalDb, IDbContextFactory<PortalDbContext> factory)
{
    public sealed record Slip(long ServiceId, BookletServiceType Type, ReplacementReason? Replacement, string PersonName, string NationalId,
        InsuranceRelation Relation, string Serial, DateOnly? OldValidUntil, DateOnly NewValidUntil, string BranchName, string UserName,
        string UserFullName, DateTimeOffset At, string VerificationCode);

    public enum Standing { Valid = 1, Corrected, Replaced }

    public sealed record Verified(BookletServiceType Type, string Serial, DateOnly NewValidUntil, string BranchName, DateTimeOffset At, Standing Standing);

    /// <summary>A done service of the reader's scope; null for another branch's or a refusal.</summary>
    public async Task<Slip?> FindAsync(long serviceId, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.BookletServe, ct);
        var row = await db.BookletServices.AsNoTracking().Where(s => s.Id == serviceId && s.Refusal == null && s.CorrectedAt == null)
            .Join(db.OrgUnits, s => s.BranchId, u => u.Id, (s, u) => new { s, Branch = u.Name }).SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var s = row.s;
        var fullName = await db.Users.Where(u => u.UserName == s.UserName).Select(u => u.FullName).SingleOrDefaultAsync(ct) ?? s.UserName;
        return new Slip(s.Id, s.Type, s.ReplacementReason, s.PersonName, s.NationalId, s.Relation, s.BookletSerial!, s.OldValidUntil,
            s.NewValidUntil!.Value, row.Branch, s.UserName, fullName, s.At, s.VerificationCode!);
    }

    /// <summary>Public: the service a slip's code belongs to; null for a code no slip carries.</summary>
    public async Task<Verified?> VerifyAsync(string? code, CancellationToken ct = default)
    {
        if (VerificationCodes.Read(code) is not { } normalized) return null;
        await using var db = PortalDb.Open(factory, Actor.System);
        var row = await db.BookletServices.AsNoTracking().Where(s => s.VerificationCode == normalized)
            .Join(db.OrgUnits, s => s.BranchId, u => u.Id, (s, u) => new { s.Type, s.BookletSerial, s.NewValidUntil, Branch = u.Name, s.At, s.CorrectedAt, s.PersonId })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var inUse = await db.Booklets.AnyAsync(b => b.PersonId == row.PersonId && b.Serial == row.BookletSerial && b.ReplacedAt == null, ct);
        var standing = row.CorrectedAt is not null ? Standing.Corrected : inUse ? Standing.Valid : Standing.Replaced;
        return new Verified(row.Type, row.BookletSerial!, row.NewValidUntil!.Value, row.Branch, row.At, standing);
    }

    /// <summary>The branch's services today, newest first: the counter's own record, with the slips to print again.</summary>
    public async Task<IReadOnlyList<BookletService>> TodayAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenForAsync(Permission.BookletServe, ct);
        var from = Tehran.StartOfDay(JalaliDate.FromInstant(now).ToDateOnly());
        return await db.BookletServices.AsNoTracking().Where(s => s.BranchId == db.Actor.UnitId && s.At >= from)
            .OrderByDescending(s => s.At).Take(200).ToListAsync(ct);
    }
}
