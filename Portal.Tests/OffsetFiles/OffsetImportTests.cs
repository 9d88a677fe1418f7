using Microsoft.EntityFrameworkCore;
using Portal.Documents;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.OffsetFiles;
using Portal.Domain.Organisation;
using Portal.Features.OffsetFiles;

namespace Portal.Tests.OffsetFiles;

/// <summary>The offset registers imported from sheets on the real database: every row passes or nothing is written.</summary>
public sealed class OffsetImportTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    // Seeded debtors are coded by province: Kerman's 0800001…, Golestan's 2700001….
    private const string KermanWorkshop = "0800001";
    private const string GolestanWorkshop = "2700001";
    private static readonly string CompanyId = LegalEntityId.WithCheckDigit("1032089487");

    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private Task<OffsetImport> As(string user) => portal.AsAsync<OffsetImport>(user);

    private static DebtorImportRow Debtor(int row, string code, string nationalId, string first = "1392/01", string last = "1395/12") =>
        new(row, new DebtorForm { WorkshopCode = code, EmployerName = "شركت ريخته‌گري نمونه", EmployerNationalId = nationalId, Debt = "۱۲۰٬۰۰۰٬۰۰۰", FirstPeriod = first, LastPeriod = last });

    private static AssetImportRow Asset(int row, string code, string kind, string description = "ملک تجاری، کرمان، بلوار جمهوری", string seizedOn = "1398/02/11") =>
        new(row, code, kind, new AssetForm { Description = description, Value = "900000000", SeizedOn = seizedOn, Reference = "۹۸/۱۲۳" });

    private static ClaimImportRow Claim(int row, string centre, string amount, string first, string last) =>
        new(row, new ClaimForm { CenterCode = centre, Amount = amount, FirstPeriod = first, LastPeriod = last });

    private async Task<List<MedicalCenter>> CentresAsync(string province)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.OrgUnits.OfType<MedicalCenter>().Where(m => m.Province!.Code == province).OrderBy(m => m.Code).ToListAsync();
    }

    private static void HasError(ImportResult result, int row, string column, string containing) =>
        Assert.Contains(result.Errors[row], m => m.StartsWith(OffsetImport.ColumnTitle(column)) && m.Contains(containing));

    /// <summary>A duplicate names the row it repeats, in whichever digits the culture formats.</summary>
    private static void Repeats(ImportResult result, int row, string column, int earlier) =>
        Assert.Contains(result.Errors[row], m => m.StartsWith(OffsetImport.ColumnTitle(column))
            && (m.Contains($"ردیف {earlier}") || m.Contains($"ردیف {TextNormalizer.ToPersianDigits(earlier.ToString())}")));

    [Fact]
    public async Task Debtors_AGoodSheet_ListsEveryRow_Normalised_AndAudited()
    {
        await using var before = Acting.SystemDb(portal);
        var audited = await before.AuditEntries.CountAsync(e => e.Entity == nameof(DebtorWorkshop));
        var kerman = await before.Provinces.Where(p => p.Code == "08").Select(p => p.Id).SingleAsync();

        var result = await (await As("kerman.generaloffice")).ImportDebtorsAsync(
            [Debtor(2, "۸۱۲۰۰۰۱", CompanyId), Debtor(3, "8120002", NationalId.WithCheckDigit("012345678"), "۱۳۹۰/۰۷", "۱۳۹۳/۰۲")]);

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Inserted);
        await using var db = Acting.SystemDb(portal);
        var listed = await db.DebtorWorkshops.Where(w => w.WorkshopCode == "8120001" || w.WorkshopCode == "8120002").OrderBy(w => w.WorkshopCode).ToListAsync();
        Assert.Equal(["شرکت ریخته‌گری نمونه", "شرکت ریخته‌گری نمونه"], listed.Select(w => w.EmployerName));
        Assert.Equal((120_000_000L, 139007, 139302), (listed[1].InitialDebt, listed[1].FirstPeriod, listed[1].LastPeriod));
        Assert.All(listed, w => Assert.Equal(kerman, w.ProvinceId));
        Assert.Equal(audited + 2, await db.AuditEntries.CountAsync(e => e.Entity == nameof(DebtorWorkshop)));
    }

    [Fact]
    public async Task Debtors_BadRows_WriteNothing_AndEachRowNamesItsColumns()
    {
        await using var before = Acting.SystemDb(portal);
        var count = await before.DebtorWorkshops.CountAsync();

        var result = await (await As("kerman.generaloffice")).ImportDebtorsAsync(
        [
            Debtor(2, "8130001", CompanyId),
            Debtor(3, "8130002", "10320894870"),                 // the check digit does not match
            Debtor(4, "8130003", CompanyId, "1396/01", "1396/06"), // the process covers debts before 1396 only
            Debtor(5, "813-0001", CompanyId),                      // row 2's code again
            Debtor(6, KermanWorkshop, CompanyId),                  // already on the province's list
        ]);

        Assert.False(result.Succeeded);
        Assert.Equal([3, 4, 5, 6], result.Errors.Keys.Order());
        HasError(result, 3, "EmployerNationalId", "رقم کنترل");
        HasError(result, 4, "LastPeriod", "۱۳۹۶");
        Repeats(result, 5, "WorkshopCode", 2);
        HasError(result, 6, "WorkshopCode", "پیش‌تر");
        await using var after = Acting.SystemDb(portal);
        Assert.Equal(count, await after.DebtorWorkshops.CountAsync());
    }

    [Fact]
    public async Task Debtors_AnotherProvincesCode_IsNotTaken_AndOtherOfficesCannotImport()
    {
        // Workshop codes are the province's own: a code Golestan has listed is free in Kerman.
        var result = await (await As("kerman.generaloffice")).ImportDebtorsAsync([Debtor(2, "2700002", CompanyId)]);
        Assert.True(result.Succeeded);

        var refused = await Assert.ThrowsAsync<DomainException>(async () => await (await As("kerman.treatment")).ImportDebtorsAsync([Debtor(2, "8140001", CompanyId)]));
        Assert.Equal("Offset.NotYours", refused.Key);
        Assert.Equal("Offset.NotYours", (await Assert.ThrowsAsync<DomainException>(async () =>
            await (await As("kerman.generaloffice")).ImportClaimsAsync([Claim(2, "X", "1", "1402/01", "1402/01")]))).Key);
    }

    [Fact]
    public async Task Assets_AGoodSheet_SeizesFromListedDebtors_ReadingTheKindByItsName()
    {
        var result = await (await As("kerman.generaloffice")).ImportAssetsAsync(
        [
            Asset(2, KermanWorkshop, "ملك", "ملک مسکونی، کرمان، خیابان شفا"),
            Asset(3, "0800002", "ماشين آلات", "خط تولید کاشی", "۱۳۹۷/۱۱/۰۱"),
        ]);

        Assert.True(result.Succeeded);
        await using var db = Acting.SystemDb(portal);
        var machinery = await db.SeizedAssets.Where(a => a.Description == "خط تولید کاشی").SingleAsync();
        // Digits are stored as Latin, whatever keyboard typed them.
        Assert.Equal((AssetKind.Machinery, 900_000_000L, "98/123"), (machinery.Kind, machinery.EstimatedValue, machinery.Reference));
        var workshop = await db.DebtorWorkshops.Where(w => w.WorkshopCode == KermanWorkshop).Select(w => w.Id).SingleAsync();
        Assert.Equal(AssetKind.RealEstate, await db.SeizedAssets.Where(a => a.WorkshopId == workshop && a.Description == "ملک مسکونی، کرمان، خیابان شفا").Select(a => a.Kind).SingleAsync());
    }

    [Fact]
    public async Task Assets_BadRows_WriteNothing_AndEachRowNamesItsColumns()
    {
        await using var before = Acting.SystemDb(portal);
        var count = await before.SeizedAssets.CountAsync();
        var seized = await before.SeizedAssets.Where(a => a.Description.Contains("کرمان"))
            .Join(before.DebtorWorkshops, a => a.WorkshopId, w => w.Id, (a, w) => new { w.WorkshopCode, a.Kind, a.Description, a.SeizedOn }).FirstAsync();

        var result = await (await As("kerman.generaloffice")).ImportAssetsAsync(
        [
            Asset(2, "0800003", "خودرو", "پژو ۴۰۵"),
            Asset(3, GolestanWorkshop, "خودرو"),                 // another province's debtor is not on this list
            Asset(4, "0800003", "زمین"),                          // not one of the kinds
            Asset(5, "0800003", "خودرو", "پژو ۴۰۵"),            // row 2 again
            Asset(6, "0800003", "سهام", "سهام شرکت", "1398/13/01"), // no such date
            Asset(7, seized.WorkshopCode, OffsetImport.KindTitle(seized.Kind), seized.Description, JalaliDate.FromDateOnly(seized.SeizedOn).ToString()), // already recorded
        ]);

        Assert.False(result.Succeeded);
        Assert.Equal([3, 4, 5, 6, 7], result.Errors.Keys.Order());
        HasError(result, 3, "WorkshopCode", "فهرست بدهکاران");
        HasError(result, 4, "Kind", "«ملک»");
        Repeats(result, 5, "Description", 2);
        HasError(result, 6, "SeizedOn", "ماه ۱۳ نداریم"); // the shared date check says what is wrong, not only the format
        HasError(result, 7, "Description", "پیش‌تر");
        await using var after = Acting.SystemDb(portal);
        Assert.Equal(count, await after.SeizedAssets.CountAsync());
    }

    [Fact]
    public async Task Claims_AGoodSheet_IsRecorded_WithTheCentresOwnType()
    {
        var centres = await CentresAsync("08");

        var result = await (await As("kerman.treatment")).ImportClaimsAsync(
            [Claim(2, centres[0].Code.ToLowerInvariant(), "۴۵٬۰۰۰٬۰۰۰", "1402/01", "1402/06"), Claim(3, centres[1].Code, "80000000", "1402/01", "1402/12")]);

        Assert.True(result.Succeeded);
        var rows = await (await portal.AsAsync<OffsetBoard>("kerman.treatment")).ClaimsAsync();
        var first = Assert.Single(rows, r => r.Amount == 45_000_000 && r.FirstPeriod == 140201);
        Assert.Equal((centres[0].Name, centres[0].Ownership), (first.Centre, first.Ownership));
    }

    [Fact]
    public async Task Claims_BadRows_WriteNothing_AndEachRowNamesItsColumns()
    {
        var (kerman, golestan) = (await CentresAsync("08"), await CentresAsync("27"));
        await using var before = Acting.SystemDb(portal);
        var count = await before.CenterClaims.CountAsync();

        var result = await (await As("kerman.treatment")).ImportClaimsAsync(
        [
            Claim(2, kerman[2].Code, "50000000", "1403/01", "1403/06"),
            Claim(3, golestan[0].Code, "50000000", "1403/01", "1403/06"), // another province's centre is unknown
            Claim(4, kerman[2].Code, "70000000", "1403/05", "1403/09"),   // overlaps row 2's months
            Claim(5, kerman[3].Code, "0", "1403/06", "1403/01"),           // no amount, periods reversed
            Claim(6, kerman[3].Code, "50000000", "1399/01", "1399/03"),    // the seeded claim already covers these
        ]);

        Assert.False(result.Succeeded);
        Assert.Equal([3, 4, 5, 6], result.Errors.Keys.Order());
        HasError(result, 3, "CenterCode", "استان شما");
        Repeats(result, 4, "FirstPeriod", 2);
        HasError(result, 5, "Amount", "بزرگ‌تر از صفر");
        HasError(result, 5, "LastPeriod", "پس از");
        HasError(result, 6, "FirstPeriod", "پیش‌تر");
        await using var after = Acting.SystemDb(portal);
        Assert.Equal(count, await after.CenterClaims.CountAsync());
    }

    [Fact]
    public async Task Import_EmptySheet_IsRefusedAsAWhole()
    {
        var result = await (await As("kerman.treatment")).ImportClaimsAsync([]);

        Assert.Equal([0], result.Errors.Keys);
    }

    [Fact]
    public async Task TheRefusedSheet_ComesBackWithAnErrorsColumn_OnTheFailingRowsOnly()
    {
        var sheet = OffsetImportSheets.Write(OffsetSheet.Debtors,
        [
            ["8150001", "کارفرمای نمونه", CompanyId, "1000000", "1392/01", "1395/12"],
            ["8150002", "کارفرمای نمونه", "123", "1000000", "1396/01", "1396/01"],
        ]);
        var read = OffsetImportSheets.ReadDebtors(new MemoryStream(sheet));
        Assert.Null(read.Error);
        var result = await (await As("kerman.generaloffice")).ImportDebtorsAsync(read.Rows);

        using var errors = new ClosedXML.Excel.XLWorkbook(new MemoryStream(OffsetImportSheets.WithErrors(OffsetSheet.Debtors, new MemoryStream(sheet), result.Errors)));
        var data = errors.Worksheet(OffsetImportSheets.SheetName(OffsetSheet.Debtors));
        Assert.Equal("خطاها", data.Cell(1, 7).GetString());
        Assert.True(data.Cell(2, 7).IsEmpty());
        Assert.Contains(OffsetImport.ColumnTitle("EmployerNationalId"), data.Cell(3, 7).GetString());
        Assert.Contains("۱۳۹۶", data.Cell(3, 7).GetString());
    }
}
