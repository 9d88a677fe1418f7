using System.Text;
using System.Text.RegularExpressions;
using Portal.Domain.Common;

namespace Portal.Domain.Contracts;

/// <summary>
/// The markup of a contract template: a line starting with <c>## </c> opens an article (numbered ماده ۱، ماده ۲…),
/// a line starting with <c>- </c> is a numbered clause of it (۱-۱، ۱-۲…), any other line a paragraph. Placeholders
/// are <c>{{key}}</c> with the Persian keys of <see cref="Keys"/>.
/// </summary>
public static partial class ContractText
{
    public const string ContractNumber = "شماره قرارداد";
    public const string IssuedOn = "تاریخ صدور";
    public const string Province = "استان";
    public const string ReviewOffice = "دفتر رسیدگی";
    public const string AgencyName = "نام کارگزاری";
    public const string AgencyCode = "کد کارگزاری";
    public const string Manager = "مسئول کارگزاری";
    public const string ManagerNationalId = "کد ملی مسئول";
    public const string AgencyAddress = "نشانی کارگزاری";
    public const string Sheba = "شماره شبا";
    public const string StartsOn = "تاریخ شروع";
    public const string EndsOn = "تاریخ پایان";
    public const string Term = "مدت قرارداد";
    public const string Fee = "حق‌الزحمه هر پرونده";
    public const string FeeInWords = "حق‌الزحمه هر پرونده به حروف";

    public static readonly IReadOnlyList<string> Keys =
        [ContractNumber, IssuedOn, Province, ReviewOffice, AgencyName, AgencyCode, Manager, ManagerNationalId, AgencyAddress,
         Sheba, StartsOn, EndsOn, Term, Fee, FeeInWords];

    public sealed record Clause(string? Number, string Text);

    public sealed record Article(int Number, string Heading, IReadOnlyList<Clause> Clauses);

    [GeneratedRegex(@"\{\{([^{}]*)\}\}")]
    private static partial Regex Placeholder();

    /// <summary>The body as stored: each line normalised, blank lines dropped; or the first problem, named.</summary>
    public static Checked<string> Check(string? body)
    {
        var lines = (body ?? "").Replace("\r\n", "\n").Split('\n').Select(TextNormalizer.Normalize).Where(l => l.Length > 0).ToList();
        var text = string.Join('\n', lines);
        if (text.Length == 0) return Checked<string>.Fail(Messages.Get("ContractTemplate.BodyRequired"));
        if (text.Length > ContractTemplate.BodyMaxLength) return Checked<string>.Fail(Messages.Format("ContractTemplate.BodyTooLong", ContractTemplate.BodyMaxLength));
        if (!lines[0].StartsWith("## ", StringComparison.Ordinal)) return Checked<string>.Fail(Messages.Get("ContractTemplate.StartWithArticle"));
        var unknown = Placeholder().Matches(text).Select(m => m.Groups[1].Value.Trim()).Where(k => !Keys.Contains(k)).Distinct().ToList();
        if (unknown.Count > 0) return Checked<string>.Fail(Messages.Format("ContractTemplate.UnknownPlaceholder", string.Join("، ", unknown)));
        // What is left after removing the placeholders must hold no brace: a half-typed {{key is a mistake, not text.
        if (Placeholder().Replace(text, "").IndexOfAny(['{', '}']) >= 0) return Checked<string>.Fail(Messages.Get("ContractTemplate.StrayBrace"));
        return Checked<string>.Ok(text);
    }

    /// <summary>
    /// The body with its placeholders filled. The template's own digits turn Persian; values go in as given, so a
    /// Sheba keeps its Latin digits (wrapped in a left-to-right isolate by whoever formats it).
    /// </summary>
    public static string Fill(string body, IReadOnlyDictionary<string, string> values)
    {
        var sb = new StringBuilder(body.Length + 512);
        var last = 0;
        foreach (Match m in Placeholder().Matches(body))
        {
            sb.Append(TextNormalizer.ToPersianDigits(body[last..m.Index]));
            sb.Append(values.TryGetValue(m.Groups[1].Value.Trim(), out var value) ? value : m.Value);
            last = m.Index + m.Length;
        }
        sb.Append(TextNormalizer.ToPersianDigits(body[last..]));
        return sb.ToString();
    }

    /// <summary>Articles with their numbered clauses, for the PDF layout.</summary>
    public static IReadOnlyList<Article> Parse(string text)
    {
        var articles = new List<Article>();
        List<Clause>? clauses = null;
        var clauseNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                clauses = [];
                clauseNumber = 0;
                articles.Add(new Article(articles.Count + 1, line[3..].Trim(), clauses));
            }
            else if (clauses is null || line.Trim().Length == 0) continue;
            else if (line.StartsWith("- ", StringComparison.Ordinal))
                clauses.Add(new Clause(TextNormalizer.ToPersianDigits($"{articles.Count}-{++clauseNumber}"), line[2..].Trim()));
            else clauses.Add(new Clause(null, line.Trim()));
        }
        return articles;
    }

    public static string StatusName(ContractStatus status) => Messages.Get($"ContractStatus.{status}");
}
