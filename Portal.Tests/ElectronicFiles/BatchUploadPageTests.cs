using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Documents;
using Portal.Domain.ElectronicFiles;
using Portal.Domain.Security;
using Portal.Features.ElectronicFiles;
using static Portal.Tests.ElectronicFiles.ElectronicFilesArrange;

namespace Portal.Tests.ElectronicFiles;

/// <summary>The batch page shows a sent batch's files, takes the type once, asks, and adds them all.</summary>
public sealed class BatchUploadPageTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Preview_ListsEachFileWithItsPages_ThenConfirmingAddsThemAll()
    {
        using var culture = CultureScope.Persian();
        var first = await RegisterAsync(portal);
        var second = await RegisterAsync(portal);
        var numbers = new[] { (await FileAsync(portal, first)).Number, (await FileAsync(portal, second)).Number };
        var papers = new ElectronicFilePapers(portal.Services.GetRequiredService<DocumentPrinter>());
        var covers = await ScanArrange.ScannedAsync(await papers.CoverSheetsAsync([.. numbers.Select(n => new CoverSheet(n, "مریم احمدی", "0012345679"))]));
        var batch = await (await portal.AsAsync<DocumentDesk>(Staff)).StageBatchAsync(new MemoryStream(ScanArrange.Pdf(
            [covers[0], ScanArrange.Page(1), ScanArrange.Page(2), ScanArrange.Page(3), covers[1], ScanArrange.Page(4)])));

        await using var ctx = new PortalTestContext();
        await ctx.UsePortalAsync(portal, Staff, signedInRole: Roles.BranchStaff);
        ctx.Services.AddScoped<DocumentDesk>();
        ctx.RenderInteractivelyOnServer();
        var dialogs = ctx.Render<MudDialogProvider>();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"electronic-files/batch?id={batch:N}");
        var cut = ctx.Render<BatchUpload>();
        cut.WaitForElement("[data-testid=batch-files]", TimeSpan.FromSeconds(10));

        Assert.Equal(numbers, cut.FindAll("[data-testid=batch-file-number]").Select(e => e.TextContent));
        Assert.Contains("۲–۴ (۳)", cut.FindAll("[data-testid=batch-file]")[0].TextContent);
        Assert.Contains("۶ (۱)", cut.FindAll("[data-testid=batch-file]")[1].TextContent);
        Assert.Contains("۶ صفحه؛ ۲ پرونده", cut.Find("[data-testid=batch-summary]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=batch-upload]"));

        var typeId = await TypeIdAsync(portal);
        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<int?>>().Instance.ValueChanged.InvokeAsync(typeId));
        cut.Find("button[data-testid=batch-add]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("۲ پرونده", dialogs.Find("[data-testid=confirm-message]").TextContent));
        dialogs.Find("[data-testid=confirm-yes]").Click();

        cut.WaitForAssertion(() => Assert.Contains("۲ سند به پرونده‌ها افزوده شد", cut.Find("[data-testid=batch-added]").TextContent), TimeSpan.FromSeconds(20));
        await using var db = Acting.SystemDb(portal);
        Assert.Equal([3, 1], await db.ScannedDocuments.Where(d => d.FileId == first || d.FileId == second).OrderBy(d => d.FileId).Select(d => d.Pages).ToListAsync());
    }
}
