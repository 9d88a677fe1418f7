using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Security;

namespace Portal.Domain.OffsetFiles;

/// <summary>A row of the debtors sheet, read into the page's own form.</summary>
public sealed record DebtorImportRow(int RowNumber, DebtorForm Form);

/// <summary>A row of the seized-assets sheet: the debtor's workshop code and the asset's kind as written, then the page's form.</summary>
public sealed record AssetImportRow(int RowNumber, string? WorkshopCode, string? Kind, AssetForm Form);

/// <summary>A row of the claims sheet, read into the page's own form.</summary>
public sealed record ClaimImportRow(int RowNumber, ClaimForm Form);

/// <summary>
/// The offset registers from Excel (seed 001 §1–2): the enforcement unit's debtors and seized assets, the treatment
/// directorate's claims. Each row is checked by the same form as the page, plus what only a list can get wrong
/// (the same row twice, a row already registered). One failing row and nothing is written; otherwise every row is
/// written in one SaveChanges. Workshops and centres are read through the province's scope, so another province's
/// are simply unknown.
/// </summary>
public sealed class OffsetImport(PortalDb portalDb, TimeProvider clock)
{
    public const int MaxRows = 2000;

    /// <summary>Each sheet's columns in template order; a key is the form's field, so the form's errors name the column.</summary>
    public static readonly string[] DebtorColumns =
        [nameof(DebtorForm.WorkshopCode), nameof(DebtorForm.EmployerName), nameof(DebtorForm.EmployerNationalId), nameof(DebtorForm.Debt),
         nameof(DebtorForm.FirstPeriod), nameof(DebtorForm.LastPeriod)];
    public static readonly string[] AssetColumns =
        [nameof(AssetImportRow.WorkshopCode), nameof(AssetForm.Kind), nameof(AssetForm.Description), nameof(AssetForm.Value),
         nameof(AssetForm.SeizedOn), nameof(AssetForm.Reference)];
    public static readonly string[] ClaimColumns =
        [nameof(ClaimForm.CenterCode), nameof(ClaimForm.Amount), nameof(ClaimForm.FirstPeriod), nameof(ClaimForm.LastPeriod)];

    public sealed record Centre(string Code, string Name, MedicalCenterOwnership Ownership);

    public static string ColumnTitle(string column) => Messages.Get($"Offset.Column.{column}");

    /// <summary>Every title a column may carry: the Persian template's and the English one.</summary>
    public static IReadOnlyList<string> ColumnTitles(string column) =>
        new[] { CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("en-US"), CultureInfo.CurrentUICulture }
            .Select(c => Messages.ResourceManager.GetString($"Offset.Column.{column}", c))
            .OfType<string>().Distinct().ToList();

    public static string MissingColumnMessage(string column) => Messages.Format("Import.MissingColumn", ColumnTitle(column));

    /// <summary>An asset's kind as the sheet writes it.</summary>
    public static string KindTitle(AssetKind kind) => Messages.Get($"AssetKind.{kind}");

    /// <summary>The kind written in either language; spaces and half-spaces do not matter (ماشین آلات, ماشین‌آلات).</summary>
    public static AssetKind? ParseKind(string? text)
    {
        var wanted = SearchKey.Of(text);
        if (wanted.Length == 0) return null;
        return Enum.GetValues<AssetKind>().Cast<AssetKind?>().FirstOrDefault(kind =>
            new[] { CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("en-US") }
                .Any(c => SearchKey.Of(Messages.ResourceManager.GetString($"AssetKind.{kind}", c)) == wanted));
    }

    /// <summary>The province's contracted centres, for the claims template: the type comes from the centre, it is never typed.</summary>
    public async Task<IReadOnlyList<Centre>> CentresAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsync(Permission.OffsetTreat, ct);
        return await db.OrgUnits.OfType<MedicalCenter>().OrderBy(m => m.Code).Select(m => new Centre(m.Code, m.Name, m.Ownership)).ToListAsync(ct);
    }

    /// <summary>The province's listed debtors (code, employer), for the assets template.</summary>
    public async Task<IReadOnlyList<(string Code, string Employer)>> DebtorsAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsync(Permission.OffsetEnforce, ct);
        var rows = await db.DebtorWorkshops.OrderBy(w => w.WorkshopCode).Select(w => new { w.WorkshopCode, w.EmployerName }).ToListAsync(ct);
        return rows.Select(w => (w.WorkshopCode, w.EmployerName)).ToList();
    }

    public async Task<ImportResult> ImportDebtorsAsync(IReadOnlyList<DebtorImportRow> rows, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(Permission.OffsetEnforce, ct);
        if (TooFewOrMany(rows.Count) is { } refused) return refused;
        var province = db.Scope.ProvinceId!.Value;
        var codes = rows.Select(r => TextNormalizer.DigitsOnly(r.Form.WorkshopCode)).ToList();
        var listed = (await db.DebtorWorkshops.Where(w => codes.Contains(w.WorkshopCode)).Select(w => w.WorkshopCode).ToListAsync(ct)).ToHashSet();

        var errors = new Dictionary<int, IReadOnlyList<string>>();
        var firstRowOfCode = new Dictionary<string, int>();
        var valid = new List<DebtorWorkshop>();
        foreach (var row in rows)
        {
            var messages = new List<string>();
            var (workshop, fieldErrors) = row.Form.Validate(province);
            Fail(messages, fieldErrors);
            if (workshop is not null && !firstRowOfCode.TryAdd(workshop.WorkshopCode, row.RowNumber))
                Fail(messages, nameof(DebtorForm.WorkshopCode), Messages.Format("Import.DuplicateCode", firstRowOfCode[workshop.WorkshopCode]));
            else if (workshop is not null && listed.Contains(workshop.WorkshopCode))
                Fail(messages, nameof(DebtorForm.WorkshopCode), Messages.Get("Offset.WorkshopListed"));
            if (messages.Count > 0) errors[row.RowNumber] = messages;
            else valid.Add(workshop!);
        }
        if (errors.Count > 0) return new(0, 0, errors);

        db.DebtorWorkshops.AddRange(valid);
        await ImportResult.SaveAsync(db, ct);
        return new(valid.Count, 0, errors);
    }

    public async Task<ImportResult> ImportAssetsAsync(IReadOnlyList<AssetImportRow> rows, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(Permission.OffsetEnforce, ct);
        if (TooFewOrMany(rows.Count) is { } refused) return refused;
        var codes = rows.Select(r => TextNormalizer.DigitsOnly(r.WorkshopCode)).Where(c => c.Length > 0).Distinct().ToList();
        // Through the scope filter: a workshop of another province is not on this province's list.
        var workshops = await db.DebtorWorkshops.Where(w => codes.Contains(w.WorkshopCode)).ToDictionaryAsync(w => w.WorkshopCode, ct);
        var ids = workshops.Values.Select(w => w.Id).ToList();
        var seized = (await db.SeizedAssets.Where(a => ids.Contains(a.WorkshopId)).Select(a => new { a.WorkshopId, a.Kind, a.Description, a.SeizedOn }).ToListAsync(ct))
            .Select(a => (a.WorkshopId, a.Kind, SearchKey.Of(a.Description), a.SeizedOn)).ToHashSet();

        var errors = new Dictionary<int, IReadOnlyList<string>>();
        var firstRowOfAsset = new Dictionary<(int, AssetKind, string, DateOnly), int>();
        var valid = new List<(DebtorWorkshop Workshop, (AssetKind Kind, string Description, long Value, DateOnly SeizedOn, string Reference) Asset)>();
        foreach (var row in rows)
        {
            var messages = new List<string>();
            var code = TextNormalizer.DigitsOnly(row.WorkshopCode);
            var workshop = workshops.GetValueOrDefault(code);
            if (code.Length == 0) Fail(messages, nameof(AssetImportRow.WorkshopCode), Messages.Get("Field.Required"));
            else if (workshop is null) Fail(messages, nameof(AssetImportRow.WorkshopCode), Messages.Get("Offset.Import.NotListed"));
            row.Form.Kind = ParseKind(row.Kind);
            var fieldErrors = new Dictionary<string, string>();
            // A seizure is something that happened: a date after today is refused in the row, as on the page.
            var asset = row.Form.Validate(fieldErrors, JalaliDate.Today(clock).ToDateOnly());
            // A kind that was written but is not one of the list: say so, rather than the form's "required".
            if (row.Form.Kind is null && !string.IsNullOrWhiteSpace(row.Kind)) fieldErrors[nameof(AssetForm.Kind)] = Messages.Get("Offset.Import.UnknownKind");
            Fail(messages, fieldErrors);
            if (messages.Count == 0 && asset is { } a)
            {
                // «تأمین» and «تامین» describe the same asset: compared through the search key, stored as typed.
                var key = (workshop!.Id, a.Kind, SearchKey.Of(a.Description), a.SeizedOn);
                if (!firstRowOfAsset.TryAdd(key, row.RowNumber)) Fail(messages, nameof(AssetForm.Description), Messages.Format("Offset.Import.DuplicateAsset", firstRowOfAsset[key]));
                else if (seized.Contains(key)) Fail(messages, nameof(AssetForm.Description), Messages.Get("Offset.Import.AssetListed"));
                else valid.Add((workshop, a));
            }
            if (messages.Count > 0) errors[row.RowNumber] = messages;
        }
        if (errors.Count > 0) return new(0, 0, errors);

        foreach (var (workshop, a) in valid) workshop.Seize(a.Kind, a.Description, a.Value, a.SeizedOn, a.Reference);
        await ImportResult.SaveAsync(db, ct);
        return new(valid.Count, 0, errors);
    }

    public async Task<ImportResult> ImportClaimsAsync(IReadOnlyList<ClaimImportRow> rows, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(Permission.OffsetTreat, ct);
        if (TooFewOrMany(rows.Count) is { } refused) return refused;
        var province = db.Scope.ProvinceId!.Value;
        // Centres through the scope filter, as on the page: another province's centre is unknown.
        var centres = await db.OrgUnits.OfType<MedicalCenter>().Select(m => new { m.Code, m.Id }).ToDictionaryAsync(m => m.Code, m => m.Id, ct);
        var claimed = (await db.CenterClaims.Select(c => new { c.MedicalCenterId, c.FirstPeriod, c.LastPeriod }).ToListAsync(ct))
            .ToLookup(c => c.MedicalCenterId, c => (c.FirstPeriod, c.LastPeriod));

        var errors = new Dictionary<int, IReadOnlyList<string>>();
        var sheetClaims = new List<(int Centre, int First, int Last, int Row)>();
        var valid = new List<CenterClaim>();
        foreach (var row in rows)
        {
            var messages = new List<string>();
            var code = TextNormalizer.Normalize(row.Form.CenterCode).ToUpperInvariant();
            int? centre = centres.TryGetValue(code, out var id) ? id : null;
            if (code.Length == 0) Fail(messages, nameof(ClaimForm.CenterCode), Messages.Get("Field.Required"));
            else if (centre is null) Fail(messages, nameof(ClaimForm.CenterCode), Messages.Get("Offset.NoSuchCentre"));
            var fieldErrors = new Dictionary<string, string>();
            var claim = row.Form.Validate(fieldErrors);
            Fail(messages, fieldErrors);
            if (messages.Count == 0 && claim is { } c && centre is int centreId)
            {
                // The same months claimed twice would be paid twice: in this sheet, or already on the list.
                var (first, last) = (c.First.Key, c.Last.Key);
                var earlier = sheetClaims.FirstOrDefault(s => s.Centre == centreId && Overlap(s.First, s.Last, first, last));
                if (earlier.Row > 0) Fail(messages, nameof(ClaimForm.FirstPeriod), Messages.Format("Offset.Import.DuplicateClaim", earlier.Row));
                else if (claimed[centreId].Any(p => Overlap(p.FirstPeriod, p.LastPeriod, first, last)))
                    Fail(messages, nameof(ClaimForm.FirstPeriod), Messages.Get("Offset.Import.ClaimListed"));
                else valid.Add(new CenterClaim(province, centreId, c.Amount, c.First, c.Last));
                sheetClaims.Add((centreId, first, last, row.RowNumber));
            }
            if (messages.Count > 0) errors[row.RowNumber] = messages;
        }
        if (errors.Count > 0) return new(0, 0, errors);

        db.CenterClaims.AddRange(valid);
        await ImportResult.SaveAsync(db, ct);
        return new(valid.Count, 0, errors);
    }

    private static bool Overlap(int firstA, int lastA, int firstB, int lastB) => firstA <= lastB && firstB <= lastA;

    private static ImportResult? TooFewOrMany(int count) =>
        count == 0 ? Refused(Messages.Get("Import.Empty"))
        : count > MaxRows ? Refused(Messages.Format("Import.TooMany", MaxRows))
        : null;

    private static ImportResult Refused(string message) => new(0, 0, new Dictionary<int, IReadOnlyList<string>> { [0] = [message] });

    private static void Fail(List<string> messages, string column, string message) =>
        messages.Add(Messages.Format("Import.ErrorInField", ColumnTitle(column), message));

    private static void Fail(List<string> messages, IReadOnlyDictionary<string, string> fieldErrors)
    {
        foreach (var (field, message) in fieldErrors) Fail(messages, field, message);
    }

    // The same gate as the page's commands: only that office, always in its own province.
    private Task<PortalDbContext> OpenAsync(Permission permission, CancellationToken ct) => portalDb.OpenForAsync(permission, "Offset.NotYours", ct);
}
