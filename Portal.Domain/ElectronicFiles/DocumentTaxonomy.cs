using Portal.Domain.Common;
using Portal.Domain.Security;

namespace Portal.Domain.ElectronicFiles;

/// <summary>A heading (سرفصل) documents are indexed under (seed 003, part 1 step 12, part 2 §4), kept by the administrator.</summary>
public sealed class DocumentGroup : IAudited
{
    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int SortOrder { get; private set; }
    public bool IsActive { get; private set; } = true;

    private DocumentGroup() { }

    public DocumentGroup(string code, string name, int sortOrder)
    {
        (Code, Name, SortOrder) = (code, Check(name), sortOrder);
    }

    public void Rename(string name) => Name = Check(name);

    public void SetActive(bool active) => IsActive = active;

    internal static string Check(string? name)
    {
        var text = Input.Text(name, TextLength.Name);
        return text.IsValid ? text.Value! : throw DomainException.Of("ElectronicFiles.TaxonomyNameInvalid", TextNormalizer.ToPersianDigits(TextLength.Name.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}

/// <summary>A kind of document within a heading (a pension ruling, a sick-leave certificate…).</summary>
public sealed class DocumentType : IAudited
{
    public int Id { get; private set; }
    public int GroupId { get; private set; }
    public DocumentGroup Group { get; private set; } = null!;
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int SortOrder { get; private set; }
    public bool IsActive { get; private set; } = true;

    private DocumentType() { }

    public DocumentType(DocumentGroup group, string code, string name, int sortOrder)
    {
        (Group, GroupId, Code, Name, SortOrder) = (group, group.Id, code, DocumentGroup.Check(name), sortOrder);
    }

    public void Rename(string name) => Name = DocumentGroup.Check(name);

    public void SetActive(bool active) => IsActive = active;
}

/// <summary>
/// The headings and document types every installation starts with: those a technical file holds under the
/// organisation's forms (identity, insurance record, pensions, disability and the medical commission, short-term
/// benefits, work accidents, correspondence). The administrator adds and retires others.
/// </summary>
public static class DocumentTaxonomySeed
{
    public sealed record Group(string Code, string Name, (string Code, string Name)[] Types);

    public static readonly Group[] Groups =
    [
        new("01", "مدارک هویتی", [
            ("0101", "شناسنامه"),
            ("0102", "کارت ملی"),
            ("0103", "مدارک هویتی افراد تحت تکفل"),
            ("0104", "سند ازدواج یا طلاق"),
            ("0105", "گواهی فوت"),
        ]),
        new("02", "سوابق بیمه‌ای و قراردادها", [
            ("0201", "صورت مزد و حقوق (لیست بیمه)"),
            ("0202", "درخواست احتساب سوابق"),
            ("0203", "قرارداد بیمه صاحبان حرف و مشاغل آزاد"),
            ("0204", "قرارداد بیمه اختیاری"),
            ("0205", "تعهدنامه"),
        ]),
        new("03", "مستمری و بازنشستگی", [
            ("0301", "درخواست بازنشستگی"),
            ("0302", "حکم برقراری مستمری"),
            ("0303", "درخواست مستمری بازماندگان"),
            ("0304", "گواهی اشتغال به تحصیل فرزندان"),
        ]),
        new("04", "ازکارافتادگی و کمیسیون پزشکی", [
            ("0401", "رأی کمیسیون پزشکی (ماده ۹۱)"),
            ("0402", "درخواست ازکارافتادگی"),
            ("0403", "نتیجه معاینات بدو نام‌نویسی گروه‌های خاص"),
        ]),
        new("05", "غرامت و مقرری", [
            ("0501", "گواهی استراحت پزشک معالج"),
            ("0502", "نظریه مراجع پزشکی"),
            ("0503", "درخواست غرامت دستمزد ایام بیماری"),
            ("0504", "درخواست مقرری بیمه بیکاری"),
            ("0505", "درخواست کمک هزینه بارداری"),
        ]),
        new("06", "حوادث ناشی از کار", [
            ("0601", "گزارش حادثه ناشی از کار"),
            ("0602", "نظریه بازرس کار"),
        ]),
        new("07", "تعهدات کوتاه‌مدت", [
            ("0701", "درخواست کمک هزینه ازدواج"),
            ("0702", "درخواست کمک هزینه کفن و دفن"),
            ("0703", "درخواست وسایل کمک پزشکی"),
        ]),
        new("08", "مکاتبات و درخواست‌ها", [
            ("0801", "نامه اداری"),
            ("0802", "درخواست بیمه‌شده"),
            ("0803", "سایر مدارک"),
        ]),
    ];
}
