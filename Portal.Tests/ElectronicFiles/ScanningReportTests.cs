using Bunit;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.ElectronicFiles;
using Portal.Domain.Security;
using Portal.Features.ElectronicFiles;
using static Portal.Tests.ElectronicFiles.ElectronicFilesArrange;

namespace Portal.Tests.ElectronicFiles;

/// <summary>The month's scanning report: what the branch did, counted where the reader's scope reaches, and its workbook adds up.</summary>
public sealed class ScanningReportTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private JalaliMonth ThisMonth => JalaliDate.Today(TimeProvider.System).YearMonth;

    [Fact]
    public async Task Report_AScannedFileWithRescans_CountsForItsBranchAndOperator_OnlyInScope()
    {
        var id = await RegisterAsync(portal);
        await WalkToAsync(portal, id, ScanStepKind.Scanned);
        var staff = await portal.AsAsync<ScanningDesk>(Staff);
        await staff.CheckQualityAsync(id, (await FileAsync(portal, id)).Version, [2, 5], "تصویر کم‌رنگ");
        var own = await (await portal.AsAsync<ScanningReportQuery>(Supervisor)).ReadAsync(ThisMonth);
        var branchId = (await FileAsync(portal, id)).BranchId;

        var report = await (await portal.AsAsync<ScanningReportQuery>("kerman.treatment")).ReadAsync(ThisMonth);

        var branch = Assert.Single(report.Branches, b => b.BranchId == branchId);
        Assert.True(branch.FilesScanned >= 1);
        Assert.True(branch.PagesScanned >= 1);
        Assert.True(branch.PagesRescanned >= 2);
        Assert.Contains(report.Operators, o => o.Operator == Staff && o.Pages >= 1);
        Assert.Equal(Assert.Single(own.Branches).PagesScanned, branch.PagesScanned);
        Assert.Equal(report.Branches.Sum(b => b.PagesScanned), report.Total.PagesScanned);
        Assert.DoesNotContain((await (await portal.AsAsync<ScanningReportQuery>("golestan.treatment")).ReadAsync(ThisMonth)).Branches, b => b.BranchId == branch.BranchId);
    }

    [Fact]
    public async Task Workbook_ReadBack_HasTheBranchRows_AndTotalsThatAreTheirSums()
    {
        var id = await RegisterAsync(portal);
        await WalkToAsync(portal, id, ScanStepKind.Scanned);
        var client = await PortalFactory.SignedInClientAsync(portal, "headoffice");
        var month = ThisMonth;

        using var workbook = new XLWorkbook(new MemoryStream(await client.GetByteArrayAsync($"/electronic-files/report.xlsx?period={month.Year:0000}-{month.Month:00}")));

        var sheet = workbook.Worksheet(1);
        Assert.True(sheet.RightToLeft);
        var last = sheet.LastRowUsed()!.RowNumber();
        Assert.True(last >= 4);
        for (var column = 2; column <= 9; column++)
            Assert.Equal(Enumerable.Range(3, last - 3).Sum(r => sheet.Cell(r, column).GetValue<long>()), sheet.Cell(last, column).GetValue<long>());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await client.GetAsync("/electronic-files/report.xlsx?period=xx")).StatusCode);
    }

    [Fact]
    public async Task Page_OfLastMonth_StepsForwardToThisMonthSoFar_ButNotPastIt()
    {
        using var culture = CultureScope.Persian();
        var thisMonth = JalaliDate.Today(portal.Services.GetRequiredService<TimeProvider>()).YearMonth;
        await using var ctx = new PortalTestContext();
        await ctx.UsePortalAsync(portal, Supervisor, signedInRole: Roles.BranchSupervisor);
        ctx.Services.AddScoped<ScanningReportQuery>();
        ctx.RenderInteractivelyOnServer();
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();

        var last = thisMonth.Previous();
        navigation.NavigateTo($"electronic-files/report?period={last.Year:0000}-{last.Month:00}");
        var cut = ctx.Render<ScanningReport>();
        cut.WaitForElement("[data-testid=report-branches]", TimeSpan.FromSeconds(10));
        Assert.Null(cut.Find("[data-testid=period-next]").GetAttribute("disabled"));
        Assert.Contains($"period={thisMonth.Year:0000}-{thisMonth.Month:00}", cut.Find("[data-testid=period-next]").GetAttribute("href"));

        navigation.NavigateTo($"electronic-files/report?period={thisMonth.Year:0000}-{thisMonth.Month:00}");
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=period-next]").GetAttribute("disabled")), TimeSpan.FromSeconds(10));
    }
}
