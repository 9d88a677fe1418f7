using Bunit;
using Portal.Components.Layout;
using Portal.Domain.Security;

namespace Portal.Tests.Components;

/// <summary>The menu under the portal's real <see cref="Portal.Security.Policies"/>, evaluated against the signed-in user's role.</summary>
public sealed class NavMenuTests
{
    private static IReadOnlyList<string> LinksFor(PortalTestContext ctx, string role)
    {
        ctx.SignIn(PortalTestContext.User(role));
        var cut = ctx.Render<NavMenu>();
        return cut.FindAll("[data-testid=nav] a.mud-nav-link").Select(a => a.GetAttribute("href") ?? "").ToList();
    }

    [Fact]
    public async Task System_admin_sees_users_audit_and_organisation_links()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();

        var links = LinksFor(ctx, Roles.SystemAdmin);

        Assert.Contains("admin/users", links);
        Assert.Contains("admin/audit", links);
        Assert.Contains("organisation", links);
        Assert.Contains("", links);
    }

    [Fact]
    public async Task System_admin_sees_the_administration_group_titled_in_persian()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        ctx.SignIn(PortalTestContext.User(Roles.SystemAdmin));

        var cut = ctx.Render<NavMenu>();

        Assert.Contains("مدیریت سامانه", cut.Find("[data-testid=nav]").TextContent);
        Assert.Equal("کاربران", cut.Find("a[href='admin/users']").TextContent.Trim());
    }

    [Fact]
    public async Task Agency_user_sees_the_home_link_but_no_organisation_or_administration_links()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();

        var links = LinksFor(ctx, Roles.AgencyUser);

        Assert.Contains("", links);
        Assert.DoesNotContain("admin/users", links);
        Assert.DoesNotContain("admin/audit", links);
        Assert.DoesNotContain("organisation", links);
    }

    [Fact]
    public async Task Agency_user_does_not_see_the_administration_group()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        ctx.SignIn(PortalTestContext.User(Roles.AgencyUser));

        var cut = ctx.Render<NavMenu>();

        Assert.DoesNotContain("مدیریت سامانه", cut.Find("[data-testid=nav]").TextContent);
        Assert.Equal("پیشخوان", cut.Find("a[href='']").TextContent.Trim());
    }

    [Fact]
    public async Task Treatment_directorate_sees_organisation_but_not_administration_links()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();

        var links = LinksFor(ctx, Roles.TreatmentDirectorate);

        Assert.Contains("organisation", links);
        Assert.DoesNotContain("admin/users", links);
        Assert.DoesNotContain("admin/audit", links);
        Assert.Contains("", links);
    }

    [Fact]
    public async Task Agency_user_and_review_office_see_the_circulars_link_but_a_governor_does_not()
    {
        using var culture = CultureScope.Persian();
        await using var agency = new PortalTestContext();
        await using var review = new PortalTestContext();
        await using var governor = new PortalTestContext();

        Assert.Contains("circulars", LinksFor(agency, Roles.AgencyUser));
        Assert.Contains("circulars", LinksFor(review, Roles.ReviewOffice));
        Assert.DoesNotContain("circulars", LinksFor(governor, Roles.Governor));
    }
}
