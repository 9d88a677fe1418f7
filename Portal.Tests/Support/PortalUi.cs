using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Portal.Features.Circulars;
using Portal.Hosting;
using Portal.Security;

namespace Portal.Tests.Support;

/// <summary>The services the portal's components need under bUnit: MudBlazor, the real resx strings and the real authorization policies.</summary>
internal static class PortalUi
{
    public static BunitContext AddPortalUi(this BunitContext ctx)
    {
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddPortalMud();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        ctx.Services.AddSingleton<AntiforgeryStateProvider, NoAntiforgery>();
        ctx.Services.AddSingleton(new Portal.Features.SignIn.AccountGate(requireTwoFactorForNationalRoles: false));
        // The menu's badges (unread circulars, waiting change notices) count in the database; menu and layout tests are about links, not counts.
        ctx.ComponentFactories.AddStub<UnreadCircularsBadge>();
        ctx.ComponentFactories.AddStub<Portal.Features.Agencies.ChangeNoticesBadge>();
        // Likewise the monthly reminder (tested on its rule, MonthlyFollowUpTests).
        ctx.ComponentFactories.AddStub<Portal.Features.MonthlyStats.MonthlyReminderAlert>();
        // And the notice of failed sign-ins, which reads the session (SignInPagesTests, SessionTests).
        ctx.ComponentFactories.AddStub<Portal.Features.Home.FailedSignInsNotice>();
        return ctx;
    }

    /// <summary>
    /// Signs <paramref name="user"/> in and evaluates the portal's real <see cref="Policies"/>. bUnit's own
    /// AddAuthorization() fakes policies by name, and its placeholder IAuthorizationService is registered with
    /// Add (so AddAuthorizationCore's TryAdd would not replace it): the real service is registered explicitly.
    /// </summary>
    public static BunitContext SignIn(this BunitContext ctx, ClaimsPrincipal user)
    {
        ctx.Services.AddAuthorizationCore(Policies.Add);
        ctx.Services.AddTransient<IAuthorizationService, DefaultAuthorizationService>();
        ctx.Services.AddSingleton<AuthenticationStateProvider>(new FixedAuthenticationState(user));
        ctx.Services.AddCascadingAuthenticationState();
        return ctx;
    }

    public static ClaimsPrincipal User(string role, string? fullName = null, string? unitName = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "test-user"), new(ClaimTypes.Name, "test.user"), new(ClaimTypes.Role, role) };
        if (fullName is not null) claims.Add(new Claim(PortalClaims.FullName, fullName));
        if (unitName is not null) claims.Add(new Claim(PortalClaims.UnitName, unitName));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "Test"));
    }

    private sealed class FixedAuthenticationState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    private sealed class NoAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
    }
}
