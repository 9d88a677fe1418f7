using Portal.Documents;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Portal.Components;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Security;
using Portal.Security;
using Portal.Features.Account;
using Portal.Features.Circulars;
using Portal.Features.Agencies;
using Portal.Features.Contracts;
using Portal.Features.Eligibility;
using Portal.Features.MonthlyStats;
using Portal.Features.OffsetFiles;

namespace Portal.Hosting;

public static class PortalApp
{
    public static readonly string[] Cultures = ["fa-IR", "en-US"];

    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UsePortalNetwork();
        // Never a stack trace to a user, in any environment: the error page shows a correlation id, the log has the rest.
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // Other systems get plain status codes from the APIs, not the not-found page (whose form a re-executed POST would fail).
        app.Use((ctx, next) =>
        {
            if ((ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/fhir"))
                && ctx.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
                pages.Enabled = false;
            return next();
        });
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture(Cultures[0]).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        app.UseRequestOrigin();
        app.UseAuthentication();
        // Plain HTTP endpoints read the user through the same auth-state service as the circuit does, and the
        // request's Identity context (used by the sign-in and two-factor pages) audits changes as that user.
        // The general inquiry's API reads neither (its caller is its API key): it skips the scoped services (the hot path, seed 002).
        app.Use((ctx, next) =>
        {
            if (EligibilityLimits.IsGeneralInquiry(ctx.Request.Path)) return next();
            if (ctx.RequestServices.GetRequiredService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider host)
                host.SetAuthenticationState(Task.FromResult(new AuthenticationState(ctx.User)));
            if (ctx.User.Identity?.IsAuthenticated == true)
                ctx.RequestServices.GetRequiredService<PortalDbContext>().ActAs(PortalClaims.ToActor(ctx.User));
            return next();
        });
        app.UseMiddleware<AccountGateMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions()).AllowAnonymous();
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext ctx) =>
        {
            if (!Cultures.Contains(culture)) return Results.BadRequest();
            ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') ? "/" : returnUrl);
        }).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapCircularsEndpoints();
        app.MapAgencyEndpoints();
        app.MapContractsEndpoints();
        app.MapOffsetFilesEndpoints();
        app.MapMonthlyStatsEndpoints();
        app.MapOffsetImportEndpoints();
        app.MapEligibilityEndpoints();
        app.MapInquiryReportEndpoints();
        app.MapPersonalInquiryEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
