using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Domain.ElectronicFiles;
using Portal.Domain.Security;
using Portal.Features.ElectronicFiles;
using static Portal.Tests.ElectronicFiles.ElectronicFilesArrange;

namespace Portal.Tests.ElectronicFiles;

/// <summary>A technical file's page offers the holding branch only the next step, asking first; others read it or find nothing.</summary>
public sealed class TechnicalFilePageTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<IRenderedComponent<TechnicalFilePage>> RenderAsync(PortalTestContext ctx, string userName, string role, int id)
    {
        await ctx.UsePortalAsync(portal, userName, signedInRole: role);
        ctx.Services.AddScoped<TechnicalFileQuery>();
        ctx.Services.AddScoped<ScanningDesk>();
        ctx.Services.AddScoped<DocumentDesk>();
        ctx.Services.AddScoped<DocumentViewer>();
        ctx.Services.AddScoped<PaperDesk>();
        ctx.RenderInteractivelyOnServer();
        var cut = ctx.Render<TechnicalFilePage>(p => p.Add(x => x.Id, id));
        cut.WaitForElement("[data-testid=file-number], [data-testid=file-not-found]", TimeSpan.FromSeconds(10));
        return cut;
    }

    [Fact]
    public async Task Staff_SeesTheNextStep_ConfirmsIt_AndTheStepIsRecordedWithTheirName()
    {
        using var culture = CultureScope.Persian();
        var id = await RegisterAsync(portal);
        await using var ctx = new PortalTestContext();
        var cut = await RenderAsync(ctx, Staff, Roles.BranchStaff, id);
        var dialogs = ctx.Render<MudDialogProvider>();

        Assert.Contains("خارج شد از بایگانی", cut.Find("[data-testid=step-do]").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=document-upload]"));
        cut.Find("[data-testid=step-do]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("خارج کردن از ردیف بایگانی", dialogs.Find("[data-testid=confirm-message]").TextContent));
        dialogs.Find("[data-testid=confirm-yes]").Click();

        cut.WaitForAssertion(() => Assert.Contains("کاربر شعبه کرمان", cut.Find("[data-testid=step-OutOfArchive]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal(ScanStepKind.OutOfArchive, (await FileAsync(portal, id)).LastStep);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=step-pages]")));
    }

    [Fact]
    public async Task Cancelling_RecordsNothing()
    {
        using var culture = CultureScope.Persian();
        var id = await RegisterAsync(portal);
        await using var ctx = new PortalTestContext();
        var cut = await RenderAsync(ctx, Staff, Roles.BranchStaff, id);
        var dialogs = ctx.Render<MudDialogProvider>();
        cut.Find("[data-testid=step-do]").Click();
        dialogs.WaitForElement("[data-testid=confirm-cancel]").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=confirm-message]")));
        Assert.Null((await FileAsync(portal, id)).LastStep);
    }

    [Fact]
    public async Task GeneralOffice_ReadsTheFile_WithoutActions()
    {
        using var culture = CultureScope.Persian();
        var id = await RegisterAsync(portal);
        await using var ctx = new PortalTestContext();
        var cut = await RenderAsync(ctx, "kerman.generaloffice", Roles.GeneralOffice, id);
        Assert.Contains("مریم احمدی", cut.Find("[data-testid=file-person]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=file-actions]"));
        Assert.Empty(cut.FindAll("[data-testid=document-upload]"));
    }

    [Fact]
    public async Task AnotherProvincesBranch_SeesNotFound()
    {
        using var culture = CultureScope.Persian();
        var id = await RegisterAsync(portal);
        var number = (await FileAsync(portal, id)).Number;
        await using var ctx = new PortalTestContext();
        var cut = await RenderAsync(ctx, "golestan.branch.staff", Roles.BranchStaff, id);
        Assert.NotEmpty(cut.FindAll("[data-testid=file-not-found]"));
        Assert.DoesNotContain(number, cut.Markup);
    }

    [Fact]
    public async Task Supervisor_RefusesAnAddedDocumentWithAReason_AndTheUploaderReadsWhoWhenAndWhy()
    {
        using var culture = CultureScope.Persian();
        var id = await RegisterAsync(portal);
        await UploadPdfAsync(portal, Staff, id, DocumentSource.ReceivedInService);
        await using (var ctx = new PortalTestContext())
        {
            var cut = await RenderAsync(ctx, Supervisor, Roles.BranchSupervisor, id);
            var dialogs = ctx.Render<MudDialogProvider>();
            cut.WaitForElement("[data-testid=document-refuse]").Click();
            dialogs.WaitForElement("[data-testid=reason-input]").Change("  مهر پزشک   ندارد ");
            dialogs.Find("[data-testid=reason-confirm]").Click();
            cut.WaitForAssertion(() => Assert.Contains("مهر پزشک ندارد", cut.Find("[data-testid=document-refusal-reason]").TextContent), TimeSpan.FromSeconds(10));
            Assert.Empty(cut.FindAll("[data-testid=document-verify]"));
            Assert.Empty(cut.FindAll("[data-testid=document-refuse]"));
        }

        await using var uploader = new PortalTestContext();
        var page = await RenderAsync(uploader, Staff, Roles.BranchStaff, id);
        var refusal = page.Find("[data-testid=document-refusal]").TextContent;
        Assert.Contains("رد شده", refusal);
        Assert.Contains("مسئول واحد اسناد", refusal);
        Assert.Contains("مهر پزشک ندارد", refusal);
        Assert.Contains("سند اصلاح‌شده", refusal);
        Assert.Empty(page.FindAll("[data-testid=document-refuse]"));
    }
}
