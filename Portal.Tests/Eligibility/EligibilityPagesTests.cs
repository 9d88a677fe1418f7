using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Eligibility;
using Portal.Features.Eligibility;

namespace Portal.Tests.Eligibility;

/// <summary>
/// The centre's inquiry page says covered or not, the tracking code and the inpatient note, and nothing else; the
/// staff page says why, and for a son without a certificate that he is served under the current manual rules.
/// </summary>
public sealed class EligibilityPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<IRenderedComponent<T>> RenderAsync<T>(PortalTestContext ctx, string userName) where T : Microsoft.AspNetCore.Components.IComponent
    {
        var actor = await Acting.ActorAsync(portal, userName);
        ctx.UsePortal(portal, actor);
        ctx.Services.AddSingleton(portal.Services.GetRequiredService<EligibilityDesk>());
        ctx.Services.AddScoped<CentreInquiry>();
        ctx.Services.AddScoped<EligibilityLookup>();
        ctx.RenderInteractivelyOnServer();
        return ctx.Render<T>();
    }


    [Fact]
    public async Task TheCentre_GetsCoveredAndATrackingCode_AndTheInpatientNote_AndTheCodeIsInTheLog()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        var nationalId = await Insured.CoveredMainAsync(portal);
        var cut = await RenderAsync<InquiryPage>(ctx, "kerman.medical");

        cut.Find("input[data-testid=national-id]").Change(Portal.Domain.Common.TextNormalizer.ToPersianDigits(nationalId));
        cut.Find("form").Submit();
        cut.WaitForElement("[data-testid=answer]", TimeSpan.FromSeconds(10));

        Assert.Equal("حمایت درمانی دارد", cut.Find("[data-testid=coverage]").TextContent.Trim());
        Assert.Contains("بستری", cut.Find("[data-testid=inpatient-note]").TextContent);
        var shown = cut.Find("[data-testid=tracking-code]").TextContent;
        var code = Portal.Domain.Common.TextNormalizer.DigitsOnly(shown);
        Assert.Equal(12, code.Length);
        Assert.Empty(cut.FindAll("[data-testid=reason]"));
        await using var db = Acting.SystemDb(portal);
        Assert.Equal(nationalId, await db.Inquiries.Where(Inquiry.WithCode(code)).Select(i => i.NationalId).SingleAsync());
    }

    [Fact]
    public async Task TheCentre_AsksAboutAnUnknownNumber_AndReadsExactlyNoCoverage()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        var (_, son) = await Insured.SonWithoutCertificateAsync(portal);
        var cut = await RenderAsync<InquiryPage>(ctx, "kerman.medical");

        cut.Find("input[data-testid=national-id]").Change(Insured.NewNationalId());
        cut.Find("form").Submit();
        cut.WaitForElement("[data-testid=answer]", TimeSpan.FromSeconds(10));
        var unknown = cut.Find("[data-testid=coverage]").TextContent.Trim();
        cut.Find("input[data-testid=national-id]").Change(son);
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=answer]")), TimeSpan.FromSeconds(10));

        Assert.Equal("حمایت درمانی ندارد", unknown);
        Assert.Equal(unknown, cut.Find("[data-testid=coverage]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=manual-rules]"));
    }

    [Fact]
    public async Task AnInvalidNationalId_ShowsThePersianMessageUnderTheField_AndNoAnswer()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        var cut = await RenderAsync<InquiryPage>(ctx, "kerman.medical");

        cut.Find("input[data-testid=national-id]").Change("۱۲۳۴");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("۱۰ رقم", cut.Find(".mud-input-helper-text.mud-input-error").TextContent), TimeSpan.FromSeconds(10));
        Assert.Empty(cut.FindAll("[data-testid=answer]"));
    }

    [Fact]
    public async Task TheCallCentre_SeesTheReason_AndTheManualRulesNote_ForASonWithoutCertificate()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        var (main, son) = await Insured.SonWithoutCertificateAsync(portal);
        var cut = await RenderAsync<LookupPage>(ctx, "callcenter");
        await using var db = Acting.SystemDb(portal);
        var logged = await db.Inquiries.CountAsync();

        cut.Find("input[data-testid=national-id]").Change(son);
        cut.Find("form").Submit();
        cut.WaitForElement("[data-testid=answer]", TimeSpan.FromSeconds(10));

        Assert.Equal("حمایت درمانی ندارد", cut.Find("[data-testid=coverage]").TextContent.Trim());
        Assert.Contains("گواهی تحصیلی", cut.Find("[data-testid=reason]").TextContent);
        Assert.Contains("ضوابط و روال جاری", cut.Find("[data-testid=manual-rules]").TextContent);
        Assert.Contains("بستری", cut.Find("[data-testid=inpatient-note]").TextContent);

        cut.Find("input[data-testid=national-id]").Change(main);
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Equal("حمایت درمانی دارد", cut.Find("[data-testid=coverage]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.NotEmpty(cut.FindAll("[data-testid=ends-on]"));
        Assert.Empty(cut.FindAll("[data-testid=manual-rules]"));
        // A staff look-up is not a service inquiry: nothing is logged.
        Assert.Equal(logged, await db.Inquiries.CountAsync());
    }
}
