using Bunit;
using MudBlazor;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Contracts;
using Portal.Domain.Security;
using Portal.Features.Contracts;
using static Portal.Tests.Contracts.ContractsArrange;

namespace Portal.Tests.Contracts;

/// <summary>The contract page offers each status's next steps to the review office that serves the agency, and to nobody else.</summary>
public sealed class ContractDetailsTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<IRenderedComponent<ContractDetails>> RenderAsync(PortalTestContext ctx, string userName, int id)
    {
        await ctx.UsePortalAsync(portal, userName, signedInRole: Roles.ReviewOffice);
        ctx.Services.AddSingleton(portal.Services.GetRequiredService<IContractPdf>());
        ctx.Services.AddScoped<ContractQueries>();
        ctx.Services.AddScoped<ContractIssuing>();
        ctx.Services.AddScoped<ContractInForce>();
        ctx.RenderInteractivelyOnServer();
        var cut = ctx.Render<ContractDetails>(p => p.Add(x => x.Id, id));
        cut.WaitForElement("[data-testid=contract-status], [data-testid=contract-not-found]", TimeSpan.FromSeconds(10));
        return cut;
    }

    [Fact]
    public async Task ReviewOffice_SeesIssueOnADraft_AndUploadOnceIssued()
    {
        using var culture = CultureScope.Persian();
        var drafting = await portal.AsAsync<ContractDrafting>("kerman.review");
        var issuing = await portal.AsAsync<ContractIssuing>("kerman.review");
        var id = await drafting.DraftAsync(await KermanAgencyAsync(portal), Terms);
        await using var ctx = new PortalTestContext();

        var cut = await RenderAsync(ctx, "kerman.review", id);
        Assert.NotEmpty(cut.FindAll("[data-testid=contract-issue]"));
        Assert.Empty(cut.FindAll("[data-testid=scan-upload]"));
        Assert.Contains("پیش‌نویس", cut.Find("[data-testid=contract-status]").TextContent);

        await issuing.IssueAsync(id, (await ContractAsync(portal, id)).Version);
        await using var after = new PortalTestContext();
        var issued = await RenderAsync(after, "kerman.review", id);
        Assert.Empty(issued.FindAll("[data-testid=contract-issue]"));
        Assert.NotEmpty(issued.FindAll("[data-testid=scan-upload]"));
        Assert.Equal($"contracts/{id}/pdf", issued.Find("[data-testid=contract-pdf]").GetAttribute("href"));
    }

    [Fact]
    public async Task TreatmentDirectorate_ReadsTheContract_WithoutActions()
    {
        using var culture = CultureScope.Persian();
        var contract = await ActiveAsync(portal);
        await using var ctx = new PortalTestContext();

        var cut = await RenderAsync(ctx, "kerman.treatment", contract.Id);

        Assert.Contains("فعال", cut.Find("[data-testid=contract-status]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=contract-terminate]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=contract-scan]"));
    }

    [Fact]
    public async Task ContractPage_OtherProvince_SeesNotFound()
    {
        using var culture = CultureScope.Persian();
        var contract = await IssuedAsync(portal);
        await using var ctx = new PortalTestContext();

        var cut = await RenderAsync(ctx, "golestan.treatment", contract.Id);

        Assert.NotEmpty(cut.FindAll("[data-testid=contract-not-found]"));
        Assert.DoesNotContain(contract.Number!, cut.Markup);
    }

    [Fact]
    public async Task Issue_AsksFirst_SayingItCannotBeUndone_AndCancellingIssuesNothing_ThenConfirmingNamesTheNumber()
    {
        using var culture = CultureScope.Persian();
        var drafting = await portal.AsAsync<ContractDrafting>("kerman.review");
        var id = await drafting.DraftAsync(await KermanAgencyAsync(portal), Terms);
        await using var ctx = new PortalTestContext();
        var cut = await RenderAsync(ctx, "kerman.review", id);
        var dialogs = ctx.Render<MudDialogProvider>();
        var toasts = ctx.Render<MudSnackbarProvider>();

        cut.Find("[data-testid=contract-issue]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("شماره می‌گیرد", dialogs.Find("[data-testid=confirm-message]").TextContent));
        Assert.Contains("این کار برگشت‌پذیر نیست", dialogs.Markup);
        dialogs.Find("[data-testid=confirm-cancel]").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=confirm-message]")));
        Assert.Equal(ContractStatus.Draft, (await ContractAsync(portal, id)).Status);

        cut.Find("[data-testid=contract-issue]").Click();
        dialogs.WaitForElement("[data-testid=confirm-yes]").Click();
        cut.WaitForAssertion(() => Assert.Contains("صادرشده", cut.Find("[data-testid=contract-status]").TextContent), TimeSpan.FromSeconds(60));
        var number = (await ContractAsync(portal, id)).Number!;
        toasts.WaitForAssertion(() => Assert.Contains($"قرارداد شماره {Portal.Domain.Common.TextNormalizer.ToPersianDigits(number)} صادر شد.", toasts.Markup));
    }

    [Fact]
    public async Task ADraftWhoseTermHasEnded_IsShownWithAWarning_AndIssuingAsksForAReason()
    {
        using var culture = CultureScope.Persian();
        var drafting = await portal.AsAsync<ContractDrafting>("kerman.review");
        var id = await drafting.DraftAsync(await KermanAgencyAsync(portal), Terms with { StartsOn = new Portal.Domain.Common.JalaliDate(1403, 12, 30).ToDateOnly() });
        await using var ctx = new PortalTestContext();
        var cut = await RenderAsync(ctx, "kerman.review", id);
        var dialogs = ctx.Render<MudDialogProvider>();

        Assert.Contains("۱۴۰۴/۱۲/۲۸", cut.Find("[data-testid=contract-ended-warning]").TextContent);
        cut.Find("[data-testid=contract-issue]").Click();
        dialogs.WaitForElement("[data-testid=confirm-yes]").Click();
        dialogs.WaitForElement("[data-testid=reason-input]");
        dialogs.Find("[data-testid=reason-input]").Change("قرارداد دوره گذشته برای تسویه");
        dialogs.Find("[data-testid=reason-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal("قرارداد دوره گذشته برای تسویه", cut.Find("[data-testid=contract-late-reason]").TextContent), TimeSpan.FromSeconds(60));
    }
}
