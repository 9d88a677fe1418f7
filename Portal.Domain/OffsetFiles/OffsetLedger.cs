using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.OffsetFiles;

/// <summary>
/// Execution and posting (seed 001 §4): each side confirms an agreement of its province; the second confirmation posts
/// the settlement, taking the amount off the debt and the claim in one transaction. Each balance is lowered by a
/// statement that only matches while enough is left, so two confirmations racing on the same debtor or centre can
/// never take more than there is: the later one finds too little and is refused, and nothing of it is written.
/// </summary>
public sealed class OffsetLedger(PortalDb portalDb, TimeProvider clock)
{
    /// <summary>Confirms the agreement for the acting user's side; returns the posting when this confirmation completed it.</summary>
    public async Task<Settlement?> ConfirmAsync(int agreementId, Guid version, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        var side = db.Actor.Can(Permission.OffsetEnforce) ? ExecutionSide.Insurance
            : db.Actor.Can(Permission.OffsetTreat) ? ExecutionSide.Treatment
            : throw DomainException.Forbidden("Offset.NotASide");
        // BEGIN IMMEDIATE on SQLite: writers queue here rather than failing on a stale snapshot later.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var agreement = await db.OffsetAgreements.SingleOrDefaultAsync(a => a.Id == agreementId, ct) ?? throw DomainException.Of("Offset.NotFound");
        if (agreement.Version != version) throw DomainException.Of("Offset.ChangedMeanwhile");
        var at = clock.GetUtcNow();
        Settlement? posted = null;
        if (agreement.Confirm(side, db.Actor.UserName, at))
        {
            await TakeAsync(db, agreement.WorkshopId, agreement.ClaimId, agreement.Amount!.Value, ct);
            db.Settlements.Add(posted = Settlement.Post(agreement, db.Actor.UserName, at));
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return posted;
    }

    /// <summary>Corrects a posting by a reversing one with a reason (the insurance side, once per posting).</summary>
    public async Task<Settlement> ReverseAsync(long settlementId, string reason, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        db.Actor.Require(Permission.OffsetEnforce, "Offset.NotASide");
        var normalized = TextNormalizer.Normalize(reason);
        if (normalized.Length == 0) throw DomainException.Of("Offset.ReasonRequired");
        if (Input.Text(normalized, TextLength.Reason) is { IsValid: false } tooLong) throw DomainException.Of("Offset.ReasonInvalid", tooLong.Error!);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var original = await db.Settlements.SingleOrDefaultAsync(s => s.Id == settlementId && s.Reverses == null, ct) ?? throw DomainException.Of("Offset.NotFound");
        if (await db.Settlements.AnyAsync(s => s.Reverses == settlementId, ct)) throw DomainException.Of("Offset.AlreadyReversed");
        var reversal = original.Reverse(normalized, db.Actor.UserName, clock.GetUtcNow());
        await TakeAsync(db, original.WorkshopId, original.ClaimId, reversal.Amount, ct);
        db.Settlements.Add(reversal);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return reversal;
    }

    /// <summary>A debt or claim whose kept sum differs from the sum of its postings (none, always; this is the check).</summary>
    public sealed record Inconsistency(string Kind, int Id, long Kept, long Posted);

    public async Task<IReadOnlyList<Inconsistency>> CheckAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        var debts = await db.DebtorWorkshops
            .Select(w => new { w.Id, w.Settled, Posted = db.Settlements.Where(s => s.WorkshopId == w.Id).Sum(s => (long?)s.Amount) ?? 0, w.InitialDebt })
            .Where(x => x.Settled != x.Posted || x.Settled > x.InitialDebt || x.Settled < 0).ToListAsync(ct);
        var claims = await db.CenterClaims
            .Select(c => new { c.Id, c.Settled, Posted = db.Settlements.Where(s => s.ClaimId == c.Id).Sum(s => (long?)s.Amount) ?? 0, c.Amount })
            .Where(x => x.Settled != x.Posted || x.Settled > x.Amount || x.Settled < 0).ToListAsync(ct);
        return [.. debts.Select(d => new Inconsistency(nameof(DebtorWorkshop), d.Id, d.Settled, d.Posted)),
                .. claims.Select(c => new Inconsistency(nameof(CenterClaim), c.Id, c.Settled, c.Posted))];
    }

    /// <summary>Moves <paramref name="amount"/> off the debt and the claim (back onto them when negative), only if both have that much left.</summary>
    private static async Task TakeAsync(PortalDbContext db, int workshopId, int claimId, long amount, CancellationToken ct)
    {
        var debt = await db.DebtorWorkshops.Where(w => w.Id == workshopId && w.InitialDebt - w.Settled >= amount)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Settled, w => w.Settled + amount).SetProperty(w => w.Version, Guid.NewGuid()), ct);
        if (debt == 0) throw DomainException.Of("Offset.ExceedsDebt");
        var claim = await db.CenterClaims.Where(c => c.Id == claimId && c.Amount - c.Settled >= amount)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Settled, c => c.Settled + amount).SetProperty(c => c.Version, Guid.NewGuid()), ct);
        if (claim == 0) throw DomainException.Of("Offset.ExceedsClaim");
    }
}
