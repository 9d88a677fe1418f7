using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.OffsetFiles;
using Portal.Domain.Organisation;

namespace Portal.Tests.OffsetFiles;

/// <summary>
/// Issue 17 §6–7 in the offset module: dates of what happened (meetings, seizures) are never after today, and every text
/// and amount has bounds, refused with a message under its field (or in the sheet's row), never cut or changed.
/// </summary>
public sealed class OffsetInputBoundsTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static string Tomorrow => JalaliDate.FromDateOnly(JalaliDate.Today(TimeProvider.System).ToDateOnly().AddDays(1)).ToString();
    private static string Today => JalaliDate.Today(TimeProvider.System).ToString();
    private static string InFuture => Messages("Date.InFuture");
    private static string Messages(string key) => DomainException.TextOf(key)!;

    private static DebtorForm Debtor(string code, string name = "شرکت فولاد نمونه", string debt = "120000000") => new()
    {
        WorkshopCode = code, EmployerName = name, EmployerNationalId = LegalEntityId.WithCheckDigit("1032089487"),
        Debt = debt, FirstPeriod = "1392/01", LastPeriod = "1395/12",
    };

    private async Task<int> SentFileAsync()
    {
        await using var db = Acting.SystemDb(portal);
        var kerman = await db.Provinces.Where(p => p.Code == "08").Select(p => p.Id).SingleAsync();
        var centre = await db.OrgUnits.OfType<MedicalCenter>().Where(m => m.ProvinceId == kerman).Select(m => m.Id).FirstAsync();
        var workshop = new DebtorWorkshop(kerman, $"{Random.Shared.Next(10_000_000, 99_999_999)}", "شرکت نمونه", "10101234567", 90_000_000, new JalaliMonth(1393, 1), new JalaliMonth(1395, 6));
        var claim = new CenterClaim(kerman, centre, 70_000_000, new JalaliMonth(1402, 1), new JalaliMonth(1402, 12));
        db.AddRange(workshop, claim);
        await db.SaveChangesAsync();
        var file = new OffsetFile(kerman, "پرونده تهاتر تاریخ‌ها", "kerman.generaloffice", At);
        file.Compile([workshop], [claim]);
        file.Send("08/1405/9", VerificationCodes.New(), new OffsetFilePapers(new string('a', 64), new string('b', 64), new string('c', 64)), "kerman.director", At);
        db.Add(file);
        await db.SaveChangesAsync();
        return file.Id;
    }

    private async Task<Guid> FileVersionAsync(int id)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.OffsetFiles.Where(f => f.Id == id).Select(f => f.Version).SingleAsync();
    }

    [Fact]
    public async Task AMeetingDatedTomorrow_IsRefusedUnderItsDate_TodayIsKept()
    {
        using var culture = CultureScope.Persian();
        var file = await SentFileAsync();
        var governor = await portal.AsAsync<OffsetDesk>("kerman.governor");

        var errors = await governor.RecordMeetingAsync(file, await FileVersionAsync(file), new MeetingForm { HeldOn = Tomorrow, Attendees = "معاون استاندار" });
        var far = await governor.RecordMeetingAsync(file, await FileVersionAsync(file), new MeetingForm { HeldOn = "1406/01/15", Attendees = "معاون استاندار" });

        Assert.Equal(InFuture, errors["HeldOn"]);
        Assert.Equal(InFuture, far["HeldOn"]);
        await using (var db = Acting.SystemDb(portal))
            Assert.False(await db.Set<OffsetMeeting>().AnyAsync(m => m.FileId == file));
        Assert.Empty(await governor.RecordMeetingAsync(file, await FileVersionAsync(file), new MeetingForm { HeldOn = Today, Attendees = "معاون استاندار" }));
    }

    [Fact]
    public async Task ASeizureDatedInTheFuture_IsRefused_OnThePage_AndInTheSheetsRow()
    {
        using var culture = CultureScope.Persian();
        var office = await portal.AsAsync<OffsetDesk>("kerman.generaloffice");
        var (workshop, _) = await office.RegisterDebtorAsync(Debtor("8170001"));

        var errors = await office.SeizeAsync(workshop!.Value, new AssetForm { Kind = AssetKind.Vehicle, Description = "خودرو", Value = "100000000", SeizedOn = Tomorrow });
        var sheet = await (await portal.AsAsync<OffsetImport>("kerman.generaloffice")).ImportAssetsAsync(
            [new AssetImportRow(2, "8170001", "خودرو", new AssetForm { Description = "خودروی سواری", Value = "100000000", SeizedOn = Tomorrow })]);

        Assert.Equal(InFuture, errors["SeizedOn"]);
        Assert.Contains(sheet.Errors[2], m => m.StartsWith(OffsetImport.ColumnTitle("SeizedOn")) && m.Contains(InFuture));
        Assert.Empty(await (await portal.AsAsync<OffsetBoard>("kerman.generaloffice")).AssetsAsync(workshop.Value));
    }

    [Fact]
    public async Task SeededOffsetData_Dates_AreNoneAfterToday()
    {
        var today = JalaliDate.Today(TimeProvider.System).ToDateOnly();
        await using var db = Acting.SystemDb(portal);
        Assert.False(await db.Set<OffsetMeeting>().AnyAsync(m => m.HeldOn > today));
        Assert.False(await db.SeizedAssets.AnyAsync(a => a.SeizedOn > today));
    }

    [Fact]
    public async Task AnEmployerNameOf525Characters_IsRefused_NotCut_OnThePage_AndInTheSheet()
    {
        using var culture = CultureScope.Persian();
        var name = string.Concat(Enumerable.Repeat("شرکت نمونه ", 48))[..525];

        var (id, errors) = await (await portal.AsAsync<OffsetDesk>("kerman.generaloffice")).RegisterDebtorAsync(Debtor("8170002", name));
        var sheet = await (await portal.AsAsync<OffsetImport>("kerman.generaloffice")).ImportDebtorsAsync([new DebtorImportRow(2, Debtor("8170003", name))]);

        Assert.Null(id);
        Assert.Contains("۲۰۰", errors["EmployerName"]);
        Assert.Contains(sheet.Errors[2], m => m.StartsWith(OffsetImport.ColumnTitle("EmployerName")) && m.Contains("۲۰۰"));
        await using var db = Acting.SystemDb(portal);
        Assert.False(await db.DebtorWorkshops.AnyAsync(w => w.WorkshopCode == "8170002" || w.WorkshopCode == "8170003"));
    }

    [Fact]
    public async Task EveryOffsetText_HasItsLength_RefusedUnderItsField()
    {
        using var culture = CultureScope.Persian();
        var office = await portal.AsAsync<OffsetDesk>("kerman.generaloffice");
        var (workshop, _) = await office.RegisterDebtorAsync(Debtor("8170004"));
        var asset = await office.SeizeAsync(workshop!.Value, new AssetForm
            { Kind = AssetKind.Other, Description = new string('م', TextLength.Address + 1), Value = "1", SeizedOn = "1398/01/01", Reference = new string('۹', TextLength.Name + 1) });
        Assert.Contains("۵۰۰", asset["Description"]);
        Assert.Contains("۲۰۰", asset["Reference"]);

        var title = await Assert.ThrowsAsync<DomainException>(() => office.CreateFileAsync(new string('پ', TextLength.Title + 1)));
        Assert.Contains("۳۰۰", title.Message);

        var file = await SentFileAsync();
        var meeting = await (await portal.AsAsync<OffsetDesk>("kerman.governor")).RecordMeetingAsync(file, await FileVersionAsync(file),
            new MeetingForm { HeldOn = "1405/09/01", Attendees = new string('ح', TextLength.Reason + 1), Minutes = new string('ص', TextLength.Notes + 1) });
        Assert.Contains("۱۰۰۰", meeting["Attendees"]);
        Assert.Contains("۴۰۰۰", meeting["Minutes"]);
    }

    [Fact]
    public async Task AmountsOutOfRange_AreRefusedWithAMessage_NeverChanged()
    {
        using var culture = CultureScope.Persian();
        var office = await portal.AsAsync<OffsetDesk>("kerman.generaloffice");

        var negative = (await office.RegisterDebtorAsync(Debtor("8170005", debt: "-5000000"))).Errors["Debt"];
        var zero = (await office.RegisterDebtorAsync(Debtor("8170006", debt: "0"))).Errors["Debt"];
        var huge = (await office.RegisterDebtorAsync(Debtor("8170007", debt: "9000000000000000000"))).Errors["Debt"];

        Assert.Equal(Messages("RialFormat"), negative);
        Assert.Equal(Messages("Offset.AmountPositive"), zero);
        Assert.Contains("۱٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰ ریال", huge);
        var claim = await (await portal.AsAsync<OffsetDesk>("kerman.treatment")).RegisterClaimAsync(new ClaimForm
            { CenterCode = "MC-08-01", Amount = "2000000000000000", FirstPeriod = "1403/01", LastPeriod = "1403/02" });
        Assert.Contains("Amount", claim.Errors.Keys);
    }
}
