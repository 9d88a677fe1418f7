using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.OffsetFiles;
using Portal.Domain.Organisation;

namespace Portal.Tests.OffsetFiles;

/// <summary>Issue 17 §5: a debtor or a claim is in one open file at a time; closing a file frees what it did not settle.</summary>
public sealed class OffsetOpenFilesTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private static readonly OffsetFilePapers Papers = new(new string('a', 64), new string('b', 64), new string('c', 64));

    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> FileVersionAsync(int id)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.OffsetFiles.Where(f => f.Id == id).Select(f => f.Version).SingleAsync();
    }

    private async Task<(int Workshop, int Claim)> IdsAsync(string workshopCode)
    {
        await using var db = Acting.SystemDb(portal);
        var workshop = await db.DebtorWorkshops.Where(w => w.WorkshopCode == workshopCode).Select(w => w.Id).SingleAsync();
        var claim = await db.Set<OffsetFileClaim>().Where(c => db.Set<OffsetFileDebtor>().Any(d => d.FileId == c.FileId && d.WorkshopId == workshop)).Select(c => c.ClaimId).FirstAsync();
        return (workshop, claim);
    }

    [Fact]
    public async Task ADebtorOrClaimInAnOpenFile_CannotGoIntoAnother_TheMessageNamesItAndTheFile()
    {
        using var culture = CultureScope.Persian();
        // The demo's first Kerman file holds workshops 0800001–0800005 and the first claims, and is not closed.
        var (workshop, claim) = await IdsAsync("0800002");
        var office = await portal.AsAsync<OffsetDesk>("kerman.generaloffice");
        var file = await office.CreateFileAsync("پرونده تهاتر دوم کرمان");

        var debtor = await Assert.ThrowsAsync<DomainException>(async () => await office.CompileAsync(file, await FileVersionAsync(file), [workshop], []));
        var centre = await Assert.ThrowsAsync<DomainException>(async () => await office.CompileAsync(file, await FileVersionAsync(file), [], [claim]));

        Assert.Equal("Offset.DebtorInOpenFile", debtor.Key);
        Assert.Contains("۰۸۰۰۰۰۲", debtor.Message);
        Assert.Contains("نوبت نخست", debtor.Message);
        Assert.Equal("Offset.ClaimInOpenFile", centre.Key);
        Assert.Contains("نوبت نخست", centre.Message);
        await using var db = Acting.SystemDb(portal);
        Assert.False(await db.Set<OffsetFileDebtor>().AnyAsync(d => d.FileId == file));
        // The compiler is told, so it does not offer them.
        var held = await (await portal.AsAsync<OffsetBoard>("kerman.generaloffice")).HeldElsewhereAsync(file);
        Assert.Contains(held, h => h.IsDebtor && h.ItemId == workshop && h.FileLabel.Contains("نوبت نخست"));
        Assert.Contains(held, h => !h.IsDebtor && h.ItemId == claim);
    }

    [Fact]
    public async Task WhenAFileCloses_ItsUnsettledDebtorsAndClaims_AreFreeForAnotherFile_AndTheClosedFileKeepsItsLists()
    {
        await using var arrange = Acting.SystemDb(portal);
        var kerman = await arrange.Provinces.Where(p => p.Code == "08").Select(p => p.Id).SingleAsync();
        var centre = await arrange.OrgUnits.OfType<MedicalCenter>().Where(m => m.ProvinceId == kerman).Select(m => m.Id).FirstAsync();
        var workshop = new DebtorWorkshop(kerman, $"{Random.Shared.Next(10_000_000, 99_999_999)}", "شرکت نساجی نمونه", "10101234567", 500_000_000, new JalaliMonth(1392, 1), new JalaliMonth(1395, 12));
        var claim = new CenterClaim(kerman, centre, 200_000_000, new JalaliMonth(1399, 1), new JalaliMonth(1399, 6));
        arrange.AddRange(workshop, claim);
        await arrange.SaveChangesAsync();
        var first = new OffsetFile(kerman, "پرونده تهاتر بسته‌شونده", "kerman.generaloffice", At);
        first.Compile([workshop], [claim]);
        first.Send("08/1405/8", VerificationCodes.New(), Papers, "kerman.director", At);
        first.RecordMeeting(new DateOnly(2026, 11, 25), "نماینده استاندار", "توافقی نشد.");
        arrange.Add(first);
        await arrange.SaveChangesAsync();

        var office = await portal.AsAsync<OffsetDesk>("kerman.generaloffice");
        var second = await office.CreateFileAsync("پرونده تهاتر نوبت بعد");
        await Assert.ThrowsAsync<DomainException>(async () => await office.CompileAsync(second, await FileVersionAsync(second), [workshop.Id], [claim.Id]));

        await (await portal.AsAsync<OffsetDesk>("kerman.governor")).CloseAsync(first.Id, await FileVersionAsync(first.Id));
        await office.CompileAsync(second, await FileVersionAsync(second), [workshop.Id], [claim.Id]);

        var board = await portal.AsAsync<OffsetBoard>("kerman.generaloffice");
        var next = (await board.FileAsync(second))!;
        Assert.Equal((500_000_000L, 200_000_000L), (Assert.Single(next.Debtors).Remaining, Assert.Single(next.Claims).Remaining));
        var closed = (await board.FileAsync(first.Id))!;
        Assert.Equal((OffsetFileStatus.Closed, workshop.Id), (closed.File.Status, Assert.Single(closed.Debtors).Id));
    }

    [Fact]
    public async Task Send_DebtorHeldByAnotherOpenFile_IsRefused()
    {
        using var culture = CultureScope.Persian();
        // Two drafts with the same debtor, as lists compiled before this rule could be.
        await using var arrange = Acting.SystemDb(portal);
        var kerman = await arrange.Provinces.Where(p => p.Code == "08").Select(p => p.Id).SingleAsync();
        var centre = await arrange.OrgUnits.OfType<MedicalCenter>().Where(m => m.ProvinceId == kerman).Select(m => m.Id).FirstAsync();
        var workshop = new DebtorWorkshop(kerman, $"{Random.Shared.Next(10_000_000, 99_999_999)}", "شرکت فرش نمونه", "10101234567", 500_000_000, new JalaliMonth(1392, 1), new JalaliMonth(1395, 12));
        var claims = new[] { new CenterClaim(kerman, centre, 1_000_000, new JalaliMonth(1400, 1), new JalaliMonth(1400, 1)), new CenterClaim(kerman, centre, 1_000_000, new JalaliMonth(1400, 2), new JalaliMonth(1400, 2)) };
        arrange.AddRange([workshop, .. claims]);
        await arrange.SaveChangesAsync();
        var (a, b) = (new OffsetFile(kerman, "پیش‌نویس الف", "kerman.generaloffice", At), new OffsetFile(kerman, "پیش‌نویس ب", "kerman.generaloffice", At));
        a.Compile([workshop], [claims[0]]);
        b.Compile([workshop], [claims[1]]);
        arrange.AddRange(a, b);
        await arrange.SaveChangesAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(async () => await (await portal.AsAsync<OffsetDesk>("kerman.director")).SendAsync(b.Id, await FileVersionAsync(b.Id)));

        Assert.Equal("Offset.DebtorInOpenFile", refused.Key);
        Assert.Contains("پیش‌نویس الف", refused.Message);
    }
}
