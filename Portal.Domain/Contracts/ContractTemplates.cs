using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.Contracts;

/// <summary>The versions of the contract template: an admin writes a new one, previews it, and sees which contracts used which.</summary>
public sealed class ContractTemplates(PortalDb portalDb, IContractPdf pdfEngine, TimeProvider clock)
{
    /// <summary>A version with who saved it: the person's full name, or null when the portal itself wrote it (the first text).</summary>
    public sealed record VersionRow(int Id, int Version, string? Note, DateTimeOffset CreatedAt, string? CreatedBy, int Contracts);

    public async Task<IReadOnlyList<VersionRow>> VersionsAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsEditorAsync(ct);
        var rows = await db.ContractTemplates.OrderByDescending(t => t.Version)
            .Select(t => new VersionRow(t.Id, t.Version, t.Note, t.CreatedAt, t.CreatedBy, db.Contracts.Count(c => c.TemplateId == t.Id)))
            .ToListAsync(ct);
        var names = await Users.UserNames.FullNamesAsync(db, rows.Select(r => r.CreatedBy), ct);
        return rows.Select(r => r with { CreatedBy = r.CreatedBy == Actor.System.UserName ? null : names.GetValueOrDefault(r.CreatedBy!, r.CreatedBy!) }).ToList();
    }

    public async Task<ContractTemplate?> FindAsync(int? version = null, CancellationToken ct = default)
    {
        await using var db = await OpenAsEditorAsync(ct);
        var query = db.ContractTemplates.AsNoTracking();
        return version is { } v ? await query.SingleOrDefaultAsync(t => t.Version == v, ct)
            : await query.OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);
    }

    /// <summary>Stores the body as the next version; returns its number, or the first problem in the text.</summary>
    public async Task<Checked<int>> SaveAsync(string? body, string? note, CancellationToken ct = default)
    {
        var text = ContractText.Check(body);
        if (!text.IsValid) return Checked<int>.Fail(text.Error!);
        var normalizedNote = TextNormalizer.Normalize(note);
        if (normalizedNote.Length > ContractTemplate.NoteMaxLength) return Checked<int>.Fail(Messages.Format("ContractTemplate.NoteTooLong", ContractTemplate.NoteMaxLength));
        await using var db = await OpenAsEditorAsync(ct);
        var last = await db.ContractTemplates.MaxAsync(t => (int?)t.Version, ct) ?? 0;
        db.ContractTemplates.Add(new ContractTemplate(last + 1, text.Value!, normalizedNote, db.Actor.UserName, clock.GetUtcNow()));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { throw DomainException.Of("ContractTemplate.SavedMeanwhile"); }
        return Checked<int>.Ok(last + 1);
    }

    /// <summary>The body (saved or not) as a PDF with a made-up agency, marked as a sample.</summary>
    public async Task<Checked<byte[]>> PreviewAsync(string? body, CancellationToken ct = default)
    {
        await using (await OpenAsEditorAsync(ct)) { }
        var text = ContractText.Check(body);
        if (!text.IsValid) return Checked<byte[]>.Fail(text.Error!);
        var template = new ContractTemplate(1, text.Value!, null, "preview", clock.GetUtcNow());
        return Checked<byte[]>.Ok(await pdfEngine.RenderAsync(ContractPaper.Sample(template, JalaliDate.Today(clock)), ct));
    }

    /// <summary>Version 1, from the text shipped with the portal, when there is no version yet (reference data).</summary>
    public static async Task SeedFirstVersionAsync(PortalDbContext db, DateTimeOffset at, CancellationToken ct = default)
    {
        if (await db.ContractTemplates.AnyAsync(ct)) return;
        await using var stream = typeof(ContractTemplates).Assembly.GetManifestResourceStream("Portal.Domain.Contracts.DefaultContractTemplate.fa.txt")
            ?? throw new InvalidOperationException("The default contract template is not embedded.");
        var body = ContractText.Check(await new StreamReader(stream).ReadToEndAsync(ct));
        if (!body.IsValid) throw new InvalidOperationException("The default contract template is invalid: " + body.Error);
        db.ContractTemplates.Add(new ContractTemplate(1, body.Value!, "متن نخست قرارداد، همراه سامانه", "system", at));
    }

    private Task<PortalDbContext> OpenAsEditorAsync(CancellationToken ct) =>
        portalDb.OpenForAsync(Permission.ContractTemplatesEdit, "ContractTemplate.OnlyAdmin", ct);
}
