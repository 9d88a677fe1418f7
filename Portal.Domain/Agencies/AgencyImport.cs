using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.Agencies;

/// <summary>One row of an agency sheet, as read: the profile fields plus the code and the offices' codes.</summary>
public sealed record AgencyImportRow(int RowNumber, string? Code, string? GeneralOfficeCode, string? ReviewOfficeCode, string? Status, AgencyProfileForm Profile);

/// <summary>An import's outcome: either rows written, or every failing row with its messages (and nothing written).</summary>
public sealed record ImportResult(int Inserted, int Updated, IReadOnlyDictionary<int, IReadOnlyList<string>> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>
    /// Writes a checked sheet's rows in one transaction. A row someone else added or changed since the sheet was read
    /// (the same sheet sent through another server, an edit on a page) refuses the whole sheet in words, as a bad row
    /// would: nothing of it is written, and it can be sent again.
    /// </summary>
    internal static async Task SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            throw DomainException.Of("Import.SavedMeanwhile");
        }
    }
}

/// <summary>
/// A general office's whole-list import (seed 000 §1-1): rows are matched by agency code and inserted or updated.
/// Every row is validated first; if any fails, nothing is written. Changes of manager or location raise change
/// notices exactly as an edit on the page does.
/// </summary>
public sealed partial class AgencyImport(PortalDb portalDb, TimeProvider clock)
{
    public const int MaxRows = 5000;

    /// <summary>The sheet's columns, in template order: the key names the field in error messages and matches <see cref="AgencyProfileForm"/>.</summary>
    public static readonly string[] Columns =
        ["Code", "Name", "GeneralOffice", "ReviewOffice", "City", "Address", "PostalCode", "Phone", "ManagerName", "ManagerNationalId",
         "ManagerMobile", "Sheba", "BankConfirmedOn", "BankLetterNo", "Status"];

    public static string ColumnTitle(string column) => Messages.Get($"Column.{column}");

    /// <summary>Every title a column may carry in a sheet: the Persian template's and the English one a maintainer's sheet has.</summary>
    public static IReadOnlyList<string> ColumnTitles(string column) =>
        new[] { CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("en-US"), CultureInfo.CurrentUICulture }
            .Select(c => Messages.ResourceManager.GetString($"Column.{column}", c))
            .OfType<string>().Distinct().ToList();

    /// <summary>Sheet-level refusals, for the reader of the uploaded file (row 0 of an <see cref="ImportResult"/>).</summary>
    public static string NotExcelMessage() => Messages.Get("Import.NotExcel");

    public static string MissingColumnMessage(string column) => Messages.Format("Import.MissingColumn", ColumnTitle(column));

    /// <summary>Status as written in a sheet, in either language.</summary>
    public static string StatusTitle(AgencyStatus status) => status switch
    {
        AgencyStatus.Active => "فعال",
        AgencyStatus.Suspended => "تعلیق",
        _ => "بسته",
    };

    public async Task<ImportResult> ImportAsync(IReadOnlyList<AgencyImportRow> rows, JalaliDate effective, CancellationToken ct = default)
    {
        await using var db = await portalDb.OpenAsync(ct);
        db.Actor.Require(Permission.AgenciesEdit);
        var errors = new Dictionary<int, IReadOnlyList<string>>();
        if (rows.Count > MaxRows) return new(0, 0, new Dictionary<int, IReadOnlyList<string>> { [0] = [Messages.Format("Import.TooMany", MaxRows)] });

        var codes = rows.Select(r => NormalCode(r.Code)).Where(c => c.Length > 0).Distinct().ToList();
        var existing = await db.Agencies.Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, ct);
        // Codes taken outside the reader's scope: the row is refused without saying whose they are.
        var takenElsewhere = (await db.OrgUnits.IgnoreQueryFilters().Where(u => codes.Contains(u.Code)).Select(u => u.Code).ToListAsync(ct))
            .Where(c => !existing.ContainsKey(c)).ToHashSet();
        var offices = await db.OrgUnits.Where(u => u.Kind == UnitKind.GeneralOffice || u.Kind == UnitKind.ReviewOffice).ToListAsync(ct);
        var provinceId = db.Scope.Level == ScopeLevel.Province ? db.Scope.ProvinceId : null;
        var province = provinceId is null ? null : await db.Provinces.SingleAsync(p => p.Id == provinceId, ct);
        var firstRowOfCode = new Dictionary<string, int>();
        var valid = new List<(AgencyImportRow Row, string Code, AgencyProfile Profile, OrgUnit General, OrgUnit Review)>();

        foreach (var row in rows)
        {
            var messages = new List<string>();
            void Fail(string column, string message) => messages.Add(Messages.Format("Import.ErrorInField", ColumnTitle(column), message));

            var code = NormalCode(row.Code);
            if (code.Length == 0) Fail("Code", Messages.Get("Field.Required"));
            else if (!CodePattern().IsMatch(code)) Fail("Code", Messages.Get("Import.CodeFormat"));
            else if (firstRowOfCode.TryGetValue(code, out var first)) Fail("Code", Messages.Format("Import.DuplicateCode", first));
            else if (takenElsewhere.Contains(code)) Fail("Code", Messages.Get("Import.OutsideScope"));
            else firstRowOfCode[code] = row.RowNumber;

            var status = ParseStatus(row.Status);
            if (status is null) Fail("Status", Messages.Get("Import.UnknownStatus"));
            else row.Profile.Status = status.Value;
            var (profile, fieldErrors) = row.Profile.Validate(JalaliDate.Today(clock).ToDateOnly());
            foreach (var (field, message) in fieldErrors) Fail(field, message);

            existing.TryGetValue(code, out var agency);
            if (agency is { IsClosed: true }) Fail("Status", Messages.Get("Import.ClosedAgency"));
            var targetProvince = agency?.ProvinceId ?? provinceId;
            var general = Office(offices, UnitKind.GeneralOffice, row.GeneralOfficeCode, targetProvince);
            var review = Office(offices, UnitKind.ReviewOffice, row.ReviewOfficeCode, targetProvince);
            if (agency is null && province is null) Fail("Code", Messages.Get("Import.ProvinceRequired"));
            if (general is null && (agency is null || !string.IsNullOrWhiteSpace(row.GeneralOfficeCode))) Fail("GeneralOffice", Messages.Get("Import.UnknownGeneralOffice"));
            if (review is null) Fail("ReviewOffice", Messages.Get("Import.UnknownReviewOffice"));

            if (messages.Count > 0) errors[row.RowNumber] = messages;
            else valid.Add((row, code, profile!, general ?? agency!.Parent!, review!));
        }
        if (rows.Count == 0) errors[0] = [Messages.Get("Import.Empty")];
        if (errors.Count > 0) return new(0, 0, errors);

        var stamp = new ChangeStamp(db.Actor.UserName, clock.GetUtcNow(), effective.ToDateOnly());
        int inserted = 0, updated = 0;
        foreach (var (_, code, profile, general, review) in valid)
        {
            if (!existing.TryGetValue(code, out var agency))
            {
                agency = new Agency(code, profile.Name, province!, general, review);
                db.Add(agency);
                inserted++;
            }
            else updated++;
            agency.Update(profile, review, stamp);
        }
        await ImportResult.SaveAsync(db, ct);
        return new(inserted, updated, errors);
    }

    private static OrgUnit? Office(List<OrgUnit> offices, UnitKind kind, string? code, int? provinceId)
    {
        var wanted = NormalCode(code);
        return offices.FirstOrDefault(o => o.Kind == kind && o.Code == wanted && o.ProvinceId == provinceId);
    }

    private static AgencyStatus? ParseStatus(string? text) => TextNormalizer.Normalize(text).ToLowerInvariant() switch
    {
        "" or "فعال" or "active" => AgencyStatus.Active,
        "تعلیق" or "معلق" or "suspended" => AgencyStatus.Suspended,
        "بسته" or "closed" => AgencyStatus.Closed,
        _ => null,
    };

    private static string NormalCode(string? code) => TextNormalizer.Normalize(code).ToUpperInvariant();

    [GeneratedRegex("^[A-Z0-9-]{1,20}$")]
    private static partial Regex CodePattern();
}
