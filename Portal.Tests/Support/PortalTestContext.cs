using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Domain.Data;
using Portal.Domain.Security;
using Portal.Features.Circulars;
using Portal.Hosting;
using Portal.Security;

namespace Portal.Tests.Support;

/// <summary>
/// The one bUnit context of the tests: MudBlazor, the real resx strings and the portal's layout services from the start;
/// <see cref="SignIn"/> adds a user under the real policies, and <see cref="UsePortal"/> a seeded portal's database,
/// file store, clock and loggers as that user, so a page test registers only the services of its own module.
/// </summary>
public sealed class PortalTestContext : BunitContext
{
    public PortalTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddPortalMud();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton<AntiforgeryStateProvider, NoAntiforgery>();
        Services.AddSingleton(new Portal.Features.SignIn.AccountGate(requireTwoFactorForNationalRoles: false));
        // The menu's badges (unread circulars, waiting change notices) count in the database; menu and layout tests are about links, not counts.
        ComponentFactories.AddStub<UnreadCircularsBadge>();
        ComponentFactories.AddStub<Portal.Features.Agencies.ChangeNoticesBadge>();
        // Likewise the monthly reminder (tested on its rule, MonthlyFollowUpTests).
        ComponentFactories.AddStub<Portal.Features.MonthlyStats.MonthlyReminderAlert>();
        // And the notice of failed sign-ins, which reads the session (SignInPagesTests, SessionTests).
        ComponentFactories.AddStub<Portal.Features.Home.FailedSignInsNotice>();
    }

    /// <summary>
    /// Signs <paramref name="user"/> in and evaluates the portal's real <see cref="Policies"/>. bUnit's own
    /// AddAuthorization() fakes policies by name, and its placeholder IAuthorizationService is registered with
    /// Add (so AddAuthorizationCore's TryAdd would not replace it): the real service is registered explicitly.
    /// </summary>
    public PortalTestContext SignIn(ClaimsPrincipal user)
    {
        Services.AddAuthorizationCore(Policies.Add);
        Services.AddTransient<IAuthorizationService, DefaultAuthorizationService>();
        Services.AddSingleton<AuthenticationStateProvider>(new FixedAuthenticationState(user));
        Services.AddCascadingAuthenticationState();
        return this;
    }

    /// <summary>
    /// Signed in as <paramref name="actor"/> (or with <paramref name="signedInRole"/> where a test checks what one role
    /// sees of another's data) on <paramref name="portal"/>'s database, file store and clock.
    /// </summary>
    public PortalTestContext UsePortal(PortalFactory portal, Actor actor, string? signedInRole = null)
    {
        SignIn(User(signedInRole ?? actor.Role));
        Services.AddSingleton(portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>());
        Services.AddSingleton<ICurrentUser>(new ActingAs(actor));
        Services.AddSingleton(portal.Services.GetRequiredService<TimeProvider>());
        Services.AddSingleton(portal.Services.GetRequiredService<Portal.Domain.Common.Files.IFileStore>());
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddScoped<PortalDb>();
        return this;
    }

    /// <summary>
    /// Renders as the portal does, interactively on the server. Call it after the last service is registered:
    /// reaching the renderer builds the service provider, and bUnit then refuses new registrations.
    /// </summary>
    public void RenderInteractivelyOnServer() => Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    public async Task<PortalTestContext> UsePortalAsync(PortalFactory portal, string userName, string? signedInRole = null) =>
        UsePortal(portal, await Acting.ActorAsync(portal, userName), signedInRole);

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
