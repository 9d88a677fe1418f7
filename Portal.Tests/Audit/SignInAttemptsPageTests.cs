using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Audit;
using Portal.Domain.SignIn;

namespace Portal.Tests.Audit;

/// <summary>The administrators' page of sign-in attempts: searchable by name and address, outcomes and times in Persian.</summary>
public sealed class SignInAttemptsPageTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await portal.SeededAsync();
        await using var db = Acting.SystemDb(portal);
        if (await db.SignInAttempts.AnyAsync(a => a.Address == "192.0.2.44")) return;
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        db.SignInAttempts.AddRange(
            new SignInAttempt("kerman.nobody", "192.0.2.44", SignInOutcome.UnknownName, null, at),
            new SignInAttempt("kerman.review", "192.0.2.44", SignInOutcome.WrongPassword, "id", at.AddMinutes(1)),
            new SignInAttempt("kerman.review", "10.1.2.3", SignInOutcome.Success, "id", at.AddMinutes(2)));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<IRenderedComponent<SignInAttempts>> RenderAsync(PortalTestContext ctx, string userName)
    {
        await ctx.UsePortalAsync(portal, userName);
        ctx.Services.AddScoped<SignInAttemptLog>();
        return ctx.Render<SignInAttempts>();
    }

    [Fact]
    public async Task Search_ByName_ListsItsAttemptsWithAddressOutcomeAndPersianTime()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        var cut = await RenderAsync(ctx, "admin");

        cut.Find("input[data-testid=sign-ins-name]").Change("KERMAN.review");
        cut.Find("[data-testid=sign-ins-search]").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=sign-in-name]").Count), TimeSpan.FromSeconds(20));
        var outcomes = cut.FindAll("[data-testid=sign-in-outcome]").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["ورود موفق", "گذرواژه نادرست"], outcomes);
        Assert.Equal(["10.1.2.3", "192.0.2.44"], cut.FindAll("[data-testid=sign-in-address]").Select(td => td.TextContent.Trim()).ToList());
        Assert.All(cut.FindAll("[data-testid=sign-in-at]"), td => Assert.Matches("^[۰-۹/: ]+$", td.TextContent.Trim()));
    }

    [Fact]
    public async Task Search_ByAddress_ShowsUnknownNamesAsTyped()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = new PortalTestContext();
        var cut = await RenderAsync(ctx, "admin");

        cut.Find("input[data-testid=sign-ins-address]").Change("192.0.2.44");
        cut.Find("[data-testid=sign-ins-search]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["kerman.review", "kerman.nobody"],
            cut.FindAll("[data-testid=sign-in-name]").Select(td => td.TextContent.Trim()).ToList()), TimeSpan.FromSeconds(20));
        Assert.Contains("نام کاربری ناشناخته", cut.Find("[data-testid=sign-ins-table]").TextContent);
    }

    [Fact]
    public async Task Attempts_ReadByOtherThanTheSystemAdministrator_AreRefused()
    {
        var log = await portal.AsAsync<SignInAttemptLog>("kerman.generaloffice");
        await Refused.ByRoleAsync(() => log.SearchAsync(null, null, 0, 10));
    }
}
