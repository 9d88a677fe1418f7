using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Portal.Documents;
using Portal.Domain.Booklets;
using Portal.Domain.Common;
using Portal.Hosting;
using Portal.Security;

namespace Portal.Features.Booklets;

/// <summary>
/// The booklet services report's workbook (<c>/booklets/report.xlsx</c>) and the same figures for other systems
/// (<c>/api/v1/reports/booklet-services?period=1405-07[&amp;to=1405-09][&amp;province=08]&amp;format=json|csv|xlsx</c>), in
/// the caller's scope: a province outside it is "not found", a malformed or refused period a 400 with its message.
/// </summary>
public static class BookletReportEndpoints
{
    public static IEndpointRouteBuilder MapBookletReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/booklets/report.xlsx", (string? period, string? to, string? province, BookletReport report, BookletReportSheets sheets,
            IStringLocalizer<Strings> L, CancellationToken ct) => AnswerAsync(period, to, province, "xlsx", report, sheets, L, ct))
            .RequireAuthorization(Policies.BookletReport);
        app.MapGet("/api/v1/reports/booklet-services", (string? period, string? to, string? province, string? format, BookletReport report,
            BookletReportSheets sheets, IStringLocalizer<Strings> L, CancellationToken ct) => AnswerAsync(period, to, province, format, report, sheets, L, ct))
            .RequireAuthorization(Policies.BookletReport);
        return app;
    }

    /// <summary>The months asked for: <paramref name="period"/> alone is one month; with <paramref name="to"/> a range. Null when either is malformed.</summary>
    public static (JalaliMonth From, JalaliMonth To)? Months(string? period, string? to)
    {
        if (!JalaliMonth.TryParse(period, out var from)) return null;
        if (string.IsNullOrWhiteSpace(to)) return (from, from);
        return JalaliMonth.TryParse(to, out var last) ? (from, last) : null;
    }

    private static async Task<IResult> AnswerAsync(string? period, string? to, string? province, string? format, BookletReport report,
        BookletReportSheets sheets, IStringLocalizer<Strings> L, CancellationToken ct)
    {
        if (Months(period, to) is not var (from, last)) return Refusals.Result(StatusCodes.Status400BadRequest, L["Request.BadPeriod"]);
        if (format is not (null or "json" or "csv" or "xlsx")) return Refusals.Result(StatusCodes.Status400BadRequest, L["Request.BadFormat"]);
        BookletReport.Result? result;
        try { result = await report.ReadAsync(from, last, province, ct); }
        catch (DomainException e) when (e.Kind == RefusalKind.Invalid) { return Refusals.Result(StatusCodes.Status400BadRequest, e.Message); }
        if (result is null) return Results.NotFound();
        var name = $"booklet-services-{from.Key}" + (last != from ? $"-{last.Key}" : "") + (result.ProvinceCode is { } p ? $"-{p}" : "");
        return format switch
        {
            "xlsx" => Results.File(sheets.Workbook(result), SheetLayout.ContentType, name + ".xlsx"),
            "csv" => Results.File(Csv(result), "text/csv; charset=utf-8", name + ".csv"),
            _ => Results.Json(Json(result)),
        };
    }

    private static object Json(BookletReport.Result r)
    {
        static object Figures(BookletReport.Counts c, BookletReport.Wait w) => new
        {
            renewals = c.Renewals, credits = c.Credits, newBooklets = c.NewBooklets, duplicates = c.Duplicates, done = c.Done, refused = c.Refused,
            corrected = c.Corrected, counterErrors = c.CounterErrors, waitMeasured = w.Measured, waitAverageMinutes = w.AverageMinutes, waitMedianMinutes = w.MedianMinutes,
        };
        return new
        {
            from = BookletReport.MonthQuery(r.From), to = BookletReport.MonthQuery(r.To), province = r.ProvinceCode, total = Figures(r.Total, r.Wait),
            generalOffices = r.GeneralOffices.Select(o => new { code = o.Code, name = o.Name, province = o.Province, figures = Figures(o.Counts, o.Wait) }),
            branches = r.Branches.Select(b => new { code = b.Code, name = b.Name, province = b.Province, figures = Figures(b.Counts, b.Wait) }),
            types = r.Types.Select(t => new { type = t.Type.ToString(), done = t.Done, refused = t.Refused, corrected = t.Corrected }),
            refusals = r.Refusals.Select(x => new { reason = x.Reason.ToString(), count = x.Count, counterError = x.CounterError }),
        };
    }

    /// <summary>One row per branch and a total row; UTF-8 with a byte-order mark, so that Excel opens the Persian names as Persian.</summary>
    private static byte[] Csv(BookletReport.Result r)
    {
        static string Field(object? value) => value is string s && s.IndexOfAny([',', '"', '\n']) >= 0
            ? $"\"{s.Replace("\"", "\"\"")}\"" : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        var text = new StringBuilder("province,generalOffice,branch,name,renewals,credits,newBooklets,duplicates,done,refused,corrected,counterErrors,waitMeasured,waitAverageMinutes,waitMedianMinutes\n");
        var offices = r.GeneralOffices.ToDictionary(o => o.Id, o => o.Code);
        void Row(string province, string office, string code, string name, BookletReport.Counts c, BookletReport.Wait w) =>
            text.AppendJoin(',', new object?[] { province, office, code, name, c.Renewals, c.Credits, c.NewBooklets, c.Duplicates, c.Done, c.Refused, c.Corrected,
                c.CounterErrors, w.Measured, w.AverageMinutes is { } a ? Math.Round(a, 1) : null, w.MedianMinutes }.Select(Field)).Append('\n');
        foreach (var b in r.Branches) Row(b.Province, offices.GetValueOrDefault(b.ParentId ?? 0, ""), b.Code, b.Name, b.Counts, b.Wait);
        Row("", "", "", "total", r.Total, r.Wait);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
