using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Home;
using Portal.Domain.Security;

namespace Portal.Domain.Users;

/// <summary>
/// The home page's account-request work: head office's registration office, the requests waiting for its decision; the
/// general office, the approved accounts whose first password it has not taken yet, and its requests refused in the last
/// <see cref="RefusedDays"/> days (with the reason).
/// </summary>
internal static class AccountRequestToDos
{
    public const int RefusedDays = 30;

    public static async Task<IEnumerable<ToDoItem>> ItemsAsync(PortalDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var items = new List<ToDoItem>();
        if (db.Actor.Can(Permission.AccountRequestsDecide))
        {
            var pending = await db.AccountRequests.AsNoTracking().Where(r => r.Status == AccountRequestStatus.Pending)
                .Select(r => new { r.Id, r.RequestedAt }).ToListAsync(ct);
            if (pending.Count > 0)
                items.Add(new ToDoItem(ToDoKind.AccountRequestsToDecide, pending.Count == 1 ? $"account-requests/{pending[0].Id}" : "account-requests?status=Pending",
                    pending.Count, Since: pending.Min(r => r.RequestedAt)));
        }
        if (!db.Actor.Can(Permission.AccountRequestsFile)) return items;
        var waiting = await db.AccountRequestLines.AsNoTracking().Where(l => l.UserId != null && l.HandedOverAt == null
                && db.AccountRequests.Any(r => r.Id == l.RequestId && r.Status == AccountRequestStatus.Approved && r.Kind == AccountRequestKind.Create))
            .Select(l => new { l.RequestId, DecidedAt = db.AccountRequests.Where(r => r.Id == l.RequestId).Select(r => r.DecidedAt).First() }).ToListAsync(ct);
        if (waiting.Count > 0)
        {
            var requests = waiting.Select(w => w.RequestId).Distinct().ToList();
            items.Add(new ToDoItem(ToDoKind.FirstPasswordsToHandOver, requests.Count == 1 ? $"account-requests/{requests[0]}" : "account-requests?status=Approved",
                waiting.Count, Since: waiting.Min(w => w.DecidedAt), Overdue: true));
        }
        var since = clock.GetUtcNow().AddDays(-RefusedDays);
        var refused = await db.AccountRequests.AsNoTracking().Where(r => r.Status == AccountRequestStatus.Refused && r.DecidedAt >= since)
            .OrderByDescending(r => r.DecidedAt).Select(r => new { r.Id, r.DecidedAt, r.RefusalReason }).Take(5).ToListAsync(ct);
        items.AddRange(refused.Select(r => new ToDoItem(ToDoKind.AccountRequestRefused, $"account-requests/{r.Id}",
            Subject: r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Since: r.DecidedAt, Detail: r.RefusalReason)));
        return items;
    }
}
