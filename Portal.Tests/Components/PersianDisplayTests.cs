using System.Collections;
using System.Resources;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;

namespace Portal.Tests.Components;

/// <summary>One display convention on Persian pages: Persian digits, «٬» between thousands, «٫» before decimals, and MudBlazor's own words in Persian.</summary>
public sealed class PersianDisplayTests
{
    [Theory]
    [InlineData(12.5, "۱۲٫۵٪")]
    [InlineData(12.46, "۱۲٫۵٪")]
    [InlineData(100, "۱۰۰٪")]
    [InlineData(0, "۰٪")]
    [InlineData(1234.5, "۱٬۲۳۴٫۵٪")]
    public void Percent_ForAPersianReader_HasPersianDigitsAndThePersianDecimalSeparator(double percent, string expected)
    {
        using var culture = CultureScope.Persian();
        Assert.Equal(expected, Display.Percent(percent));
        Assert.Equal(expected, Display.Rate(percent / 100));
    }

    [Fact]
    public void Percent_ForAnEnglishReader_StaysLatin()
    {
        using var culture = CultureScope.English();
        Assert.Equal("12.5%", Display.Percent(12.5));
    }

    [Fact]
    public void Amount_ForAPersianReader_GroupsThousandsWithThePersianSeparator()
    {
        using var culture = CultureScope.Persian();
        Assert.Equal("۱٬۴۱۷٬۰۰۰٬۰۰۰", Display.Amount(1_417_000_000));
        Assert.Equal("۲۰", Display.ChartValue(20));
    }

    [Fact]
    public async Task TablePager_ForAPersianReader_ShowsPersianDigitsAndPersianWords()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        ctx.Render<MudPopoverProvider>();

        var cut = ctx.Render<MudTable<int>>(p => p
            .Add(t => t.Items, Enumerable.Range(1, 1240).ToList())
            .Add(t => t.MultiSelection, true)
            .Add(t => t.RowTemplate, i => $"<td>{i}</td>")
            .Add(t => t.PagerContent, (RenderFragment)(b => { b.OpenComponent<PortalTablePager>(0); b.CloseComponent(); })));

        var pager = cut.Find("[data-testid=pager]");
        Assert.Equal("۱ تا ۱۰ از ۱٬۲۴۰", cut.Find("[data-testid=pager-info]").TextContent.Trim());
        Assert.Equal("۱۰", pager.QuerySelector(".mud-table-pagination-select input")!.GetAttribute("value"));
        Assert.Contains("ردیف در صفحه", pager.TextContent);
        Assert.Equal("صفحهٔ اول", pager.QuerySelector(".mud-table-pagination-first-button")!.GetAttribute("aria-label"));
        Assert.DoesNotMatch("[0-9]", pager.TextContent);
        // MudBlazor's own label on the row checkboxes comes from the portal's localizer.
        Assert.Contains("انتخاب ردیف", cut.Markup);
        Assert.DoesNotContain("Select row", cut.Markup);

        await cut.InvokeAsync(() => cut.Instance.NavigateTo(Page.Last));
        cut.WaitForAssertion(() => Assert.Equal("۱٬۲۳۱ تا ۱٬۲۴۰ از ۱٬۲۴۰", cut.Find("[data-testid=pager-info]").TextContent.Trim()));
    }

    [Fact]
    public async Task TablePager_ForAnEnglishReader_KeepsMudBlazorsEnglish()
    {
        using var culture = CultureScope.English();
        await using var ctx = new PortalTestContext();
        ctx.Render<MudPopoverProvider>();

        var cut = ctx.Render<MudTable<int>>(p => p
            .Add(t => t.Items, Enumerable.Range(1, 1240).ToList())
            .Add(t => t.RowTemplate, i => $"<td>{i}</td>")
            .Add(t => t.PagerContent, (RenderFragment)(b => { b.OpenComponent<PortalTablePager>(0); b.CloseComponent(); })));

        Assert.Equal("1-10 of 1,240", cut.Find("[data-testid=pager-info]").TextContent.Trim());
        Assert.Equal("First page", cut.Find(".mud-table-pagination-first-button").GetAttribute("aria-label"));
    }

    [Fact]
    public void MudLocalizer_EveryStringMudBlazorShows_HasPersian()
    {
        var assembly = typeof(MudTable<>).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("LanguageResource.resources", StringComparison.Ordinal));
        using var reader = new ResourceReader(assembly.GetManifestResourceStream(name)!);
        var keys = reader.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToHashSet();

        Assert.Empty(keys.Except(PortalMudLocalizer.Keys).Order());
    }

    [Fact]
    public void Pages_TablePager_NeverMudBlazorsOwn()
    {
        // Its row range and page sizes are written with Latin digits whatever the culture; PortalTablePager is the portal's.
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../Portal"));
        var offenders = Directory.EnumerateFiles(root, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("PortalTablePager.razor", StringComparison.Ordinal))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"<MudTablePager\b|<MudDataGridPager\b"))
            .Select(f => Path.GetRelativePath(root, f));
        Assert.Empty(offenders);
    }
}
