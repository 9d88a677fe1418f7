using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Portal.Components.Layout;
using Portal.Security;

namespace Portal.Tests.Components;

/// <summary>The menu's declaration: which entry is the page the user is on, who sees which entry, and that each is whole.</summary>
public sealed class MenuTests
{
    [Theory]
    [InlineData("", "", NavLinkMatch.All, true)]
    [InlineData("agencies", "", NavLinkMatch.All, false)]
    [InlineData("agencies", "agencies", NavLinkMatch.All, true)]
    [InlineData("agencies/12", "agencies", NavLinkMatch.All, false)]
    [InlineData("contracts/5", "contracts", NavLinkMatch.Prefix, true)]
    [InlineData("Contracts/5", "contracts", NavLinkMatch.Prefix, true)]
    [InlineData("contracts", "contracts", NavLinkMatch.Prefix, true)]
    [InlineData("contracts-archive", "contracts", NavLinkMatch.Prefix, false)]
    [InlineData("contract", "contracts", NavLinkMatch.Prefix, false)]
    [InlineData("electronic-files/search", "electronic-files", NavLinkMatch.All, false)]
    [InlineData("electronic-files/search/3", "electronic-files/search", NavLinkMatch.Prefix, true)]
    [InlineData("anything", "", NavLinkMatch.Prefix, false)]
    public void IsActive_FollowsNavLinksRule(string path, string href, NavLinkMatch match, bool active) =>
        Assert.Equal(active, Menu.IsActive(path, href, match));

    [Theory]
    [InlineData("monthly/form?period=1405-08", "monthly/form")]
    [InlineData("eligibility#result", "eligibility")]
    [InlineData("organisation", "organisation")]
    [InlineData("", "")]
    public void PathOf_DropsQueryAndFragment(string address, string path) => Assert.Equal(path, Menu.PathOf(address));

    [Fact]
    public void AnAgencysOwnUser_GetsTheirAgency_NotTheList()
    {
        var entries = Menu.For(new HashSet<string> { Policies.OwnAgency, Policies.Agencies }, "42");

        Assert.Contains(entries, e => e.Href == "agencies/42");
        Assert.DoesNotContain(entries, e => e.Href == "agencies");
        Assert.DoesNotContain(entries, e => e.Href.Contains(Menu.UnitPlaceholder));
    }

    [Fact]
    public void AUserWithNoPolicy_SeesHomeOnly()
    {
        var entries = Menu.For(new HashSet<string>(), null);

        Assert.Equal([""], entries.Select(e => e.Href));
    }

    [Fact]
    public void Administration_IsItsOwnGroup_UnderItsPolicy()
    {
        var admin = Menu.For(new HashSet<string> { Policies.Administration }, null);

        Assert.Contains(admin, e => e.Href == "admin/users" && e.Administration);
        Assert.All(Menu.Entries.Where(e => e.Administration), e => Assert.Equal(Policies.Administration, e.Policy));
    }

    [Fact]
    public void EveryEntry_HasARegisteredPolicy_LabelsInBothLanguages_AndItsOwnLink()
    {
        var options = new AuthorizationOptions();
        Policies.Add(options);
        Assert.All(Menu.AskedPolicies, p => Assert.True(options.GetPolicy(p) is not null, $"no policy {p}"));

        var strings = new ResourceManager("Portal.Resources.Strings", typeof(Portal.Strings).Assembly);
        foreach (var culture in new[] { CultureInfo.GetCultureInfo("fa-IR"), CultureInfo.GetCultureInfo("en-US") })
            Assert.All(Menu.Entries, e => Assert.False(string.IsNullOrEmpty(strings.GetString(e.Label, culture)), $"no {culture} label {e.Label}"));

        Assert.Equal(Menu.Entries.Count, Menu.Entries.Select(e => e.Href).Distinct().Count());
    }
}
