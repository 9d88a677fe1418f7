using Portal.Features.Booklets;
using Portal.Documents;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Portal.Components;
using Portal.Domain.Data;
using Portal.Domain.Security;
using Portal.Security;
using Portal.Features.Circulars;
using Portal.Features.Agencies;
using Portal.Features.Contracts;
using Portal.Features.Eligibility;
using Portal.Features.ElectronicFiles;
using Portal.Features.MonthlyStats;
using Portal.Features.OffsetFiles;
using Portal.Features.SignIn;
using Portal.Domain.SignIn;

namespace Portal.Hosting;

public static class PortalApp
{
    public static readonly string[] Cultures = ["fa-IR", "en-US"];

    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UsePortalNetwork();
        // Never a stack trace, a header or a cookie to a client, in any environment: this is the last word on an error the
        // handler below could not answer (its error page failed, say), so the developer exception page the framework puts
        // in front of everything in Development never sees one.
        app.Use(LastResortAsync);
        // Refused input gets its status and a Persian message; other errors the error page, with a correlation id.
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // Other systems get JSON from the APIs (a Persian problem, 413 over the body limit), never a page.
        app.Use(Refusals.ApiAnswersAsync);
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
        // Every endpoint of the portal's own, so that each gets the same checks on what it binds.
        var endpoints = app.MapGroup("").AddEndpointFilterFactory(DefinedValues.Refuse);
        endpoints.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext ctx, IStringLocalizer<Strings> L) =>
        {
            if (!Cultures.Contains(culture)) return Refusals.Result(StatusCodes.Status400BadRequest, L["Request.UnknownCulture"]);
            // A link that would leave the portal is forged, not a user's way back: refused, not quietly sent home.
            if (!string.IsNullOrEmpty(returnUrl) && SignInEndpoints.SafeReturnUrl(returnUrl) == "/" && returnUrl != "/")
                return Refusals.Result(StatusCodes.Status400BadRequest, L["Request.BadReturnUrl"]);
            ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(SignInEndpoints.SafeReturnUrl(returnUrl));
        }).AllowAnonymous();
        endpoints.MapSignInEndpoints();
        endpoints.MapCircularsEndpoints();
        endpoints.MapAgencyEndpoints();
        endpoints.MapContractsEndpoints();
        endpoints.MapOffsetFilesEndpoints();
        endpoints.MapMonthlyStatsEndpoints();
        endpoints.MapOffsetImportEndpoints();
        endpoints.MapEligibilityEndpoints();
        endpoints.MapInquiryReportEndpoints();
        endpoints.MapBookletReportEndpoints();
        endpoints.MapPersonalInquiryEndpoints();
        endpoints.MapElectronicFilesEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static async Task LastResortAsync(HttpContext ctx, RequestDelegate next)
    {
        try
        {
            await next(ctx);
        }
        catch (Exception e) when (!ctx.Response.HasStarted && !ctx.RequestAborted.IsCancellationRequested)
        {
            ctx.RequestServices.GetRequiredService<ILogger<PortalExceptionHandler>>()
                .LogError(e, "Unhandled error {CorrelationId} on {Path}, after the error handler", PortalExceptionHandler.CorrelationId(ctx), ctx.Request.Path);
            ctx.Response.Clear();
            await Refusals.WriteAsync(ctx, e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
        }
    }
}
