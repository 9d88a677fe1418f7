using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.MonthlyStats;

/// <summary>One category's line of a monthly report.</summary>
public sealed record CategoryFigures(int CategoryId, int FilesReceived, long AmountClaimed);

/// <summary>A month's figures, checked: the pending count at the end follows from the one carried in, exactly.</summary>
public sealed record ReportFigures(IReadOnlyList<CategoryFigures> Categories, int FilesForwarded, int FilesReturned, int PendingAtEnd,
    decimal? AverageDaysToForward)
{
    public int FilesReceived => Categories.Sum(c => c.FilesReceived);
    public long AmountClaimed => Categories.Sum(c => c.AmountClaimed);
}

/// <summary>
/// The month's form as typed (Persian or Latin digits, separators allowed). <see cref="Validate"/> checks every field and
/// the balance of the month, and names each failing field: <c>Received:{categoryId}</c>, <c>Amount:{categoryId}</c>,
/// <c>Forwarded</c>, <c>Returned</c>, <c>Pending</c>, <c>AverageDays</c>.
/// </summary>
public sealed class MonthlyReportForm
{
    public const int MaxCount = 1_000_000;
    public const decimal MaxAverageDays = 365;

    public Dictionary<int, string?> Received { get; } = [];
    public Dictionary<int, string?> Amount { get; } = [];
    public string? Forwarded { get; set; }
    public string? Returned { get; set; }
    public string? Pending { get; set; }
    public string? AverageDays { get; set; }

    public static string ReceivedField(int categoryId) => $"Received:{categoryId}";
    public static string AmountField(int categoryId) => $"Amount:{categoryId}";

    public static MonthlyReportForm From(ReportFigures figures)
    {
        var form = new MonthlyReportForm
        {
            Forwarded = Text(figures.FilesForwarded),
            Returned = Text(figures.FilesReturned),
            Pending = Text(figures.PendingAtEnd),
            AverageDays = figures.AverageDaysToForward?.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var line in figures.Categories)
        {
            form.Received[line.CategoryId] = Text(line.FilesReceived);
            form.Amount[line.CategoryId] = line.AmountClaimed.ToString(CultureInfo.InvariantCulture);
        }
        return form;
    }

    /// <summary>The figures for the given categories, or a message per failing field.</summary>
    public (ReportFigures? Figures, IReadOnlyDictionary<string, string> Errors) Validate(IReadOnlyCollection<int> categoryIds, int pendingBroughtForward)
    {
        var errors = new Dictionary<string, string>();
        var lines = new List<CategoryFigures>();
        foreach (var id in categoryIds)
        {
            var count = Count(Received.GetValueOrDefault(id), ReceivedField(id), errors);
            var amount = Money(Amount.GetValueOrDefault(id), AmountField(id), errors);
            if (count is null || amount is null) continue;
            // A count without its amount, or the reverse, is a half-typed line, not a zero.
            if (count == 0 != (amount == 0))
                errors[count == 0 ? ReceivedField(id) : AmountField(id)] = Messages.Get(count == 0 ? "Monthly.CountWithoutFiles" : "Monthly.FilesWithoutAmount");
            else lines.Add(new CategoryFigures(id, count.Value, amount.Value));
        }
        var forwarded = Count(Forwarded, "Forwarded", errors);
        var returned = Count(Returned, "Returned", errors);
        var pending = Count(Pending, "Pending", errors);
        var average = Days(AverageDays, errors);
        if (errors.Count > 0) return (null, errors);

        var received = lines.Sum(l => l.FilesReceived);
        var available = pendingBroughtForward + received;
        if (forwarded!.Value + returned!.Value > available)
            errors["Forwarded"] = Messages.Format("Monthly.MoreOutThanIn", Persian(forwarded.Value + returned.Value), Persian(available));
        else if (pending != available - forwarded.Value - returned.Value)
            errors["Pending"] = Messages.Format("Monthly.PendingMismatch", Persian(available - forwarded.Value - returned.Value),
                Persian(pendingBroughtForward), Persian(received), Persian(forwarded.Value), Persian(returned.Value));
        if (average is not null && forwarded.Value == 0) errors["AverageDays"] = Messages.Get("Monthly.AverageWithoutForwarded");
        return errors.Count > 0 ? (null, errors) : (new ReportFigures(lines, forwarded.Value, returned.Value, pending!.Value, average), errors);
    }

    private static int? Count(string? input, string field, Dictionary<string, string> errors)
    {
        var digits = TextNormalizer.DigitsOnly(input);
        if (digits.Length == 0) return 0; // an empty box is none
        // DigitsOnly drops dashes (typed inside phone numbers); here a leading one is a minus sign.
        if (TextNormalizer.Normalize(input) is ['-' or '−' or '–', ..] || !TextNormalizer.IsAsciiDigits(digits) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > MaxCount)
        {
            errors[field] = Messages.Get("Monthly.CountFormat");
            return null;
        }
        return n;
    }

    private static long? Money(string? input, string field, Dictionary<string, string> errors)
    {
        if (TextNormalizer.DigitsOnly(input).Length == 0) return 0;
        var rial = Rial.Check(input);
        if (rial.IsValid) return rial.Value.Value;
        errors[field] = rial.Error!;
        return null;
    }

    private static decimal? Days(string? input, Dictionary<string, string> errors)
    {
        var text = TextNormalizer.Normalize(input).Replace('٫', '.').Replace('/', '.');
        if (text.Length == 0) return null;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var days) || days > MaxAverageDays)
        {
            errors["AverageDays"] = Messages.Get("Monthly.AverageFormat");
            return null;
        }
        return Math.Round(days, 1);
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Persian(long n) => TextNormalizer.ToPersianDigits(n.ToString(CultureInfo.InvariantCulture));
}
