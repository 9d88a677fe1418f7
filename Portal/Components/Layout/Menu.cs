using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using Portal.Security;

namespace Portal.Components.Layout;

/// <summary>A badge a menu entry carries beside its label.</summary>
public enum MenuBadge { None, ChangeNotices, UnreadCirculars }

/// <summary>
/// One entry of the side menu: where it leads, its icon and label (a resource key), the policy that shows it (none: every
/// signed-in user) and how its link is marked active.
/// </summary>
public sealed record MenuEntry(string Href, string Icon, string Label, string? Policy, NavLinkMatch Match = NavLinkMatch.Prefix)
{
    /// <summary>Not shown to those this policy already serves (an agency's own users get their agency, not the list).</summary>
    public string? Unless { get; init; }
    public string? TestId { get; init; }
    public MenuBadge Badge { get; init; }
    /// <summary>Listed under the administration group.</summary>
    public bool Administration { get; init; }

    /// <summary>The icon as MudNavLink draws it, made once: one markup frame in each open menu instead of the svg's seven.</summary>
    public string IconMarkup { get; } =
        $"<svg class=\"mud-icon-root mud-icon-default mud-svg-icon mud-icon-size-medium mud-nav-link-icon mud-nav-link-icon-default\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{Icon}</svg>";
}

/// <summary>The side menu, declared once: its entries in order, and which one is the page the user is on.</summary>
public static class Menu
{
    /// <summary>Replaced by the user's unit id in an entry's link.</summary>
    public const string UnitPlaceholder = "{unit}";

    public static readonly IReadOnlyList<MenuEntry> Entries =
    [
        new("", Icons.Material.Filled.Dashboard, "Nav.Home", null, NavLinkMatch.All),
        new($"agencies/{UnitPlaceholder}", Icons.Material.Filled.Storefront, "Nav.MyAgency", Policies.OwnAgency),
        new("agencies", Icons.Material.Filled.Storefront, "Nav.Agencies", Policies.Agencies, NavLinkMatch.All) { Unless = Policies.OwnAgency },
        new("agencies/notices", Icons.Material.Filled.NotificationsActive, "Nav.Notices", Policies.ChangeNotices) { Badge = MenuBadge.ChangeNotices },
        new("rollout", Icons.Material.Filled.Insights, "Nav.Rollout", Policies.Rollout, NavLinkMatch.All),
        new("rollout/training", Icons.Material.Filled.School, "Nav.Training", Policies.Training),
        new("organisation", Icons.Material.Filled.AccountTree, "Nav.Organisation", Policies.Organisation),
        new("circulars", Icons.Material.Filled.Campaign, "Nav.Circulars", Policies.Circulars) { Badge = MenuBadge.UnreadCirculars },
        new("monthly/form", Icons.Material.Filled.EditCalendar, "Nav.MonthlyForm", Policies.MonthlyEntry),
        new("monthly/worklist", Icons.Material.Filled.FactCheck, "Nav.MonthlyWorklist", Policies.MonthlyReview),
        new("monthly", Icons.Material.Filled.QueryStats, "Nav.MonthlyCompleteness", Policies.MonthlyOverview, NavLinkMatch.All),
        new("contracts", Icons.Material.Filled.Handshake, "Nav.Contracts", Policies.Contracts),
        new("offset", Icons.Material.Filled.Balance, "Nav.Offset", Policies.OffsetFiles),
        new("electronic-files", Icons.Material.Filled.DocumentScanner, "Nav.ElectronicFiles", Policies.ElectronicFiles, NavLinkMatch.All) { TestId = "nav-electronic-files" },
        new("electronic-files/search", Icons.Material.Filled.ManageSearch, "Nav.DocumentSearch", Policies.ElectronicFiles) { TestId = "nav-document-search" },
        new("electronic-files/report", Icons.Material.Filled.Assessment, "ElectronicFiles.Report", Policies.ElectronicFiles) { TestId = "nav-scanning-report" },
        new("electronic-files/binders", Icons.Material.Filled.FolderCopy, "Nav.Binders", Policies.ElectronicFilesScanning) { TestId = "nav-binders" },
        new("electronic-files/destruction", Icons.Material.Filled.DeleteSweep, "Nav.Destruction", Policies.ElectronicFilesScanning) { TestId = "nav-destruction" },
        new("booklets/counter", Icons.Material.Filled.MenuBook, "Nav.BookletCounter", Policies.BookletCounter) { TestId = "nav-booklet-counter" },
        new("outages", Icons.Material.Filled.WifiOff, "Nav.Outages", Policies.OutagesRecording, NavLinkMatch.All) { TestId = "nav-outages" },
        new("outages/overview", Icons.Material.Filled.SignalWifiStatusbarConnectedNoInternet4, "Nav.OutagesOverview", Policies.Outages) { TestId = "nav-outages-overview" },
        new("eligibility", Icons.Material.Filled.HealthAndSafety, "Nav.EligibilityInquiry", Policies.EligibilityInquiry, NavLinkMatch.All),
        new("eligibility/lookup", Icons.Material.Filled.PersonSearch, "Nav.EligibilityLookup", Policies.EligibilityLookup),
        new("eligibility/objections", Icons.Material.Filled.SupportAgent, "Nav.Objections", Policies.Objections),
        new("eligibility/keys", Icons.Material.Filled.Key, "Nav.EligibilityKeys", Policies.EligibilityKeys),
        new("eligibility/report", Icons.Material.Filled.Assessment, "Nav.InquiryReport", Policies.InquiryReport),
        new("account-requests", Icons.Material.Filled.ManageAccounts, "Nav.AccountRequests", Policies.AccountRequests) { TestId = "nav-account-requests" },
        new("booklets/report", Icons.Material.Filled.Assessment, "Nav.BookletReport", Policies.BookletReport) { TestId = "nav-booklet-report" },
        Admin("admin/users", Icons.Material.Filled.People, "Nav.Users"),
        Admin("admin/waves", Icons.Material.Filled.Waves, "Nav.Waves"),
        Admin("contracts/templates", Icons.Material.Filled.EditNote, "Contracts.Templates"),
        Admin("admin/claim-categories", Icons.Material.Filled.Category, "Nav.ClaimCategories"),
        Admin("admin/document-types", Icons.Material.Filled.FolderSpecial, "ElectronicFiles.Taxonomy"),
        Admin("admin/audit", Icons.Material.Filled.History, "Nav.Audit"),
        Admin("admin/sign-ins", Icons.Material.Filled.Login, "Nav.SignInAttempts"),
        Admin("admin/files", Icons.Material.Filled.FactCheck, "Nav.StoredFiles"),
        Admin("admin/sms", Icons.Material.Filled.Sms, "Nav.SmsOutbox"),
    ];

    private static MenuEntry Admin(string href, string icon, string label) => new(href, icon, label, Policies.Administration) { Administration = true };

    /// <summary>Every policy the menu asks about, to evaluate each once per user.</summary>
    public static readonly IReadOnlyList<string> AskedPolicies =
        Entries.SelectMany(e => new[] { e.Policy, e.Unless }).OfType<string>().Distinct().ToList();

    /// <summary>The entries a user sees, given the policies they pass, with the unit placeholder filled in.</summary>
    public static IReadOnlyList<MenuEntry> For(IReadOnlySet<string> allowed, string? unitId) =>
        Entries.Where(e => (e.Policy is null || allowed.Contains(e.Policy)) && (e.Unless is null || !allowed.Contains(e.Unless)))
            .Select(e => e.Href.Contains(UnitPlaceholder) ? e with { Href = e.Href.Replace(UnitPlaceholder, unitId) } : e)
            .ToList();

    /// <summary>
    /// NavLink's rule, on a base-relative path without query or fragment: All matches the path exactly; Prefix also matches
    /// below it, at a '/' (so "agencies" is active on "agencies/12" but not on "agencies-report").
    /// </summary>
    public static bool IsActive(string path, string href, NavLinkMatch match) =>
        string.Equals(path, href, StringComparison.OrdinalIgnoreCase)
        || (match == NavLinkMatch.Prefix && href.Length > 0 && path.Length > href.Length && path[href.Length] == '/'
            && path.StartsWith(href, StringComparison.OrdinalIgnoreCase));

    /// <summary>A base-relative address without its query and fragment.</summary>
    public static string PathOf(string baseRelative)
    {
        var end = baseRelative.IndexOfAny(['?', '#']);
        return end < 0 ? baseRelative : baseRelative[..end];
    }
}
