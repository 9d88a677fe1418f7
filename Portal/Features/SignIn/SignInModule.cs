using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Identity;
using Portal.Domain.Data;
using Portal.Domain.SignIn;
using Portal.Domain.Users;
using Portal.Security;

namespace Portal.Features.SignIn;

public static class SignInModule
{
    /// <summary>Cookies, sessions, Identity, the sign-in limits and (when configured) Entra ID.</summary>
    public static IServiceCollection AddSignIn(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.AddScoped<OwnPassword>();
        services.AddSingleton(AccountGate.From(config, env));
        services.AddAuthentication(o =>
        {
            o.DefaultScheme = IdentityConstants.ApplicationScheme;
            o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        }).AddIdentityCookies();
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "portal.auth";
            SessionCookie.Configure(o, config);
            // Pages send a refused user to the access-denied page; downloads and uploads answer 403 like any HTTP API.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                if (ctx.HttpContext.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
                {
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    // A re-executed status page would answer a POST with the page's own antiforgery 400 instead.
                    if (ctx.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
                }
                else ctx.Response.Redirect(ctx.RedirectUri);
                return Task.CompletedTask;
            };
        });
        // Plain HTTP requests re-check the security stamp as often as open circuits do.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromSeconds(config.GetValue("Auth:RevalidationSeconds", 60));
            SessionCookie.KeepSessionOnRefresh(o);
        });
        services.AddSingleton(new SignInLimits
        {
            MaxFailures = config.GetValue("Auth:SignIn:MaxFailures", 5),
            LockoutMinutes = config.GetValue("Auth:SignIn:LockoutMinutes", 15),
            PerAddressFailures = config.GetValue("Auth:SignIn:PerAddressFailures", 20),
            PerAddressWindowMinutes = config.GetValue("Auth:SignIn:PerAddressWindowMinutes", 15),
            RetentionDays = config.GetValue("Auth:SignIn:RetentionDays", 365),
            AbsoluteLifetimeHours = config.GetValue("Auth:AbsoluteLifetimeHours", 12.0),
        });
        services.AddSingleton<SignInGuard>();
        services.AddScoped<SignInAttemptLog>();
        if (EntraSignIn.IsConfigured(config)) EntraSignIn.Add(services, config);

        services.AddIdentityCore<PortalUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                // Password failures are limited per (name, address) by SignInGuard; Identity's counter on the account now
                // only counts wrong second-step codes, which come after the right password.
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddSignInManager<PortalSignInManager>()
            .AddDefaultTokenProviders();

        return services;
    }
}
