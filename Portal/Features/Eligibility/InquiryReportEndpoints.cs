using Portal.Documents;
using Portal.Domain.Common;
using Portal.Domain.Eligibility;
using Portal.Security;

namespace Portal.Features.Eligibility;

/// <summary>The inquiry report as Excel, for <c>?from=1405-09-01&amp;to=1405-09-07</c> (Jalali; default the last 7 days), in the reader's scope.</summary>
public static class InquiryReportEndpoints
{
    public static IEndpointRouteBuilder MapInquiryReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/eligibility/reports/inquiries.xlsx", async (string? from, string? to, InquiryReport report, InquirySheets sheets, TimeProvider clock,
            CancellationToken ct) =>
        {
            if (Range(from, to, clock) is not { } range) return Results.BadRequest();
            var (first, last) = range;
            try
            {
                var result = await report.ReportAsync(first, last, ct);
                return Results.File(sheets.Workbook(result), SheetLayout.ContentType, $"inquiries-{DayKey(first)}-{DayKey(last)}.xlsx");
            }
            catch (DomainException e) { return Results.BadRequest(e.Message); }
        }).RequireAuthorization(Policies.InquiryReport);
        return app;
    }

    /// <summary>The range asked for; either end left out defaults to the last 7 days ending today (Tehran); null when a date is malformed.</summary>
    public static (JalaliDate From, JalaliDate To)? Range(string? from, string? to, TimeProvider clock)
    {
        var today = JalaliDate.Today(clock);
        JalaliDate last = today, first;
        if (!string.IsNullOrWhiteSpace(to) && !JalaliDate.TryParse(to, out last)) return null;
        if (string.IsNullOrWhiteSpace(from)) first = last.AddDays(-6);
        else if (!JalaliDate.TryParse(from, out first)) return null;
        return (first, last);
    }

    public static string Query(JalaliDate day) => $"{day.Year:0000}-{day.Month:00}-{day.Day:00}";

    private static int DayKey(JalaliDate day) => InquiryReport.DayKey(day);
}
