using Bunit;
using Portal.Domain.Organisation;
using Portal.Features.Home;

namespace Portal.Tests.Home;

/// <summary>The province rows are written as markup text (one render frame): each figure in its column, every name as text.</summary>
public sealed class OrganisationCountsTests
{
    [Fact]
    public async Task ProvinceRows_ShowEachFigureInItsColumn_InPersianDigits_AndANameAsText()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        var summary = new OrganisationOverview.Summary(new Dictionary<UnitKind, int>(), 0, 0,
            [new(1, "کرمان <b>&</b>", "Kerman", 2, 120, 118, 9, 40), new(2, "یزد", "Yazd", 3, 30, 29, 4, 12)]);

        var cut = ctx.Render<OrganisationCounts>(p => p.Add(c => c.Summary, summary));

        var rows = cut.FindAll("[data-testid=province-table] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["کرمان <b>&</b>", "۲", "۱۲۰", "۱۱۸", "۹", "۴۰"], rows[0].QuerySelectorAll("td.mud-table-cell").Select(td => td.TextContent));
        Assert.Empty(rows[0].QuerySelectorAll("b"));
        Assert.Equal("یزد", rows[1].QuerySelector("td")!.TextContent);
    }
}
