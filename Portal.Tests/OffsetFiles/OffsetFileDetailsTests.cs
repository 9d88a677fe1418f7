using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.OffsetFiles;
using Portal.Domain.Organisation;
using Portal.Features.OffsetFiles;

namespace Portal.Tests.OffsetFiles;

/// <summary>
/// The offset file page offers each office its own step and nothing else: the sent file's papers to every reader, the
/// reversal of a posting to the insurance side only, the governor's forms to the governor, and another province nothing.
/// </summary>
public sealed class OffsetFileDetailsTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
    private int _file;
    private int _agreement;

    public async Task InitializeAsync()
    {
        await portal.SeededAsync();
        // A sent file with one agreement both sides confirmed, and its posting.
        await using var db = Acting.SystemDb(portal);
        var kerman = await db.Provinces.Where(p => p.Code == "08").Select(p => p.Id).SingleAsync();
        var centre = await db.OrgUnits.OfType<MedicalCenter>().Where(m => m.ProvinceId == kerman).Select(m => m.Id).FirstAsync();
        var workshop = new DebtorWorkshop(kerman, $"{Random.Shared.Next(1_000_000, 9_999_999)}", "شرکت کاشی نمونه کرمان", "10101234567", 90_000_000, new JalaliMonth(1393, 1), new JalaliMonth(1395, 6));
        var claim = new CenterClaim(kerman, centre, 70_000_000, new JalaliMonth(1399, 1), new JalaliMonth(1399, 12));
        db.AddRange(workshop, claim);
        await db.SaveChangesAsync();
        var file = new OffsetFile(kerman, "پرونده تهاتر صفحه", "kerman.generaloffice", At);
        file.Compile([workshop], [claim]);
        file.Send("08/1405/99", VerificationCodes.New(), new OffsetFilePapers(new string('a', 64), new string('b', 64), new string('c', 64)), "kerman.director", At);
        var agreement = file.RecordOutcome(workshop.Id, claim.Id, 40_000_000, "kerman.governor", At);
        db.Add(file);
        await db.SaveChangesAsync();
        (_file, _agreement) = (file.Id, agreement.Id);
        var version = agreement.Version;
        await (await portal.AsAsync<OffsetLedger>("kerman.generaloffice")).ConfirmAsync(_agreement, version);
        await using var again = Acting.SystemDb(portal);
        await (await portal.AsAsync<OffsetLedger>("kerman.treatment")).ConfirmAsync(_agreement, await again.OffsetAgreements.Where(a => a.Id == _agreement).Select(a => a.Version).SingleAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<IRenderedComponent<OffsetFileDetails>> RenderAsync(PortalTestContext ctx, string userName) => RenderAsync(ctx, userName, _file);

    private async Task<IRenderedComponent<OffsetFileDetails>> RenderAsync(PortalTestContext ctx, string userName, int fileId)
    {
        var actor = await Acting.ActorAsync(portal, userName);
        ctx.UsePortal(portal, actor);
        ctx.Services.AddSingleton(portal.Services.GetRequiredService<IOffsetPapers>());
        ctx.Services.AddScoped<OffsetBoard>();
        ctx.Services.AddScoped<OffsetDesk>();
        ctx.Services.AddScoped<OffsetLedger>();
        ctx.RenderInteractivelyOnServer();
        var cut = ctx.Render<OffsetFileDetails>(p => p.Add(x => x.Id, fileId));
        cut.WaitForElement("[data-testid=file-status], [data-testid=file-not-found]", TimeSpan.FromSeconds(10));
        return cut;
    }

    [Fact]
    public async Task TheInsuranceSide_SeesThePapers_ThePosting_AndMayReverseIt()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();

        var cut = await RenderAsync(ctx, "kerman.generaloffice");

        Assert.Equal("۰۸/۱۴۰۵/۹۹", cut.Find("[data-testid=file-number]").TextContent);
        Assert.Equal($"/offset/{_file}/papers/CoverLetter", cut.Find("[data-testid=paper-letter]").GetAttribute("href"));
        Assert.Contains("ثبت شد", cut.Find($"[data-testid=posting-{_agreement}]").TextContent);
        Assert.NotEmpty(cut.FindAll($"[data-testid=reverse-{_agreement}]"));
        Assert.Empty(cut.FindAll("[data-testid=file-send]"));
        Assert.Empty(cut.FindAll("[data-testid=meeting-add]"));
    }

    [Fact]
    public async Task TheTreatmentSide_SeesThePosting_ButCannotReverseIt()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();

        var cut = await RenderAsync(ctx, "kerman.treatment");

        Assert.Contains("ثبت شد", cut.Find($"[data-testid=posting-{_agreement}]").TextContent);
        Assert.Empty(cut.FindAll($"[data-testid=reverse-{_agreement}]"));
        Assert.Empty(cut.FindAll("[data-testid^=confirm-]"));
    }

    [Fact]
    public async Task TheGovernor_GetsTheMeetingForm_AndAnotherProvincesGovernor_NotFound()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        await using var other = new PortalTestContext();

        var governor = await RenderAsync(ctx, "kerman.governor");
        var stranger = await RenderAsync(other, "golestan.governor");

        Assert.NotEmpty(governor.FindAll("[data-testid=meeting-add]"));
        // A posted agreement is no longer the governor's to amend or withdraw (the posting is reversed first).
        Assert.Empty(governor.FindAll($"[data-testid=amend-{_agreement}]"));
        Assert.Empty(governor.FindAll($"[data-testid=reverse-{_agreement}]"));
        Assert.NotEmpty(stranger.FindAll("[data-testid=file-not-found]"));
        Assert.Empty(stranger.FindAll("[data-testid=paper-letter]"));
    }

    [Fact]
    public async Task Send_WithAChoiceOnScreenNotSaved_IsRefused_AndSendsNothing()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        int draft;
        await using (var db = Acting.SystemDb(portal))
        {
            var kerman = await db.Provinces.Where(p => p.Code == "08").Select(p => p.Id).SingleAsync();
            var centre = await db.OrgUnits.OfType<MedicalCenter>().Where(m => m.ProvinceId == kerman).Select(m => m.Id).FirstAsync();
            var workshop = new DebtorWorkshop(kerman, $"{Random.Shared.Next(1_000_000, 9_999_999)}", "شرکت چاپ نمونه کرمان", "10101234567", 90_000_000, new JalaliMonth(1393, 1), new JalaliMonth(1395, 6));
            var claim = new CenterClaim(kerman, centre, 70_000_000, new JalaliMonth(1403, 1), new JalaliMonth(1403, 12));
            db.AddRange(workshop, claim);
            await db.SaveChangesAsync();
            var file = new OffsetFile(kerman, "پرونده تهاتر با انتخاب ذخیره‌نشده", "kerman.generaloffice", At);
            file.Compile([workshop], [claim]);
            db.Add(file);
            await db.SaveChangesAsync();
            draft = file.Id;
        }
        var cut = await RenderAsync(ctx, "kerman.director", draft);
        cut.WaitForElement("[data-testid=pick-debtors] tbody tr", TimeSpan.FromSeconds(10));

        // The director ticks or unticks a debtor on screen and sends without saving the lists.
        cut.Find("[data-testid=pick-debtors] tbody tr").Click();
        cut.WaitForElement("[data-testid=lists-unsaved]");
        cut.Find("[data-testid=file-send]").Click();

        var snackbar = ctx.Services.GetRequiredService<MudBlazor.ISnackbar>();
        Assert.Contains(snackbar.ShownSnackbars, s => s.Severity == MudBlazor.Severity.Error && (s.Message ?? "").Contains("ذخیره فهرست‌ها"));
        await using var check = Acting.SystemDb(portal);
        Assert.Equal(OffsetFileStatus.Draft, await check.OffsetFiles.Where(f => f.Id == draft).Select(f => f.Status).SingleAsync());
    }

    [Fact]
    public async Task AnOpenAgreement_OffersTheGovernorAmendAndWithdraw_AndOnceWithdrawn_NoSideIsAskedToConfirmIt()
    {
        using var culture = CultureScope.Persian();
        int file, agreement;
        await using (var db = Acting.SystemDb(portal))
        {
            var kerman = await db.Provinces.Where(p => p.Code == "08").Select(p => p.Id).SingleAsync();
            var centre = await db.OrgUnits.OfType<MedicalCenter>().Where(m => m.ProvinceId == kerman).Select(m => m.Id).FirstAsync();
            var workshop = new DebtorWorkshop(kerman, $"{Random.Shared.Next(1_000_000, 9_999_999)}", "شرکت پلاستیک نمونه کرمان", "10101234567", 90_000_000, new JalaliMonth(1393, 1), new JalaliMonth(1395, 6));
            var claim = new CenterClaim(kerman, centre, 70_000_000, new JalaliMonth(1404, 1), new JalaliMonth(1404, 12));
            db.AddRange(workshop, claim);
            await db.SaveChangesAsync();
            var sent = new OffsetFile(kerman, "پرونده تهاتر توافق باز", "kerman.generaloffice", At);
            sent.Compile([workshop], [claim]);
            sent.Send("08/1405/98", VerificationCodes.New(), new OffsetFilePapers(new string('a', 64), new string('b', 64), new string('c', 64)), "kerman.director", At);
            var open = sent.RecordOutcome(workshop.Id, claim.Id, 30_000_000, "kerman.governor", At);
            db.Add(sent);
            await db.SaveChangesAsync();
            (file, agreement) = (sent.Id, open.Id);
        }
        await using (var ctx = new PortalTestContext())
        {
            var governor = await RenderAsync(ctx, "kerman.governor", file);
            Assert.NotEmpty(governor.FindAll($"[data-testid=amend-{agreement}]"));
            Assert.NotEmpty(governor.FindAll($"[data-testid=withdraw-{agreement}]"));
        }
        await using (var db = Acting.SystemDb(portal))
        {
            var version = await db.OffsetAgreements.Where(a => a.Id == agreement).Select(a => a.Version).SingleAsync();
            await (await portal.AsAsync<OffsetDesk>("kerman.governor")).WithdrawAgreementAsync(agreement, version, "کارفرما نپذیرفت");
        }
        await using var office = new PortalTestContext();
        var cut = await RenderAsync(office, "kerman.generaloffice", file);

        Assert.NotEmpty(cut.FindAll($"[data-testid=withdrawn-{agreement}]"));
        Assert.Empty(cut.FindAll($"[data-testid=confirm-insurance-{agreement}]"));
    }
}
