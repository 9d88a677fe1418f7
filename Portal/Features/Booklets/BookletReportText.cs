using Portal.Components.Shared;
using Portal.Domain.Common;

namespace Portal.Features.Booklets;

/// <summary>How the report names its months: «مهر ۱۴۰۵», or «مهر ۱۴۰۵ تا آذر ۱۴۰۵» for a range.</summary>
public static class BookletReportText
{
    public static string Range(JalaliMonth from, JalaliMonth to) =>
        from == to ? Name(from) : $"{Name(from)} {(Display.Persian ? "تا" : "to")} {Name(to)}";

    public static string Name(JalaliMonth month) => Display.Persian ? month.ToPersianString() : $"{month.EnglishName} {month.Year}";
}
