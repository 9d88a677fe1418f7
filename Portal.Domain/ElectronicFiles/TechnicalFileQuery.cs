using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.ElectronicFiles;

/// <summary>One technical file as its page shows it: the file, its steps with who and when, its documents, and what the reader may do.</summary>
public sealed class TechnicalFileQuery(PortalDb portalDb, ILogger<TechnicalFileQuery> logger)
{
    public sealed record Step(ScanStepKind Kind, string By, string ByName, DateTimeOffset At, int? Count, string? Note);

    public sealed record Document(int Id, string TypeName, string GroupName, string? Title, int Pages, DocumentSource Source,
        string ContentType, long Size, string ScannedByName, DateTimeOffset ScannedAt, string? VerifiedByName, DateTimeOffset? VerifiedAt,
        string? RefusedByName, DateTimeOffset? RefusedAt, string? RefusalReason, DocumentActions Actions)
    {
        public bool CanVerify => Actions.HasFlag(DocumentActions.Verify);
        public bool CanRefuse => Actions.HasFlag(DocumentActions.Refuse);

        /// <summary>The paper's stamp and fate (for a document received in service or by mail), its binder if kept.</summary>
        public Paper? Paper { get; init; }
    }

    /// <summary>What the page shows of a received paper; <see cref="Actions"/> only for the holding branch's scanning staff.</summary>
    public sealed record Paper(string? StampedByName, DateTimeOffset? StampedAt, PaperFate? Fate, DateTimeOffset? FateAt, BinderPlace? Binder, PaperActions Actions);

    public sealed record Details(TechnicalFile File, string BranchName, IReadOnlyList<Step> Steps, IReadOnlyList<Document> Documents,
        bool CanScan, bool CanSupervise, bool CanUpload, bool ReaderScanned)
    {
        /// <summary>What the reader may do now: the steps only for the holding branch's staff, the resolution only for its supervisor.</summary>
        public FileActions Actions
        {
            get
            {
                if (!CanScan) return FileActions.None;
                var acts = File.AllowedActions;
                // The one who scanned the file does not verify it against the originals (step 7).
                if (ReaderScanned) acts &= ~FileActions.Verify;
                return CanSupervise ? acts : acts & ~FileActions.ResolveDiscrepancy;
            }
        }

        public bool Allows(FileActions action) => (Actions & action) == action;
    }

    /// <summary>The file, or null when it does not exist or is outside the reader's scope.</summary>
    public async Task<Details?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        if (!db.Actor.Can(Permission.ElectronicFilesRead)) return null;
        var file = await db.TechnicalFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (file is null)
        {
            if (await db.TechnicalFiles.IgnoreQueryFilters().AnyAsync(f => f.Id == id, ct))
                logger.LogWarning("Denied access: {User} ({Scope}) asked for TechnicalFile {Id} outside their scope", db.Actor.UserName, db.Scope, id);
            return null;
        }
        var steps = await db.ScanSteps.AsNoTracking().Where(s => s.FileId == id).OrderBy(s => s.At).ThenBy(s => s.Id).ToListAsync(ct);
        var documents = await db.ScannedDocuments.AsNoTracking().Where(d => d.FileId == id).Include(d => d.Type).ThenInclude(t => t.Group)
            .OrderBy(d => d.ScannedAt).ThenBy(d => d.Id).ToListAsync(ct);
        var people = steps.Select(s => s.By).Concat(documents.Select(d => d.ScannedBy))
            .Concat(documents.SelectMany(d => new[] { d.VerifiedBy, d.RefusedBy, d.StampedBy }).OfType<string>()).Distinct().ToList();
        var binders = await BinderQuery.PlacesAsync(db, documents.Where(d => d.Fate == PaperFate.KeptInBinder).Select(d => d.Id), ct);
        var names = await db.Users.Where(u => people.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.FullName, ct);
        string Name(string user) => names.GetValueOrDefault(user, user);
        var branch = await db.OrgUnits.IgnoreQueryFilters().Where(u => u.Id == file.BranchId).Select(u => u.Name).SingleAsync(ct);
        var holds = db.Actor.UnitId == file.BranchId;
        var actor = db.Actor;
        var canScan = holds && actor.Can(Permission.ElectronicFilesScan);
        return new Details(file, branch,
            [.. steps.Select(s => new Step(s.Kind, s.By, Name(s.By), s.At, s.Count, s.Note))],
            [.. documents.Select(d => new Document(d.Id, d.Type.Name, d.Type.Group.Name, d.Title, d.Pages, d.Source,
                Common.Files.FileSignature.ContentType(d.ContentKind), d.Size, Name(d.ScannedBy), d.ScannedAt,
                d.VerifiedBy is null ? null : Name(d.VerifiedBy), d.VerifiedAt,
                d.RefusedBy is null ? null : Name(d.RefusedBy), d.RefusedAt, d.RefusalReason, d.ActionsFor(actor))
            {
                Paper = d.IsPaper
                    ? new Paper(d.StampedBy is null ? null : Name(d.StampedBy), d.StampedAt, d.Fate, d.FateAt, binders.GetValueOrDefault(d.Id),
                        canScan ? d.AllowedPaperActions : PaperActions.None)
                    : null,
            })],
            CanScan: canScan,
            CanSupervise: holds && actor.Can(Permission.ElectronicFilesSupervise),
            CanUpload: actor.Can(Permission.ElectronicFilesUpload),
            ReaderScanned: string.Equals(file.ScannedBy, actor.UserName, StringComparison.OrdinalIgnoreCase));
    }
}
