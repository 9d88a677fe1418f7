using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.OffsetFiles;
using Portal.Domain.Organisation;

namespace Portal.Tests.OffsetFiles;

/// <summary>An offset file from listing to settlement through the services, each office acting in its own province.</summary>
public sealed class OffsetDeskTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private Task<OffsetDesk> As(string user) => portal.AsAsync<OffsetDesk>(user);

    private static DebtorForm Debtor(string code) => new()
    {
        WorkshopCode = code, EmployerName = "شركت فولاد نمونه", EmployerNationalId = LegalEntityId.WithCheckDigit("1032089487"),
        Debt = "۱۲۰٬۰۰۰٬۰۰۰", FirstPeriod = "1392/01", LastPeriod = "۱۳۹۵/۱۲",
    };

    private static MeetingForm Meeting(string heldOn, string attendees, string minutes = "") => new() { HeldOn = heldOn, Attendees = attendees, Minutes = minutes };

    private async Task<string> CentreCodeAsync(string province)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.OrgUnits.OfType<MedicalCenter>().Where(m => m.Province!.Code == province).OrderBy(m => m.Code).Select(m => m.Code).FirstAsync();
    }

    private async Task<Guid> FileVersionAsync(int id)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.OffsetFiles.Where(f => f.Id == id).Select(f => f.Version).SingleAsync();
    }

    [Fact]
    public async Task ListingRules_NameTheField_AndRefuseDebtsFrom1396()
    {
        var enforcement = await As("kerman.generaloffice");
        var form = Debtor("8100001");
        form.LastPeriod = "1396/02";
        form.EmployerNationalId = "10320894870";

        var (id, errors) = await enforcement.RegisterDebtorAsync(form);

        Assert.Null(id);
        Assert.Contains("۱۳۹۶", errors["LastPeriod"]);
        Assert.Contains("رقم کنترل", errors["EmployerNationalId"]);
        var claims = await As("kerman.treatment");
        var (claim, claimErrors) = await claims.RegisterClaimAsync(new ClaimForm { CenterCode = await CentreCodeAsync("27"), Amount = "5000000", FirstPeriod = "1398/01", LastPeriod = "1398/06" });
        Assert.Null(claim);
        Assert.Contains("CenterCode", claimErrors.Keys);
        await Assert.ThrowsAsync<DomainException>(() => claims.RegisterDebtorAsync(Debtor("8100002")));
    }

    [Fact]
    public async Task AFile_ByAnotherProvinceOrTheGovernorBeforeSending_IsNotFound_AndACentreIsRefused()
    {
        var file = await (await As("kerman.generaloffice")).CreateFileAsync("پرونده پیش‌نویس کرمان");

        Assert.NotNull(await (await portal.AsAsync<OffsetBoard>("kerman.treatment")).FileAsync(file));
        Assert.NotNull(await (await portal.AsAsync<OffsetBoard>("headoffice")).FileAsync(file));
        Assert.Null(await (await portal.AsAsync<OffsetBoard>("golestan.generaloffice")).FileAsync(file));
        Assert.Null(await (await portal.AsAsync<OffsetBoard>("kerman.governor")).FileAsync(file));
        // A role that reads no offset file at all is refused outright, not shown an empty answer.
        var centre = await portal.AsAsync<OffsetBoard>("kerman.medical");
        await Refused.ByRoleAsync(() => centre.FileAsync(file));
        Assert.DoesNotContain(await (await portal.AsAsync<OffsetBoard>("kerman.governor")).FilesAsync(), f => f.Id == file);
        var governorLists = await portal.AsAsync<OffsetBoard>("kerman.governor");
        await Refused.ByRoleAsync(() => governorLists.DebtorsAsync());
    }

    [Fact]
    public async Task AFile_IsListedCompiledSent_ReviewedByItsGovernor_AndSettled()
    {
        var enforcement = await As("kerman.generaloffice");
        var (workshop, errors) = await enforcement.RegisterDebtorAsync(Debtor("8100010"));
        Assert.Empty(errors);
        var assetErrors = await enforcement.SeizeAsync(workshop!.Value, new AssetForm { Kind = AssetKind.RealEstate, Description = "ملک تجاری", Value = "9e8", SeizedOn = "1398/02/11" });
        Assert.Contains("Value", assetErrors.Keys);
        Assert.Empty(await enforcement.SeizeAsync(workshop.Value, new AssetForm
            { Kind = AssetKind.RealEstate, Description = "ملک تجاری، کرمان، بلوار جمهوری", Value = "۹۰۰٬۰۰۰٬۰۰۰", SeizedOn = "۱۳۹۸/۰۲/۱۱", Reference = "۹۸/۱۲۳" }));
        var asset = Assert.Single(await (await portal.AsAsync<OffsetBoard>("kerman.treatment")).AssetsAsync(workshop.Value));
        Assert.Equal((900_000_000L, new DateOnly(2019, 5, 1)), (asset.EstimatedValue, asset.SeizedOn));
        Assert.Empty(await (await portal.AsAsync<OffsetBoard>("golestan.generaloffice")).AssetsAsync(workshop.Value));
        var (claim, _) = await (await As("kerman.treatment")).RegisterClaimAsync(new ClaimForm
            { CenterCode = await CentreCodeAsync("08"), Amount = "80,000,000", FirstPeriod = "1398/01", LastPeriod = "1398/06" });
        var file = await enforcement.CreateFileAsync("پرونده تهاتر استان کرمان — آذر ۱۴۰۵");
        await enforcement.CompileAsync(file, await FileVersionAsync(file), [workshop.Value], [claim!.Value]);

        var governor = await As("kerman.governor");
        Assert.Equal("Offset.NotFound", (await Assert.ThrowsAsync<DomainException>(async () => await governor.RecordMeetingAsync(file, await FileVersionAsync(file), Meeting("1405/09/09", "x")))).Key);
        Assert.Equal("Offset.NotYours", (await Assert.ThrowsAsync<DomainException>(async () => await enforcement.SendAsync(file, await FileVersionAsync(file)))).Key);
        await (await As("kerman.director")).SendAsync(file, await FileVersionAsync(file));
        await Assert.ThrowsAsync<DomainException>(async () => await enforcement.CompileAsync(file, await FileVersionAsync(file), [workshop.Value], []));

        Assert.Equal("Offset.NotFound", (await Assert.ThrowsAsync<DomainException>(async () =>
            await (await As("golestan.governor")).RecordMeetingAsync(file, await FileVersionAsync(file), Meeting("1405/09/09", "x")))).Key);
        Assert.Empty(await governor.RecordMeetingAsync(file, await FileVersionAsync(file), Meeting("1405/09/09", "معاون استاندار، کارفرما، رئیس بیمارستان", "توافق بر ۶۰ میلیون ریال")));
        Assert.Empty(await governor.RecordOutcomeAsync(file, await FileVersionAsync(file), workshop.Value, claim.Value, "۶۰٬۰۰۰٬۰۰۰"));

        await using (var db = Acting.SystemDb(portal))
        {
            var agreement = await db.OffsetAgreements.SingleAsync(a => a.WorkshopId == workshop.Value);
            await (await portal.AsAsync<OffsetLedger>("kerman.generaloffice")).ConfirmAsync(agreement.Id, agreement.Version);
        }
        await using (var db = Acting.SystemDb(portal))
        {
            var agreement = await db.OffsetAgreements.SingleAsync(a => a.WorkshopId == workshop.Value);
            await (await portal.AsAsync<OffsetLedger>("kerman.treatment")).ConfirmAsync(agreement.Id, agreement.Version);
        }
        await using var check = Acting.SystemDb(portal);
        Assert.Equal(60_000_000, await check.DebtorWorkshops.Where(w => w.Id == workshop.Value).Select(w => w.InitialDebt - w.Settled).SingleAsync());
        Assert.Equal(20_000_000, await check.CenterClaims.Where(c => c.Id == claim.Value).Select(c => c.Amount - c.Settled).SingleAsync());
        Assert.Equal(OffsetFileStatus.UnderReview, await check.OffsetFiles.Where(f => f.Id == file).Select(f => f.Status).SingleAsync());

        // Every step is on record, by whom: the listing, the file's lists, the sending, the outcome, both confirmations, the posting.
        var trail = await check.AuditEntries.Where(e => e.Entity.StartsWith("Offset") || e.Entity == nameof(Settlement) || e.Entity == nameof(DebtorWorkshop))
            .Select(e => new { e.Entity, e.UserName, e.Changes }).ToListAsync();
        Assert.Contains(trail, e => e.Entity == nameof(DebtorWorkshop) && e.UserName == "kerman.generaloffice");
        Assert.Contains(trail, e => e.Entity == nameof(OffsetFileDebtor) && e.UserName == "kerman.generaloffice");
        Assert.Contains(trail, e => e.Entity == nameof(OffsetFile) && e.UserName == "kerman.director" && e.Changes.Contains("SentAt"));
        Assert.Contains(trail, e => e.Entity == nameof(OffsetAgreement) && e.UserName == "kerman.governor");
        Assert.Contains(trail, e => e.Entity == nameof(OffsetAgreement) && e.UserName == "kerman.treatment" && e.Changes.Contains("TreatmentConfirmedAt"));
        Assert.Contains(trail, e => e.Entity == nameof(Settlement) && e.UserName == "kerman.treatment");

        // Head office reads everything and changes nothing.
        var headOffice = await As("headoffice");
        Assert.Equal("Offset.NotYours", (await Assert.ThrowsAsync<DomainException>(() => headOffice.RegisterDebtorAsync(Debtor("8100099")))).Key);
        Assert.Equal("Offset.NotYours", (await Assert.ThrowsAsync<DomainException>(async () => await headOffice.CloseAsync(file, await FileVersionAsync(file)))).Key);
        var settlement = await check.Settlements.Where(x => x.WorkshopId == workshop.Value).Select(x => x.Id).SingleAsync();
        var headOfficeLedger = await portal.AsAsync<OffsetLedger>("headoffice");
        Assert.Equal("Offset.NotASide", (await Assert.ThrowsAsync<DomainException>(() => headOfficeLedger.ReverseAsync(settlement, "آزمون"))).Key);

        // The collection report: the province's workshop with what was agreed and collected; head office sees it in Kerman's totals.
        var number = await check.OffsetFiles.Where(f => f.Id == file).Select(f => f.Number).SingleAsync();
        var row = Assert.Single(await (await portal.AsAsync<OffsetBoard>("kerman.generaloffice")).CollectionAsync(), r => r.WorkshopCode == "8100010");
        Assert.Equal((120_000_000L, 60_000_000L, 60_000_000L, 60_000_000L, number), (row.DebtBefore, row.Agreed, row.Collected, row.Remaining, row.Files));
        Assert.NotNull(row.CollectedAt);
        Assert.DoesNotContain(await (await portal.AsAsync<OffsetBoard>("golestan.generaloffice")).CollectionAsync(), r => r.WorkshopCode == "8100010");
        var national = await (await portal.AsAsync<OffsetBoard>("headoffice")).CollectionAsync();
        var kerman = Assert.Single(OffsetBoard.ProvinceCollection.Of(national), p => p.ProvinceFa == "کرمان");
        Assert.Equal(national.Where(r => r.ProvinceFa == "کرمان").Sum(r => r.Collected), kerman.Collected);
        Assert.True(kerman.Collected >= 60_000_000);
        var governorBoard = await portal.AsAsync<OffsetBoard>("kerman.governor");
        await Refused.ByRoleAsync(() => governorBoard.CollectionAsync());

        // Its workbook, read back: the same row, and totals that are the sums of the rows.
        var client = await PortalFactory.SignedInClientAsync(portal, "headoffice");
        using var workbook = new XLWorkbook(new MemoryStream(await client.GetByteArrayAsync("/offset/collection.xlsx")));
        var detail = workbook.Worksheet(2);
        var rows = Enumerable.Range(3, national.Count).ToList();
        var line = rows.Single(r => detail.Cell(r, 2).GetString() == "8100010");
        Assert.Equal((60_000_000L, 60_000_000L, number), (detail.Cell(line, 7).GetValue<long>(), detail.Cell(line, 8).GetValue<long>(), detail.Cell(line, 11).GetString()));
        Assert.Equal(rows.Sum(r => detail.Cell(r, 7).GetValue<long>()), detail.Cell(3 + national.Count, 7).GetValue<long>());
        var summary = workbook.Worksheet(1);
        Assert.True(summary.RightToLeft);
        Assert.Equal(national.Sum(r => r.Collected), summary.Cell(3 + OffsetBoard.ProvinceCollection.Of(national).Count, 5).GetValue<long>());
        var governorClient = await PortalFactory.SignedInClientAsync(portal, "kerman.governor");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await governorClient.GetAsync("/offset/collection.xlsx")).StatusCode);
    }
}
