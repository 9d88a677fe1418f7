using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.ElectronicFiles;

/// <summary>The pages a quality check names for rescanning, as typed: «۳، ۷، ۱۲» or "3, 7-9".</summary>
public static class RescanPages
{
    public static Checked<IReadOnlyList<int>> Parse(string? typed)
    {
        var text = TextNormalizer.Normalize(typed);
        var pages = new SortedSet<int>();
        if (text.Length == 0) return Checked<IReadOnlyList<int>>.Ok([]);
        foreach (var part in text.Split([',', '،', ' ', ';', '؛'], StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-', StringSplitOptions.RemoveEmptyEntries);
            if (range.Length is < 1 or > 2 || !range.All(r => int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                return Checked<IReadOnlyList<int>>.Fail(Messages.Get("ElectronicFiles.RescanPagesFormat"));
            var from = int.Parse(range[0], CultureInfo.InvariantCulture);
            var to = range.Length == 2 ? int.Parse(range[1], CultureInfo.InvariantCulture) : from;
            if (from < 1 || to < from || to > TechnicalFile.MaxPages || to - from > 1000)
                return Checked<IReadOnlyList<int>>.Fail(Messages.Get("ElectronicFiles.RescanPagesFormat"));
            for (var p = from; p <= to; p++) pages.Add(p);
        }
        return Checked<IReadOnlyList<int>>.Ok([.. pages]);
    }
}
