using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.MonthlyStats;

/// <summary>One row of a review office's monthly sheet: the agency's code and its figures as typed.</summary>
public sealed record MonthlyImportRow(int RowNumber, string? AgencyCode, MonthlyReportForm Form);

/// <summary>
/// A review office's month for many agencies at once (figures it received on paper or collected itself): every row is
/// checked exactly like the agency's form, and only if all pass is anything written, in one transaction. The figures
/// the office records count as received and accepted; a forwarded report must be reopened first.
/// </summary>
public sealed class MonthlyImport(PortalDb portalDb, TimeProvider clock)
{
    public const int MaxRows = 2000;
    public const string CodeColumn = "Code";

    /// <summary>A column of the sheet: its key (a field of <see cref="MonthlyReportForm"/>, or the code) and its Persian title.</summary>
    public sealed record Column(string Key, string Title);

    /// <summary>Titles of the template's columns that are there to read (the agency's name, the pending count carried in); never read back.</summary>
    public static (string Name, string BroughtForward) ReadOnlyTitles() => (Messages.Get("Monthly.Column.Name"), Messages.Get("Monthly.Column.BroughtForward"));

    public static string MissingColumnMessage(string title) => Messages.Format("Import.MissingColumn", title);

    /// <summary>The sheet's columns for the active categories, in order; errors name these titles.</summary>
    public async Task<IReadOnlyList<Column>> ColumnsAsync(CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        return await ColumnsAsync(db, ct);
    }

    private static async Task<IReadOnlyList<Column>> ColumnsAsync(PortalDbContext db, CancellationToken ct)
    {
        var categories = await db.ClaimCategories.Where(c => c.IsActive).OrderBy(c => c.SortOrder).Select(c => new { c.Id, c.NameFa }).ToListAsync(ct);
        return
        [
            new(CodeColumn, Messages.Get("Column.Code")),
            .. categories.SelectMany(c => new Column[]
            {
                new(MonthlyReportForm.ReceivedField(c.Id), Messages.Format("Monthly.Column.Received", c.NameFa)),
                new(MonthlyReportForm.AmountField(c.Id), Messages.Format("Monthly.Column.Amount", c.NameFa)),
            }),
            new("Forwarded", Messages.Get("Monthly.Column.Forwarded")),
            new("Returned", Messages.Get("Monthly.Column.Returned")),
            new("Pending", Messages.Get("Monthly.Column.Pending")),
            new("AverageDays", Messages.Get("Monthly.Column.AverageDays")),
        ];
    }

    /// <summary>The rows a template starts from: every agency the office expects a report from, with the figures it has so far.</summary>
    public async Task<IReadOnlyList<(string Code, string Name, int PendingBroughtForward, ReportFigures? Figures)>> TemplateRowsAsync(JalaliMonth period, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        var officeId = OwnOffice(db);
        var agencies = await ExpectedAgencies.For(db, period).Where(a => a.ReviewOfficeId == officeId).OrderBy(a => a.Code)
            .Select(a => new { a.Id, a.Code, a.Name }).ToListAsync(ct);
        var reports = await Reports(db, period, officeId).AsNoTracking().ToDictionaryAsync(r => r.AgencyId, ct);
        var broughtForward = await BroughtForwardAsync(db, period, officeId, ct);
        return agencies.Select(a => reports.TryGetValue(a.Id, out var r)
            ? (a.Code, a.Name, r.PendingBroughtForward, (ReportFigures?)r.Figures)
            : (a.Code, a.Name, broughtForward.GetValueOrDefault(a.Id), null)).ToList();
    }

    public async Task<ImportResult> ImportAsync(JalaliMonth period, IReadOnlyList<MonthlyImportRow> rows, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        var officeId = OwnOffice(db);
        // A month that is not over is not filed by anyone, on paper or on screen.
        if (!MonthlyReport.IsOpen(period, clock.GetUtcNow()))
            return Refused(Messages.Format("Monthly.Import.NotOver", period.ToPersianString(), period.Last.ToPersianString()));
        if (rows.Count == 0) return Refused(Messages.Get("Import.Empty"));
        if (rows.Count > MaxRows) return Refused(Messages.Format("Import.TooMany", MaxRows));

        var titles = (await ColumnsAsync(db, ct)).ToDictionary(c => c.Key, c => c.Title);
        var categories = titles.Keys.Where(k => k.StartsWith("Received:", StringComparison.Ordinal)).Select(k => int.Parse(k["Received:".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var agencies = await ExpectedAgencies.For(db, period).Where(a => a.ReviewOfficeId == officeId).ToDictionaryAsync(a => a.Code, ct);
        var reports = await Reports(db, period, officeId).ToDictionaryAsync(r => r.AgencyId, ct);
        var broughtForward = await BroughtForwardAsync(db, period, officeId, ct);

        var errors = new Dictionary<int, IReadOnlyList<string>>();
        var firstRowOfCode = new Dictionary<string, int>();
        var valid = new List<(Agency Agency, ReportFigures Figures)>();
        foreach (var row in rows)
        {
            var messages = new List<string>();
            void Fail(string column, string message) => messages.Add(Messages.Format("Import.ErrorInField", titles[column], message));

            var code = TextNormalizer.Normalize(row.AgencyCode).ToUpperInvariant();
            if (code.Length == 0) Fail(CodeColumn, Messages.Get("Field.Required"));
            // An agency elsewhere, not served by this office or not expected this month reads the same: not one of the sheet's.
            else if (!agencies.TryGetValue(code, out var agency)) Fail(CodeColumn, Messages.Get("Monthly.Import.NotOurAgency"));
            else if (!firstRowOfCode.TryAdd(code, row.RowNumber)) Fail(CodeColumn, Messages.Format("Import.DuplicateCode", firstRowOfCode[code]));
            else if (reports.GetValueOrDefault(agency.Id)?.IsLocked == true) Fail(CodeColumn, Messages.Get("Monthly.Import.Forwarded"));
            else
            {
                var pending = reports.TryGetValue(agency.Id, out var report) ? report.PendingBroughtForward : broughtForward.GetValueOrDefault(agency.Id);
                var (figures, fieldErrors) = row.Form.Validate(categories, pending);
                foreach (var (field, message) in fieldErrors) Fail(field, message);
                if (figures is not null) valid.Add((agency, figures));
            }
            if (messages.Count > 0) errors[row.RowNumber] = messages;
        }
        if (errors.Count > 0) return new ImportResult(0, 0, errors);

        var (inserted, updated) = (0, 0);
        var at = clock.GetUtcNow();
        foreach (var (agency, figures) in valid)
        {
            if (reports.TryGetValue(agency.Id, out var report)) updated++;
            else
            {
                report = new MonthlyReport(agency, period, broughtForward.GetValueOrDefault(agency.Id));
                db.MonthlyReports.Add(report);
                inserted++;
            }
            report.RecordForAgency(figures, db.Actor.UserName, at);
        }
        await ImportResult.SaveAsync(db, ct);
        return new ImportResult(inserted, updated, new Dictionary<int, IReadOnlyList<string>>());
    }

    private static ImportResult Refused(string message) => new(0, 0, new Dictionary<int, IReadOnlyList<string>> { [0] = [message] });

    private static int OwnOffice(PortalDbContext db) =>
        db.Actor.Can(Permission.MonthlyReview) && db.Actor.UnitId is int id ? id : throw DomainException.Forbidden("Monthly.OnlyReviewOffice");

    private static IQueryable<MonthlyReport> Reports(PortalDbContext db, JalaliMonth period, int officeId) =>
        db.MonthlyReports.Include(r => r.Lines).Where(r => r.Period == period.Key && r.Agency.ReviewOfficeId == officeId);

    /// <summary>The previous month's pending counts of the office's agencies, carried into reports not started yet.</summary>
    private static Task<Dictionary<int, int>> BroughtForwardAsync(PortalDbContext db, JalaliMonth period, int officeId, CancellationToken ct) =>
        db.MonthlyReports.Where(r => r.Period == period.Previous().Key && r.Agency.ReviewOfficeId == officeId)
            .ToDictionaryAsync(r => r.AgencyId, r => r.PendingAtEnd, ct);
}
