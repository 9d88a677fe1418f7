using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.MonthlyStats;

/// <summary>A kind of miscellaneous claim the monthly statistics count (reference data an admin can extend).</summary>
public sealed class ClaimCategory : IAudited
{
    public const int NameMaxLength = 200;

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string NameFa { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public int SortOrder { get; private set; }
    /// <summary>Retired categories stay on old reports but are not offered on new ones.</summary>
    public bool IsActive { get; private set; } = true;

    private ClaimCategory() { }

    public ClaimCategory(string code, string? nameFa, string? nameEn, int sortOrder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
        SortOrder = sortOrder;
        Rename(nameFa, nameEn);
    }

    /// <summary>Names as typed (normalised); the Persian one is required, the English one falls back to it.</summary>
    public void Rename(string? nameFa, string? nameEn)
    {
        var fa = TextNormalizer.Normalize(nameFa);
        if (fa.Length == 0) throw DomainException.Of("Monthly.CategoryNameRequired");
        if (fa.Length > NameMaxLength) throw DomainException.Of("Field.TooLong", NameMaxLength);
        var en = TextNormalizer.Normalize(nameEn);
        (NameFa, NameEn) = (fa, en.Length == 0 ? fa : en[..Math.Min(en.Length, NameMaxLength)]);
    }

    public void Retire() => IsActive = false;

    public void Restore() => IsActive = true;

    public string Name(bool persian) => persian ? NameFa : NameEn;

    /// <summary>The four categories of DESIGN §3.4, seeded on every installation.</summary>
    public static IReadOnlyList<ClaimCategory> Defaults() =>
    [
        new("INPATIENT", "بستری در مراکز غیرطرف قرارداد", "Inpatient at non-contracted centres", 1),
        new("OUTPATIENT", "سرپایی و پاراکلینیکی", "Outpatient and para-clinical", 2),
        new("DEVICES", "لوازم پزشکی و پروتز", "Medical devices and prostheses", 3),
        new("OTHER", "سایر", "Other", 4),
    ];
}

/// <summary>
/// The claim categories an admin keeps: add, rename, retire (old reports keep their lines) and bring back. The form
/// and the review offices' sheets offer the active ones in order.
/// </summary>
public sealed class ClaimCategories(PortalDb portalDb)
{
    public sealed record Item(int Id, string Code, string NameFa, string NameEn, bool IsActive, int Lines);

    public async Task<IReadOnlyList<Item>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        return await db.ClaimCategories.OrderBy(c => c.SortOrder)
            .Select(c => new Item(c.Id, c.Code, c.NameFa, c.NameEn, c.IsActive, db.Set<ReportLine>().Count(l => l.CategoryId == c.Id)))
            .ToListAsync(ct);
    }

    public async Task<int> AddAsync(string? nameFa, string? nameEn, CancellationToken ct = default)
    {
        return await DbErrors.RetryNumberingAsync(async () =>
        {
            await using var db = await OpenAsEditorAsync(ct);
            var order = await db.ClaimCategories.MaxAsync(c => (int?)c.SortOrder, ct) ?? 0;
            var category = new ClaimCategory($"C{order + 1}", nameFa, nameEn, order + 1);
            await EnsureUniqueAsync(db, category, ct);
            db.ClaimCategories.Add(category);
            await db.SaveChangesAsync(ct);
            return category.Id;
        });
    }

    public Task RenameAsync(int id, string? nameFa, string? nameEn, CancellationToken ct = default) =>
        ChangeAsync(id, async (db, c) => { c.Rename(nameFa, nameEn); await EnsureUniqueAsync(db, c, ct); }, ct);

    public Task RetireAsync(int id, CancellationToken ct = default) => ChangeAsync(id, (_, c) => { c.Retire(); return Task.CompletedTask; }, ct);

    public Task RestoreAsync(int id, CancellationToken ct = default) => ChangeAsync(id, (_, c) => { c.Restore(); return Task.CompletedTask; }, ct);

    private async Task ChangeAsync(int id, Func<PortalDbContext, ClaimCategory, Task> change, CancellationToken ct)
    {
        await using var db = await OpenAsEditorAsync(ct);
        var category = await db.ClaimCategories.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw DomainException.Of("Monthly.NoSuchCategory");
        await change(db, category);
        await db.SaveChangesAsync(ct);
    }

    private Task<PortalDbContext> OpenAsEditorAsync(CancellationToken ct) => portalDb.OpenForAsync(Permission.ClaimCategoriesEdit, "Monthly.OnlyAdmin", ct);

    private static async Task EnsureUniqueAsync(PortalDbContext db, ClaimCategory category, CancellationToken ct)
    {
        // A few dozen categories: compared through the search key in memory, so «تأمین» and «تامین» are one name.
        var key = SearchKey.Of(category.NameFa);
        var others = await db.ClaimCategories.Where(c => c.Id != category.Id).Select(c => c.NameFa).ToListAsync(ct);
        if (others.Any(name => SearchKey.Of(name) == key)) throw DomainException.Of("Monthly.CategoryNameTaken");
    }
}
