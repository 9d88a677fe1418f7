using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Domain.ElectronicFiles;
using static Portal.Tests.ElectronicFiles.ElectronicFilesArrange;

namespace Portal.Tests.ElectronicFiles;

/// <summary>A branch's scanning desk and queue on the real database: numbering, the steps with two users, the queue's order, scope.</summary>
public sealed class ScanningDeskTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Register_NumbersTheFileByBranch_AndRefusesASecondFileForThePerson()
    {
        using var persian = CultureScope.PersianMessages();
        var nationalId = NewNationalId();
        var id = await RegisterAsync(portal, nationalId: nationalId);
        var file = await FileAsync(portal, id);
        Assert.StartsWith("BR-08-01-", file.Number);
        Assert.Equal(("12", "3", "45"), (file.ShelfRow, file.ShelfNumber, file.ShelfBox)); // typed in Persian digits, stored normalised

        var again = await (await portal.AsAsync<ScanningDesk>("golestan.branch.staff")).RegisterAsync(Form(nationalId));
        Assert.Null(again.Id);
        Assert.Contains(file.Number, again.Errors[nameof(TechnicalFileForm.NationalId)]);
    }

    [Fact]
    public async Task Register_InvalidNationalId_IsRefusedUnderItsField()
    {
        using var persian = CultureScope.PersianMessages();
        var desk = await portal.AsAsync<ScanningDesk>(Staff);
        var (id, errors) = await desk.RegisterAsync(Form("1234567890"));
        Assert.Null(id);
        Assert.True(errors.ContainsKey(nameof(TechnicalFileForm.NationalId)));
    }

    [Fact]
    public async Task Register_TwoAtOnce_GetDifferentNumbers()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => RegisterAsync(portal)));
        await using var db = Acting.SystemDb(portal);
        var numbers = await db.TechnicalFiles.Where(f => ids.Contains(f.Id)).Select(f => f.Number).ToListAsync();
        Assert.Equal(6, numbers.Distinct().Count());
    }

    [Fact]
    public async Task Register_ByARoleThatDoesNotScan_IsRefused()
    {
        var desk = await portal.AsAsync<ScanningDesk>("kerman.generaloffice");
        await Refused.ByRoleAsync(() => desk.RegisterAsync(Form()));
    }

    [Fact]
    public async Task AllTwelveSteps_WithStaffAndSupervisor_RecordWhoAndWhen_AndTheFileIsDone()
    {
        var id = await RegisterAsync(portal, slimmed: false);
        var staff = await portal.AsAsync<ScanningDesk>(Staff);
        await staff.SlimAsync(id, (await FileAsync(portal, id)).Version);
        await WalkToAsync(portal, id, ScanStepKind.Indexed);

        var details = (await (await portal.AsAsync<TechnicalFileQuery>(Supervisor)).FindAsync(id))!;
        Assert.True(details.File.IsDone);
        Assert.Equal(Enum.GetValues<ScanStepKind>(), details.Steps.Select(s => s.Kind));
        Assert.Equal(Supervisor, Assert.Single(details.Steps, s => s.Kind == ScanStepKind.Verified).By);
        Assert.All(details.Steps.Where(s => s.Kind != ScanStepKind.Verified), s => Assert.Equal(Staff, s.By));
        Assert.All(details.Steps, s => Assert.NotEqual(s.By, s.ByName)); // the full name is shown, not the sign-in name
        // The first scans were verified with the file at step 7, by the supervisor.
        var document = Assert.Single(details.Documents);
        Assert.Equal(DocumentSource.InitialScanning, document.Source);
        Assert.NotNull(document.VerifiedAt);
    }

    [Fact]
    public async Task Verify_ByTheStaffWhoScanned_IsRefused()
    {
        using var persian = CultureScope.PersianMessages();
        var id = await RegisterAsync(portal);
        await WalkToAsync(portal, id, ScanStepKind.QualityChecked);
        var staff = await portal.AsAsync<ScanningDesk>(Staff);
        var refusal = await Assert.ThrowsAsync<DomainException>(async () => await staff.VerifyAsync(id, (await FileAsync(portal, id)).Version));
        Assert.Equal("ElectronicFiles.VerifierIsScanner", refusal.Key);
        Assert.Equal(ScanStepKind.QualityChecked, (await FileAsync(portal, id)).LastStep);
    }

    [Fact]
    public async Task Verify_WithoutAnyScanInTheFile_IsRefused()
    {
        var id = await RegisterAsync(portal);
        await WalkToAsync(portal, id, ScanStepKind.Prepared);
        var staff = await portal.AsAsync<ScanningDesk>(Staff);
        await staff.ScanAsync(id, (await FileAsync(portal, id)).Version);
        await staff.CheckQualityAsync(id, (await FileAsync(portal, id)).Version, [], null);
        var supervisor = await portal.AsAsync<ScanningDesk>(Supervisor);
        var refusal = await Assert.ThrowsAsync<DomainException>(async () => await supervisor.VerifyAsync(id, (await FileAsync(portal, id)).Version));
        Assert.Equal("ElectronicFiles.NoImages", refusal.Key);
        Assert.Equal(ScanStepKind.QualityChecked, (await FileAsync(portal, id)).LastStep);
    }

    [Fact]
    public async Task Recount_Different_StopsTheFile_StaffCannotResolve_SupervisorResolves()
    {
        var id = await RegisterAsync(portal);
        await WalkToAsync(portal, id, ScanStepKind.Reassembled, pages: 40);
        var staff = await portal.AsAsync<ScanningDesk>(Staff);
        await staff.RecountAsync(id, (await FileAsync(portal, id)).Version, 38);
        var stopped = await FileAsync(portal, id);
        Assert.True(stopped.InDiscrepancy);

        var refusal = await Refused.ForbiddenAsync(() => staff.ResolveDiscrepancyAsync(id, stopped.Version, "برگ گم‌شده پیدا نشد"));
        Assert.Equal("ElectronicFiles.OnlySupervisor", refusal.Key);
        await Assert.ThrowsAsync<DomainException>(() => staff.ReturnToShelfAsync(id, stopped.Version, null));

        var queue = await portal.AsAsync<ScanQueueQuery>(Supervisor);
        Assert.Contains((await queue.ListAsync(new ScanQueueQuery.Filter(OnlyDiscrepancies: true), 0, 500)).Rows, r => r.Id == id);

        var supervisor = await portal.AsAsync<ScanningDesk>(Supervisor);
        await supervisor.ResolveDiscrepancyAsync(id, stopped.Version, "دو برگ منگنه‌شده در برگ‌شماری جدا شمرده شده بود");
        var resolved = await FileAsync(portal, id);
        Assert.False(resolved.InDiscrepancy);
        Assert.Equal(ScanStepKind.Recounted, resolved.LastStep);
    }

    [Fact]
    public async Task Queue_OutOfTurnFirst_ThenOldestRequestFirst_WithTheStepAndWhoHoldsIt()
    {
        var first = await RegisterAsync(portal);
        var second = await RegisterAsync(portal);
        var third = await RegisterAsync(portal);
        var staff = await portal.AsAsync<ScanningDesk>(Staff);
        await staff.MarkOutOfTurnAsync(third, (await FileAsync(portal, third)).Version, OutOfTurnReason.Service, "درخواست مستمری بازماندگان");
        await staff.TakeOutAsync(second, (await FileAsync(portal, second)).Version);

        var queue = await portal.AsAsync<ScanQueueQuery>(Supervisor);
        var rows = (await queue.ListAsync(new ScanQueueQuery.Filter(), 0, 5000)).Rows;
        var order = rows.Select(r => r.Id).Where(i => i == first || i == second || i == third).ToList();
        Assert.Equal([third, first, second], order);
        Assert.Contains(rows.TakeWhile(r => r.OutOfTurn), r => r.Id == third);
        var held = rows.Single(r => r.Id == second);
        Assert.Equal((ScanStepKind?)ScanStepKind.OutOfArchive, held.LastStep);
        Assert.Equal((ScanStepKind?)ScanStepKind.PageCount, held.NextStep);
        Assert.Equal("کاربر شعبه کرمان", held.HolderName);
    }

    [Fact]
    public async Task Queue_IsPaged_WithTheTotal()
    {
        await RegisterAsync(portal);
        await RegisterAsync(portal);
        var queue = await portal.AsAsync<ScanQueueQuery>(Staff);
        var page = await queue.ListAsync(new ScanQueueQuery.Filter(), 0, 1);
        Assert.Single(page.Rows);
        Assert.True(page.Total >= 2);
    }

    [Fact]
    public async Task Queue_OfABranch_IsTheFilesItHolds_NotAnotherBranchsFileItAddedADocumentTo()
    {
        var own = await RegisterAsync(portal);
        var nationalId = NewNationalId();
        int other;
        string number;
        await using (var db = Acting.SystemDb(portal))
        {
            var branch = await db.OrgUnits.SingleAsync(u => u.Code == "BR-08-02");
            var sequence = await TechnicalFileCounter.NextAsync(db, branch.Id, CancellationToken.None);
            var file = new TechnicalFile(branch.Id, branch.ProvinceId!.Value, TechnicalFileCounter.Number(branch.Code, sequence), sequence, nationalId,
                "رضا کرمانی", null, new ShelfLocation("1", "2", "3"), slimmed: true, "system", DateTimeOffset.UtcNow);
            db.TechnicalFiles.Add(file);
            await db.SaveChangesAsync();
            (other, number) = (file.Id, file.Number);
        }
        // A paper received in service for a person whose file another branch holds: the file is then in this branch's scope.
        var desk = await portal.AsAsync<DocumentDesk>(Staff);
        using (var pdf = new MemoryStream(SampleFiles.Pdf("received")))
            await desk.UploadAsync(new DocumentDesk.Upload(null, number, nationalId, await TypeIdAsync(portal), DocumentSource.ReceivedInService, null), pdf);
        Assert.NotNull(await (await portal.AsAsync<TechnicalFileQuery>(Staff)).FindAsync(other));

        var page = await (await portal.AsAsync<ScanQueueQuery>(Staff)).ListAsync(new ScanQueueQuery.Filter(), 0, 5000);
        Assert.Contains(page.Rows, r => r.Id == own);
        Assert.DoesNotContain(page.Rows, r => r.Id == other);
        Assert.Equal(page.Rows.Count, page.Total);
        // The province reads both branches' queues together.
        var province = (await (await portal.AsAsync<ScanQueueQuery>("kerman.generaloffice")).ListAsync(new ScanQueueQuery.Filter(), 0, 5000)).Rows;
        Assert.Contains(province, r => r.Id == own);
        Assert.Contains(province, r => r.Id == other);
    }

    [Theory]
    [InlineData("golestan.branch.staff")]
    [InlineData("golestan.generaloffice")]
    [InlineData("kerman.agency.user")]
    [InlineData("kerman.medical")]
    public async Task AnotherBranchOrProvincesFile_IsNotFound_ById_NorInItsQueue(string reader)
    {
        using var persian = CultureScope.PersianMessages();
        var id = await RegisterAsync(portal);
        var query = await portal.AsAsync<TechnicalFileQuery>(reader);
        Assert.Null(await query.FindAsync(id));
        Assert.DoesNotContain((await (await portal.AsAsync<ScanQueueQuery>(reader)).ListAsync(new ScanQueueQuery.Filter(), 0, 5000)).Rows, r => r.Id == id);
        if (reader.EndsWith("branch.staff", StringComparison.Ordinal))
        {
            var desk = await portal.AsAsync<ScanningDesk>(reader);
            var refusal = await Assert.ThrowsAsync<DomainException>(async () => await desk.TakeOutAsync(id, (await FileAsync(portal, id)).Version));
            Assert.Equal("ElectronicFiles.NotFound", refusal.Key);
        }
    }

    [Theory]
    [InlineData("kerman.generaloffice")]
    [InlineData("kerman.treatment")]
    [InlineData("headoffice")]
    public async Task TheProvinceAndTheNation_ReadTheBranchsFile_WithoutActions(string reader)
    {
        var id = await RegisterAsync(portal);
        var details = await (await portal.AsAsync<TechnicalFileQuery>(reader)).FindAsync(id);
        Assert.NotNull(details);
        Assert.Equal(FileActions.None, details.Actions);
    }

    [Fact]
    public async Task StaleVersion_IsRefused()
    {
        var id = await RegisterAsync(portal);
        var stale = (await FileAsync(portal, id)).Version;
        var staff = await portal.AsAsync<ScanningDesk>(Staff);
        await staff.TakeOutAsync(id, stale);
        var refusal = await Assert.ThrowsAsync<DomainException>(() => staff.CountPagesAsync(id, stale, 10));
        Assert.Equal("ElectronicFiles.ChangedMeanwhile", refusal.Key);
    }

    [Fact]
    public async Task Queue_SearchedByANationalIdOrItsStart_FindsTheFile_InPersianDigitsToo_AndNotInAnotherProvince()
    {
        var nationalId = NewNationalId();
        var id = await RegisterAsync(portal, nationalId: nationalId);
        var queue = await portal.AsAsync<ScanQueueQuery>(Staff);
        foreach (var text in new[] { nationalId, TextNormalizer.ToPersianDigits(nationalId), nationalId[..7], nationalId[..5] })
            Assert.Contains((await queue.ListAsync(new ScanQueueQuery.Filter(Text: text), 0, 500)).Rows, r => r.Id == id);
        Assert.DoesNotContain((await queue.ListAsync(new ScanQueueQuery.Filter(Text: nationalId[..9] + (nationalId[9] == '0' ? "1" : "0")), 0, 500)).Rows, r => r.Id == id);
        var golestan = await portal.AsAsync<ScanQueueQuery>("golestan.branch.staff");
        Assert.Empty((await golestan.ListAsync(new ScanQueueQuery.Filter(Text: nationalId), 0, 500)).Rows);
    }
}
