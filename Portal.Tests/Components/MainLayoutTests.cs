using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Components.Layout;
using Portal.Domain.Security;

namespace Portal.Tests.Components;

public sealed class MainLayoutTests
{
    // 21:00 UTC on 22 September 2024 is 00:30 on 23 September in Tehran (UTC+03:30): 2 Mehr 1403, a day later than in UTC.
    private static readonly DateTimeOffset Now = new(2024, 9, 22, 21, 0, 0, TimeSpan.Zero);
    private const string FullName = "زهرا احمدی";
    private const string UnitName = "مدیریت درمان تأمین اجتماعی استان کرمان";

    private static IRenderedComponent<MainLayout> RenderLayout(PortalTestContext ctx)
    {
        ctx.Services.AddSingleton<TimeProvider>(TestClock.StoppedAt(Now));
        ctx.SignIn(PortalTestContext.User(Roles.TreatmentDirectorate, FullName, UnitName));
        return ctx.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page-body"))));
    }

    private static IElement RtlProvider(IRenderedComponent<MainLayout> cut) => cut.Find("div.mud-rtl-provider");

    [Fact]
    public async Task Persian_layout_is_right_to_left()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();

        var cut = RenderLayout(ctx);

        var provider = RtlProvider(cut);
        Assert.Equal("rtl", provider.GetAttribute("dir"));
        Assert.Contains("mud-application-layout-rtl", provider.ClassList);
        // The drawer anchored at Start sits on the right in a right-to-left layout.
        Assert.Contains("mud-drawer-pos-right", cut.Find("aside.mud-drawer").ClassList);
        Assert.Contains("page-body", cut.Find(".mud-main-content").TextContent);
    }

    [Fact]
    public async Task Persian_layout_shows_the_persian_app_name()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();

        var cut = RenderLayout(ctx);

        Assert.Equal("پرتال سازمان تأمین اجتماعی", cut.Find(".portal-brand span").TextContent.Trim());
        Assert.Equal("English", cut.Find("[data-testid=culture-switch]").TextContent.Trim());
    }

    [Fact]
    public async Task Persian_layout_shows_the_signed_in_users_name_role_title_and_unit_from_claims()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();

        var cut = RenderLayout(ctx);

        var userbox = cut.Find("[data-testid=userbox]");
        Assert.Equal(FullName, userbox.QuerySelector("span")!.TextContent.Trim());
        Assert.Equal($"مدیریت درمان استان — {UnitName}", userbox.QuerySelector("small")!.TextContent.Trim());
    }

    [Fact]
    public async Task Persian_layout_shows_todays_jalali_date_on_the_tehran_calendar()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();

        var cut = RenderLayout(ctx);

        Assert.Equal("۲ مهر ۱۴۰۳", cut.Find("[data-testid=today]").TextContent.Trim());
    }

    [Fact]
    public async Task English_layout_is_left_to_right_with_the_english_app_name()
    {
        using var culture = CultureScope.English();
        await using var ctx = new PortalTestContext();

        var cut = RenderLayout(ctx);

        var provider = RtlProvider(cut);
        Assert.NotEqual("rtl", provider.GetAttribute("dir"));
        Assert.DoesNotContain("mud-application-layout-rtl", provider.ClassList);
        Assert.Empty(cut.FindAll(".mud-application-layout-rtl"));
        Assert.Contains("mud-drawer-pos-left", cut.Find("aside.mud-drawer").ClassList);
        Assert.Equal("Social Security Portal", cut.Find(".portal-brand span").TextContent.Trim());
    }

    [Fact]
    public async Task English_layout_shows_the_english_role_title_and_the_jalali_date_with_its_gregorian_equivalent()
    {
        using var culture = CultureScope.English();
        await using var ctx = new PortalTestContext();

        var cut = RenderLayout(ctx);

        Assert.Equal($"Treatment directorate — {UnitName}", cut.Find("[data-testid=userbox] small").TextContent.Trim());
        Assert.Equal("1403/07/02 (2024-09-23)", cut.Find("[data-testid=today]").TextContent.Trim());
    }
}
