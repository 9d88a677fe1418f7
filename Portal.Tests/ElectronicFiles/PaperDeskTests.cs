using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Common.Files;
using Portal.Domain.ElectronicFiles;
using static Portal.Tests.ElectronicFiles.ElectronicFilesArrange;

namespace Portal.Tests.ElectronicFiles;

/// <summary>
/// The papers a branch receives once its files are scanned (seed 003 part 2): stamped, handed back, kept in binders in
/// register order (the four kinds), destroyed in the branch (rulings without disability), and the six-monthly list of
/// uncollected mail.
/// </summary>
public sealed class PaperDeskTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> PaperAsync(DocumentSource source = DocumentSource.ReceivedInService, string user = Supervisor, string typeCode = "0501")
    {
        var file = await RegisterAsync(portal);
        int typeId;
        await using (var db = Acting.SystemDb(portal))
            typeId = await db.DocumentTypes.Where(t => t.Code == typeCode).Select(t => t.Id).SingleAsync();
        var desk = await portal.AsAsync<DocumentDesk>(user);
        await desk.UploadAsync(new DocumentDesk.Upload(file, null, null, typeId, source, null), new MemoryStream(SampleFiles.Pdf("paper")));
        await using var read = Acting.SystemDb(portal);
        return await read.ScannedDocuments.Where(d => d.FileId == file).Select(d => d.Id).SingleAsync();
    }

    private async Task<ScannedDocument> DocumentAsync(int id)
    {
        await using var db = Acting.SystemDb(portal);
        return await db.ScannedDocuments.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    private async Task AgeAsync(int id, int days)
    {
        await using var db = Acting.SystemDb(portal);
        var at = DateTimeOffset.UtcNow.AddDays(-days);
        await db.ScannedDocuments.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.ScannedAt, at));
    }

    [Fact]
    public async Task APaper_IsStampedOnce_ThenHandedBack_WithWhoAndWhen()
    {
        using var persian = CultureScope.PersianMessages();
        var id = await PaperAsync();
        var desk = await portal.AsAsync<PaperDesk>(Staff);

        var early = await Assert.ThrowsAsync<DomainException>(() => desk.HandBackAsync(id));
        Assert.Equal("ElectronicFiles.StampFirst", early.Key);
        Assert.Contains("مهر", early.Message);

        await desk.StampAsync(id);
        Assert.Equal("ElectronicFiles.AlreadyStamped", (await Assert.ThrowsAsync<DomainException>(() => desk.StampAsync(id))).Key);
        await desk.HandBackAsync(id);

        var paper = await DocumentAsync(id);
        Assert.Equal((Staff, PaperFate.HandedBack, Staff), (paper.StampedBy, paper.Fate, paper.FateBy));
        Assert.NotNull(paper.StampedAt);
        Assert.Equal("ElectronicFiles.PaperSettled", (await Assert.ThrowsAsync<DomainException>(() => desk.HandBackAsync(id))).Key);
        var stamp = await desk.StampImprintAsync(id);
        Assert.Equal((Staff, JalaliDate.FromInstant(paper.StampedAt!.Value)), (stamp.UserCode, stamp.Date));
        Assert.Contains("کرمان", stamp.BranchName);
    }

    [Fact]
    public async Task FirstScans_AreNoPapersToSettle()
    {
        var file = await RegisterAsync(portal);
        await WalkToAsync(portal, file, ScanStepKind.Scanned);
        int id;
        await using (var db = Acting.SystemDb(portal))
            id = await db.ScannedDocuments.Where(d => d.FileId == file).Select(d => d.Id).SingleAsync();
        var desk = await portal.AsAsync<PaperDesk>(Staff);

        Assert.Equal("ElectronicFiles.NotAPaper", (await Assert.ThrowsAsync<DomainException>(() => desk.StampAsync(id))).Key);
        Assert.Equal("ElectronicFiles.NotAPaper", (await Assert.ThrowsAsync<DomainException>(() => desk.HandBackAsync(id))).Key);
    }

    [Fact]
    public async Task KeptOriginals_StandInTheirBinder_InRegisterDateOrder_WhateverOrderTheyAreFiled()
    {
        var desk = await portal.AsAsync<PaperDesk>(Staff);
        var (late, early, middle) = (await PaperAsync(), await PaperAsync(), await PaperAsync());
        // A year of its own, so other tests' papers do not share the binder.
        var year = 1390 + Random.Shared.Next(0, 10);
        string Day(int d) => $"{year}/03/{d:00}";

        var (first, _) = await desk.KeepAsync(late, new KeepForm(KeptCategory.RestPeriodRejected, "۱۲۰۳", Day(20)));
        var (second, _) = await desk.KeepAsync(early, new KeepForm(KeptCategory.RestPeriodRejected, "۹۸۷", Day(5)));
        var (third, _) = await desk.KeepAsync(middle, new KeepForm(KeptCategory.RestPeriodRejected, "1100", Day(12)));

        Assert.Equal(new BinderPlace(KeptCategory.RestPeriodRejected, year, 1), first);
        Assert.Equal(1, second!.Position); // registered earlier: it goes in before the one filed first
        Assert.Equal(2, third!.Position);
        var branch = (await DocumentAsync(late)).BranchId;
        var contents = await (await portal.AsAsync<BinderQuery>(Supervisor)).ContentsAsync(branch, KeptCategory.RestPeriodRejected, year);
        Assert.Equal([early, middle, late], contents.Select(p => p.DocumentId));
        Assert.Equal([1, 2, 3], contents.Select(p => p.Position));
        Assert.Equal("1100", contents[1].RegisterNumber);
        Assert.Equal(PaperFate.KeptInBinder, (await DocumentAsync(late)).Fate);
        Assert.Contains(await (await portal.AsAsync<BinderQuery>("kerman.generaloffice")).BindersAsync(),
            b => b.Year == year && b.Category == KeptCategory.RestPeriodRejected && b.Papers == 3);
        // Another province's branch has no such binder, and cannot open it.
        var golestan = await portal.AsAsync<BinderQuery>("golestan.branch.staff");
        Assert.DoesNotContain(await golestan.BindersAsync(), b => b.Year == year);
        Assert.Empty(await golestan.ContentsAsync(branch, KeptCategory.RestPeriodRejected, year));
    }

    [Fact]
    public async Task Keeping_WithoutKindOrWithAFutureRegisterDate_IsRefusedPerField_AndNothingIsFiled()
    {
        using var persian = CultureScope.PersianMessages();
        var id = await PaperAsync();
        var desk = await portal.AsAsync<PaperDesk>(Staff);
        var tomorrow = JalaliDate.FromInstant(DateTimeOffset.UtcNow.AddDays(2)).ToString();

        var (place, errors) = await desk.KeepAsync(id, new KeepForm(null, " ", tomorrow));

        Assert.Null(place);
        Assert.Equal(["Category", "RegisterDate", "RegisterNumber"], errors.Keys.Order());
        Assert.Null((await DocumentAsync(id)).Fate);
        await using var db = Acting.SystemDb(portal);
        Assert.False(await db.KeptOriginals.AnyAsync(k => k.DocumentId == id));
    }

    [Fact]
    public async Task OnlyACommissionRuling_IsDestroyedInTheBranch()
    {
        var desk = await portal.AsAsync<PaperDesk>(Staff);
        var ruling = await PaperAsync(typeCode: ScannedDocument.CommissionRulingTypeCode);
        var certificate = await PaperAsync();

        await desk.DestroyInBranchAsync(ruling);

        Assert.Equal(PaperFate.DestroyedInBranch, (await DocumentAsync(ruling)).Fate);
        Assert.Equal("ElectronicFiles.OnlyRulingsDestroyed", (await Assert.ThrowsAsync<DomainException>(() => desk.DestroyInBranchAsync(certificate))).Key);
        Assert.Null((await DocumentAsync(certificate)).Fate);
    }

    [Fact]
    public async Task AnotherBranchsPaper_IsNotFound_AndAnAgencyMayNotSettlePapers()
    {
        var id = await PaperAsync();
        var golestan = await portal.AsAsync<PaperDesk>("golestan.branch.staff");
        Assert.Equal("ElectronicFiles.DocumentNotFound", (await Assert.ThrowsAsync<DomainException>(() => golestan.StampAsync(id))).Key);
        Assert.Equal("ElectronicFiles.DocumentNotFound", (await Assert.ThrowsAsync<DomainException>(() => golestan.StampImprintAsync(id))).Key);
        var agency = await portal.AsAsync<PaperDesk>("kerman.agency.manager");
        await Assert.ThrowsAsync<DomainException>(() => agency.StampAsync(id));
        Assert.Null((await DocumentAsync(id)).StampedAt);
    }

    [Fact]
    public async Task TheSixMonthlyList_HoldsOldStampedVerifiedUncollectedMail_ThenRecordsItsDestruction_WithWitnesses()
    {
        using var persian = CultureScope.PersianMessages();
        var staff = await portal.AsAsync<PaperDesk>(Staff);
        var expert = await portal.AsAsync<PaperDesk>(Supervisor);
        async Task<int> MailAsync(int ageDays, bool stamp = true)
        {
            var id = await PaperAsync(DocumentSource.ReceivedByMail);
            if (stamp) await staff.StampAsync(id);
            await AgeAsync(id, ageDays);
            return id;
        }
        var (due, collected, recent, unstamped, fromService) = (await MailAsync(200), await MailAsync(220), await MailAsync(60), await MailAsync(250, stamp: false),
            await PaperAsync(DocumentSource.ReceivedInService));
        await staff.StampAsync(fromService);
        await AgeAsync(fromService, 300);
        var unverified = await PaperAsync(DocumentSource.ReceivedByMail, user: Staff);
        await staff.StampAsync(unverified);
        await AgeAsync(unverified, 300);

        var state = (await (await portal.AsAsync<DestructionQuery>(Supervisor)).BranchStateAsync())!;
        Assert.True(state.Due);
        var listId = await expert.ProposeDestructionAsync();
        Assert.Equal("ElectronicFiles.ListOpen", (await Assert.ThrowsAsync<DomainException>(() => expert.ProposeDestructionAsync())).Key);

        var list = (await (await portal.AsAsync<DestructionQuery>(Supervisor)).FindAsync(listId))!;
        var proposed = list.List.Items.Select(i => i.DocumentId).ToList();
        Assert.Contains(due, proposed);
        Assert.Contains(collected, proposed);
        Assert.DoesNotContain(recent, proposed);
        Assert.DoesNotContain(unstamped, proposed);
        Assert.DoesNotContain(fromService, proposed);
        Assert.DoesNotContain(unverified, proposed);
        Assert.True(list.CanClose);

        // The person comes for one paper before the destruction: it leaves the list.
        await staff.HandBackAsync(collected);
        list = (await (await portal.AsAsync<DestructionQuery>(Supervisor)).FindAsync(listId))!;
        Assert.NotNull(list.List.Items.Single(i => i.DocumentId == collected).WithdrawnAt);

        var today = JalaliDate.FromInstant(DateTimeOffset.UtcNow).ToString();
        var errors = await expert.RecordDestructionAsync(listId, list.List.Version, new DestructionForm(today, "علی رضایی"));
        Assert.Equal("نام دست‌کم دو شاهد را بنویسید، هر نام در یک سطر یا جدا با ویرگول.", errors["Witnesses"]);
        Assert.Null((await DocumentAsync(due)).Fate);

        errors = await expert.RecordDestructionAsync(listId, list.List.Version, new DestructionForm(today, "علي رضايي\nزهرا کريمي"));
        Assert.Empty(errors);
        var destroyed = await DocumentAsync(due);
        Assert.Equal((PaperFate.DestroyedByList, Supervisor), (destroyed.Fate, destroyed.FateBy));
        Assert.Equal(PaperFate.HandedBack, (await DocumentAsync(collected)).Fate);
        await using (var image = await portal.Services.GetRequiredService<IFileStore>().OpenReadAsync(destroyed.Sha256))
            Assert.NotNull(image); // the image stays
        list = (await (await portal.AsAsync<DestructionQuery>("kerman.generaloffice")).FindAsync(listId))!;
        Assert.Equal((DestructionStatus.Destroyed, "علی رضایی\nزهرا کریمی", false), (list.List.Status, list.List.Witnesses, list.CanClose));
        Assert.Equal("ElectronicFiles.ListClosed",
            (await Assert.ThrowsAsync<DomainException>(() => expert.CancelDestructionAsync(listId, list.List.Version))).Key);
        Assert.Null(await (await portal.AsAsync<DestructionQuery>("golestan.branch.staff")).FindAsync(listId));
    }
}
