using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Domain.Data;
using Portal.Domain.Security;
using Portal.Domain.Users;
using Portal.Features.Users;
using static Portal.Tests.Users.AccountRequestsArrange;

namespace Portal.Tests.Users;

/// <summary>The account request pages as their users see them: the form's messages per field, the decision and the one-time handover.</summary>
public sealed class AccountRequestPageTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await portal.SeededAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<PortalTestContext> ContextAsync(string userName, string role)
    {
        var ctx = new PortalTestContext();
        await ctx.UsePortalAsync(portal, userName, signedInRole: role);
        ctx.Services.AddScoped<AccountRequestQuery>();
        // Approval and handover work through Identity in a scope of the real portal, as they do in the running app.
        ctx.Services.AddScoped(sp => new AccountRequestDesk(sp.GetRequiredService<PortalDb>(), sp.GetRequiredService<ICurrentUser>(),
            portal.Services.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>()));
        ctx.RenderInteractivelyOnServer();
        return ctx;
    }

    [Fact]
    public async Task NewRequest_WrongValues_AreSaidUnderTheirFields_AndNoRequestIsSent()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = await ContextAsync(Kerman, Roles.GeneralOffice);
        var cut = ctx.Render<AccountRequestNew>();
        var dialogs = ctx.Render<MudDialogProvider>();

        cut.Find("input[data-testid=person-name]").Change("رضا رضايي");
        cut.Find("input[data-testid=person-national-id]").Change("۱۲۳۴۵۶۷۸۹۰");
        cut.Find("input[data-testid=person-mobile]").Change("۰۹۱۲");
        cut.Find("[data-testid=account-request-send]").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("رقم کنترل کد ملی درست نیست.", cut.Markup);
            Assert.Contains("شعبه را انتخاب کنید.", cut.Markup);
            Assert.Contains("کاربر شعبه یا مسئول واحد", cut.Markup);
            Assert.Contains("شماره همراه باید به شکل", cut.Markup);
        });
        Assert.Empty(dialogs.FindAll("[data-testid=confirm-message]")); // refused before asking
    }

    [Fact]
    public async Task DisableRequest_WithoutAccountsOrReason_SaysBothUnderTheirFields()
    {
        using var culture = CultureScope.Persian();
        await using var ctx = await ContextAsync(Kerman, Roles.GeneralOffice);
        var cut = ctx.Render<AccountRequestNew>();
        ctx.Render<MudDialogProvider>();

        var radio = cut.Find("[data-testid=kind-disable]");
        (radio.TagName == "INPUT" ? radio : radio.QuerySelector("input")!).Click();
        cut.WaitForElement("[data-testid=disable-accounts]");
        Assert.Empty(cut.FindAll("[data-testid=account-request-person]"));
        cut.Find("[data-testid=account-request-send]").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("دست‌کم یک حساب را برای غیرفعال‌شدن انتخاب کنید.", cut.Markup);
            Assert.Contains("دلیل غیرفعال‌شدن حساب‌ها را بنویسید", cut.Markup);
        });
    }

    [Fact]
    public async Task Registration_Approves_ThenTheGeneralOfficeTakesTheFirstPasswordOnce()
    {
        using var culture = CultureScope.Persian();
        var id = await FileAsync(portal, CreateForm(Person(await BranchIdAsync(portal, "BR-08-01"), name: "زهرا موسوی")));

        await using (var ctx = await ContextAsync(Registration, Roles.RegistrationOffice))
        {
            var cut = ctx.Render<AccountRequestPage>(p => p.Add(x => x.Id, id));
            var dialogs = ctx.Render<MudDialogProvider>();
            cut.WaitForElement("[data-testid=account-request-approve]").Click();
            dialogs.WaitForAssertion(() => Assert.Contains("۱ حساب کاربری ساخته می‌شود", dialogs.Find("[data-testid=confirm-message]").TextContent));
            dialogs.Find("[data-testid=confirm-yes]").Click();
            cut.WaitForAssertion(() => Assert.Equal("تأییدشده", cut.Find("[data-testid=account-request-status]").TextContent.Trim()), TimeSpan.FromSeconds(10));
            Assert.Empty(cut.FindAll("[data-testid=line-hand-over]")); // the approver never sees a password
            Assert.Contains("کارشناس اداره کل نامنویسی", cut.Find("[data-testid=history-decision]").TextContent);
        }

        await using (var ctx = await ContextAsync(Kerman, Roles.GeneralOffice))
        {
            var cut = ctx.Render<AccountRequestPage>(p => p.Add(x => x.Id, id));
            var dialogs = ctx.Render<MudDialogProvider>();
            cut.WaitForElement("[data-testid=line-hand-over]").Click();
            dialogs.WaitForAssertion(() => Assert.Contains("زهرا موسوی", dialogs.Find("[data-testid=confirm-message]").TextContent));
            dialogs.Find("[data-testid=confirm-yes]").Click();
            var password = dialogs.WaitForElement("[data-testid=first-password]", TimeSpan.FromSeconds(10)).TextContent;
            Assert.Equal("این رمز دوباره نمایش داده نمی‌شود.", dialogs.Find("[data-testid=first-password-warning]").TextContent);
            cut.WaitForAssertion(() => Assert.Contains("کارشناس اداره کل کرمان", cut.Find("[data-testid=line-handed-over]").TextContent));
            Assert.Empty(cut.FindAll("[data-testid=line-hand-over]"));

            var line = (await RequestAsync(portal, id)).Lines[0];
            await using var scope = portal.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            Assert.True(await users.CheckPasswordAsync((await users.FindByIdAsync(line.UserId!))!, password));
        }

        await using (var ctx = await ContextAsync(Golestan, Roles.GeneralOffice))
        {
            var cut = ctx.Render<AccountRequestPage>(p => p.Add(x => x.Id, id));
            cut.WaitForElement("[data-testid=account-request-not-found]");
            Assert.DoesNotContain("زهرا موسوی", cut.Markup);
        }
    }
}
