using Portal.Domain.Common;
using Portal.Domain.MonthlyStats;

namespace Portal.Tests.MonthlyStats;

/// <summary>The admin's claim categories: a new one reaches the form and the office's sheet; a retired one stays on old reports only.</summary>
public sealed class ClaimCategoriesTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ANewCategory_IsOfferedOnTheFormAndTheSheet_ARetiredOne_OnlyWhereItWasUsed()
    {
        var admin = await portal.AsAsync<ClaimCategories>("admin");
        var id = await admin.AddAsync("  دندانپزشكي ", "Dental");

        var agency = await portal.AsAsync<MonthlyStatsDesk>("kerman.agency.user");
        var month = new JalaliMonth(1400, 1);
        var sheet = await agency.SheetAsync(month);
        var added = Assert.Single(sheet.Categories, c => c.Id == id);
        Assert.Equal("دندانپزشکی", added.NameFa); // letters and spaces normalised
        Assert.Contains(await (await portal.AsAsync<MonthlyImport>("kerman.review")).ColumnsAsync(), c => c.Key == MonthlyReportForm.ReceivedField(id));

        var form = new MonthlyReportForm { Forwarded = "1", Returned = "0", Pending = (sheet.PendingBroughtForward + 1).ToString() };
        form.Received[id] = "2";
        form.Amount[id] = "3000000";
        Assert.Empty(await agency.SaveAsync(month, form, null));
        await admin.RetireAsync(id);

        Assert.Contains((await agency.SheetAsync(month)).Categories, c => c.Id == id);
        Assert.DoesNotContain((await agency.SheetAsync(new JalaliMonth(1400, 2))).Categories, c => c.Id == id);
        Assert.Contains(await admin.ListAsync(), c => c.Id == id && !c.IsActive && c.Lines == 1);
        await admin.RestoreAsync(id);
        Assert.Contains((await agency.SheetAsync(new JalaliMonth(1400, 2))).Categories, c => c.Id == id);
    }

    [Fact]
    public async Task Categories_BlankOrTakenNameOrNonAdmin_AreRefused()
    {
        var admin = await portal.AsAsync<ClaimCategories>("admin");
        Assert.Equal("Monthly.CategoryNameRequired", (await Assert.ThrowsAsync<DomainException>(() => admin.AddAsync(" ", "x"))).Key);
        Assert.Equal("Monthly.CategoryNameTaken", (await Assert.ThrowsAsync<DomainException>(() => admin.AddAsync("سایر", null))).Key);

        var office = await portal.AsAsync<ClaimCategories>("kerman.review");
        Assert.Equal("Monthly.OnlyAdmin", (await Assert.ThrowsAsync<DomainException>(() => office.AddAsync("بینایی", null))).Key);
    }
}
