namespace Portal.Domain.MonthlyStats;

/// <summary>A kind of miscellaneous claim the monthly statistics count (reference data an admin can extend).</summary>
public sealed class ClaimCategory
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

    public ClaimCategory(string code, string nameFa, string nameEn, int sortOrder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameFa);
        (Code, NameFa, NameEn, SortOrder) = (code, nameFa, nameEn, sortOrder);
    }

    public void Retire() => IsActive = false;

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
