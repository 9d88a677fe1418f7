using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.Circulars;

/// <summary>
/// The circulars and forms library (seed 000 §2-3): review offices upload, their agencies download, and the first
/// download by each agency is its read receipt. Query filters keep every read inside the actor's scope; on top of
/// that a review office works on its own circulars only, although its scope is the whole province.
/// Errors are message keys (<c>Circulars.*</c>) the UI words in the user's language.
/// </summary>
public sealed class CircularLibrary(PortalDb portalDb, IFileStore files, TimeProvider clock, ILogger<CircularLibrary> logger)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public sealed record Upload(string? Title, string? Number, CircularKind Kind, string? FileName, bool ForAllAgencies, IReadOnlyCollection<int> AgencyIds);

    public sealed record CircularRow(int Id, string Title, string? Number, CircularKind Kind, string FileName, long Size,
        DateTimeOffset UploadedAt, bool Unread, int Recipients, int Opened);

    public sealed record Page(IReadOnlyList<CircularRow> Rows, int Total);

    public sealed record AgencyOption(int Id, string Code, string Name);

    public sealed record Receipt(string AgencyCode, string AgencyName, DateTimeOffset? OpenedAt, string? OpenedBy);

    public sealed record Receipts(int Id, string Title, string? Number, CircularKind Kind, DateTimeOffset UploadedAt, IReadOnlyList<Receipt> Rows);

    public async Task<Checked<int>> UploadAsync(Upload form, Stream content, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!db.Actor.Can(Permission.CircularsSend)) return Checked<int>.Fail("Circulars.OnlyReviewOffice");
        var office = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == db.Actor.UnitId && u.Kind == UnitKind.ReviewOffice, ct);
        if (office is null) return Checked<int>.Fail("Circulars.OnlyReviewOffice");

        var title = TextNormalizer.Normalize(form.Title);
        var number = TextNormalizer.Normalize(form.Number);
        if (title.Length == 0) return Checked<int>.Fail("Circulars.TitleRequired");
        if (title.Length > Circular.TitleMaxLength) return Checked<int>.Fail("Circulars.TitleTooLong");
        if (number.Length > Circular.NumberMaxLength) return Checked<int>.Fail("Circulars.NumberTooLong");
        if (!Enum.IsDefined(form.Kind)) return Checked<int>.Fail("Circulars.KindRequired");

        var recipients = await RecipientsAsync(db, office.Id, form, ct);
        if (!recipients.IsValid) return Checked<int>.Fail(recipients.Error!);

        // Checked before anything is stored: a refused file leaves no trace in the store.
        await using var buffer = await UploadBuffer.ReadAsync(content, MaxBytes, ct);
        if (buffer is null) return Checked<int>.Fail("Circulars.TooLarge");
        if (buffer.Length == 0) return Checked<int>.Fail("Circulars.FileRequired");
        var kind = FileSignature.Detect(buffer);
        if (kind is not (FileKind.Pdf or FileKind.Docx)) return Checked<int>.Fail("Circulars.FileType");

        var (sha, size) = await files.SaveAsync(buffer, ct);
        var file = new CircularFile(CircularFile.DownloadName(form.FileName, title, kind), FileSignature.ContentType(kind), sha, size);
        var circular = new Circular(office, title, number, form.Kind, file, form.ForAllAgencies, recipients.Value!, db.Actor.UserName, clock.GetUtcNow());
        db.Circulars.Add(circular);
        await db.SaveChangesAsync(ct);
        return Checked<int>.Ok(circular.Id);
    }

    /// <summary>The agencies a review office may send to: the open ones it serves.</summary>
    public async Task<IReadOnlyList<AgencyOption>> AgencyOptionsAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        db.Actor.Require(Permission.CircularsSend, "Circulars.OnlyReviewOffice");
        return await Served(db, db.Actor.UnitId).OrderBy(a => a.Code).Select(a => new AgencyOption(a.Id, a.Code, a.Name)).ToListAsync(ct);
    }

    /// <summary>Newest first. An agency sees the circulars sent to it, flagged while unread; senders see how many opened them.</summary>
    public async Task<Page> ListAsync(int skip, int take, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        var agencyId = IsAgency(db.Actor) ? db.Actor.UnitId : null;
        var query = Visible(db);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.UploadedAt).ThenByDescending(c => c.Id).Skip(skip).Take(take)
            .Select(c => new CircularRow(c.Id, c.Title, c.Number, c.Kind, c.FileName, c.Size, c.UploadedAt,
                c.Recipients.Any(r => r.AgencyId == agencyId && r.OpenedAt == null),
                c.Recipients.Count(), c.Recipients.Count(r => r.OpenedAt != null)))
            .ToListAsync(ct);
        return new Page(rows, total);
    }

    /// <summary>How many circulars the actor's agency has not opened yet; zero for everyone else.</summary>
    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!IsAgency(db.Actor)) return 0;
        var agencyId = db.Actor.UnitId;
        return await db.CircularRecipients.CountAsync(r => r.AgencyId == agencyId && r.OpenedAt == null, ct);
    }

    /// <summary>Who has opened a circular, and when. Agencies see no one's receipts; outside scope it is null ("not found").</summary>
    public async Task<Receipts?> ReceiptsAsync(int circularId, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        var circular = IsAgency(db.Actor) ? null : await Visible(db).AsNoTracking().SingleOrDefaultAsync(c => c.Id == circularId, ct);
        if (circular is null)
        {
            await LogDeniedAsync(db, circularId, ct);
            return null;
        }
        var rows = await db.CircularRecipients.Where(r => r.CircularId == circularId).OrderBy(r => r.Agency.Code)
            .Select(r => new Receipt(r.Agency.Code, r.Agency.Name, r.OpenedAt, r.OpenedBy)).ToListAsync(ct);
        return new Receipts(circular.Id, circular.Title, circular.Number, circular.Kind, circular.UploadedAt, rows);
    }

    /// <summary>The file to send; an agency's first download is recorded as its read receipt. Outside scope: null.</summary>
    public async Task<FileDownload?> OpenForDownloadAsync(int circularId, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        var circular = await Visible(db).AsNoTracking().SingleOrDefaultAsync(c => c.Id == circularId, ct);
        if (circular is null)
        {
            await LogDeniedAsync(db, circularId, ct);
            return null;
        }
        var content = await files.OpenReadAsync(circular.Sha256, ct);
        if (content is null)
        {
            logger.LogError("Circular {Id}: its file {Sha256} is missing from the file store", circular.Id, circular.Sha256);
            return null;
        }
        if (IsAgency(db.Actor))
        {
            var agencyId = db.Actor.UnitId;
            var receipt = await db.CircularRecipients.SingleAsync(r => r.CircularId == circularId && r.AgencyId == agencyId, ct);
            receipt.MarkOpened(db.Actor.UserName, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        return new FileDownload(circular.FileName, circular.ContentType, circular.Size, content);
    }

    private static async Task<Checked<IReadOnlyCollection<Agency>>> RecipientsAsync(PortalDbContext db, int officeId, Upload form, CancellationToken ct)
    {
        var served = Served(db, officeId);
        if (form.ForAllAgencies)
        {
            var all = await served.ToListAsync(ct);
            return all.Count == 0 ? Checked<IReadOnlyCollection<Agency>>.Fail("Circulars.NoAgencies") : Checked<IReadOnlyCollection<Agency>>.Ok(all);
        }
        var ids = form.AgencyIds.Distinct().ToList();
        if (ids.Count == 0) return Checked<IReadOnlyCollection<Agency>>.Fail("Circulars.RecipientsRequired");
        var chosen = await served.Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        return chosen.Count == ids.Count
            ? Checked<IReadOnlyCollection<Agency>>.Ok(chosen)
            : Checked<IReadOnlyCollection<Agency>>.Fail("Circulars.AgencyNotServed");
    }

    private static IQueryable<Agency> Served(PortalDbContext db, int? officeId) =>
        db.Agencies.Where(a => a.ReviewOfficeId == officeId && a.Status != AgencyStatus.Closed);

    private static IQueryable<Circular> Visible(PortalDbContext db)
    {
        if (!db.Actor.Can(Permission.CircularsSend)) return db.Circulars;
        var officeId = db.Actor.UnitId;
        return db.Circulars.Where(c => c.ReviewOfficeId == officeId);
    }

    private static bool IsAgency(Actor actor) => actor.Can(Permission.CircularsReceive);

    private async Task LogDeniedAsync(PortalDbContext db, int circularId, CancellationToken ct)
    {
        if (await db.Circulars.IgnoreQueryFilters().AnyAsync(c => c.Id == circularId, ct))
            logger.LogWarning("Denied access: {User} ({Scope}) asked for Circular {Id} outside their scope", db.Actor.UserName, db.Scope, circularId);
    }
}
