using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;

namespace Portal.Tests.NetworkOutages;

/// <summary>The outage pages and the hours workbook over HTTP, signed in through the real form: scope holds by URL too.</summary>
public sealed class OutageEndpointsTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> KermanOutageAsync()
    {
        await using var db = Acting.SystemDb(portal);
        return await db.NetworkOutages.Where(o => db.OrgUnits.Any(u => u.Id == o.BranchId && u.Code == "BR-08-02")).Select(o => o.Id).FirstAsync();
    }

    [Fact]
    public async Task AnotherProvincesOutage_ByItsAddress_ReadsNotFound_AndItsOwnProvinceSeesIt()
    {
        var id = await KermanOutageAsync();
        var golestan = await PortalFactory.SignedInClientAsync(portal, "golestan.generaloffice");
        var page = await golestan.GetStringAsync($"/outages/{id}");
        Assert.Contains("data-testid=\"outage-not-found\"", page);
        Assert.DoesNotContain("data-testid=\"outage-timeline\"", page);

        var kerman = await PortalFactory.SignedInClientAsync(portal, "kerman.generaloffice");
        Assert.Contains("data-testid=\"outage-timeline\"", await kerman.GetStringAsync($"/outages/{id}"));
        // The recording page is the branch's own.
        Assert.NotEqual(HttpStatusCode.OK, (await kerman.GetAsync("/outages")).StatusCode);
    }

    [Fact]
    public async Task TheHoursWorkbook_HasABranchRowPerKermanBranch_AndTheTotalOfTheirHours()
    {
        var month = JalaliDate.Today(TimeProvider.System).YearMonth;
        var client = await PortalFactory.SignedInClientAsync(portal, "kerman.generaloffice");
        var response = await client.GetAsync($"/outages/hours.xlsx?period={month.Year:0000}-{month.Month:00}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheets.First();
        Assert.True(sheet.RightToLeft);
        var rows = Enumerable.Range(3, 7).Select(r => sheet.Row(r)).ToList();
        Assert.All(rows, r => Assert.Equal("کرمان", r.Cell(1).GetString()));
        var total = sheet.Row(10);
        Assert.Equal(rows.Sum(r => r.Cell(3).GetDouble()), total.Cell(3).GetDouble(), 1);
        // The demo's open outage at the second branch has run for hours this month (or since the month began).
        Assert.True(total.Cell(3).GetDouble() > 0);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/outages/hours.xlsx?period=1405-13")).StatusCode);
    }
}
