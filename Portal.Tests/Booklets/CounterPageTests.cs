using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Domain.Booklets;
using Portal.Domain.Common;
using Portal.Domain.Eligibility;
using Portal.Features.Booklets;
using static Portal.Tests.Booklets.BookletsArrange;

namespace Portal.Tests.Booklets;

/// <summary>The counter page: the family with each member's reason in Persian, the family's credit asked first, refusals left alone.</summary>
public sealed class CounterPageTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<IRenderedComponent<CounterPage>> RenderAsync(PortalTestContext ctx, string userName)
    {
        ctx.UsePortal(portal, await Acting.ActorAsync(portal, userName));
        ctx.Services.AddSingleton(portal.Services.GetRequiredService<EligibilityPolicy>());
        ctx.Services.AddScoped<BookletCounter>();
        ctx.Services.AddScoped<BookletSlips>();
        ctx.RenderInteractivelyOnServer();
        return ctx.Render<CounterPage>();
    }

    [Fact]
    public async Task TheClerk_SeesEveryMembersReason_CreditsTheFamilyAfterConfirming_AndTheRefusedAreNotServed()
    {
        using var culture = CultureScope.Persian();
        var family = await FamilyAsync(portal);
        await using var ctx = new PortalTestContext();
        var cut = await RenderAsync(ctx, Clerk);
        var dialogs = ctx.Render<MudDialogProvider>();

        cut.Find("input[data-testid=national-id]").Change(TextNormalizer.ToPersianDigits(family.Son.NationalId));
        cut.Find("form").Submit();
        cut.WaitForElement("[data-testid=family]", TimeSpan.FromSeconds(10));

        string Row(InsuredPerson p) => cut.Find($"[data-testid=member-{p.NationalId}]").TextContent;
        Assert.Contains("گواهی معتبر اشتغال به تحصیل", Row(family.OlderSon));
        Assert.Contains("شناسنامه فرزند دختر", Row(family.Daughter));
        Assert.Contains("تجدید اعتبار", Row(family.Main));
        Assert.Contains("(۳)", cut.Find("[data-testid=serve-family]").TextContent);

        cut.Find("[data-testid=serve-family]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("۳ نفر", dialogs.Find("[data-testid=confirm-message]").TextContent));
        dialogs.Find("[data-testid=confirm-yes]").Click();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=slip]").Count), TimeSpan.FromSeconds(10));
        Assert.Equal(3, (await ServicesCountAsync(family.Main, family.Spouse, family.Son)));
        Assert.Equal(0, (await ServicesCountAsync(family.OlderSon, family.Daughter)));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=today] tbody tr").Count(r => r.TextContent.Contains("رفسنجانی") || r.TextContent.Contains("کرمانی"))));
    }

    [Fact]
    public async Task ABadNationalId_IsRefusedBesideTheField()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        var cut = await RenderAsync(ctx, Clerk);

        cut.Find("input[data-testid=national-id]").Change("۱۲۳۴");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".mud-input-error")));
        Assert.Empty(cut.FindAll("[data-testid=family]"));
    }

    private async Task<int> ServicesCountAsync(params InsuredPerson[] persons)
    {
        var count = 0;
        foreach (var p in persons) count += (await ServicesAsync(portal, p.Id)).Count;
        return count;
    }
}
