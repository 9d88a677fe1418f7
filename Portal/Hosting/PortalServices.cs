using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Security;
using Portal.Domain.Audit;
using Portal.Domain.Circulars;
using Portal.Domain.Contracts;
using Portal.Domain.OffsetFiles;
using Portal.Domain.Eligibility;
using Portal.Domain.Common.Files;
using Portal.Domain.Organisation;
using Portal.Domain.Agencies;
using Portal.Domain.Rollout;
using Portal.Security;
using Portal.Demo;
using Portal.Documents;
using Portal.Features.Agencies;
using Microsoft.AspNetCore.Components.Endpoints;

namespace Portal.Hosting;

public static class PortalServices
{
    /// <summary>MudBlazor with the portal's Persian words and digits for its own strings (pagers, "Select row", pickers).</summary>
    public static IServiceCollection AddPortalMud(this IServiceCollection services)
    {
        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, Portal.Components.Shared.PortalMudLocalizer>();
        return services;
    }

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        builder.AddPortalNetwork();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddPortalMud();
        // Persian text goes out as text, not as &#x...; entities (six times the bytes, unreadable in tests and logs).
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddHttpContextAccessor(); // SignInManager needs it; portal code reads the user from the auth state
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthState>();
        services.AddScoped<ICurrentUser, CurrentUser>();

        services.AddPortalData(config);
        // Keys in the portal's database: cookies stay valid across restarts and on every server behind a balancer.
        services.AddPortalDataProtection(config);
        services.AddScoped<OrganisationSeeder>();
        services.AddDemoData();
        services.AddScoped<UserAdministration>();
        services.AddScoped<OwnPassword>();
        services.AddSingleton(AccountGate.From(config, builder.Environment));
        services.AddScoped<OrganisationOverview>();
        services.AddScoped<Portal.Domain.Home.ToDoList>();
        services.AddScoped<OrganisationDirectory>();
        services.AddScoped<AuditSearch>();
        services.AddScoped<AgencyRegistry>();
        services.AddScoped<AgencySearch>();
        services.AddScoped<AgencyImport>();
        services.AddScoped<AgencySheets>();
        services.AddScoped<MonthlySheets>();
        services.AddScoped<OffsetCollectionSheets>();
        services.AddMemoryCache();
        services.AddSingleton<ImportFailures>();
        services.AddScoped<ChangeNoticeInbox>();
        services.AddScoped<RolloutDashboard>();
        services.AddScoped<RolloutPlanning>();
        services.AddScoped<TrainingPlanner>();
        services.AddScoped<Portal.Features.Agencies.NoticeBadge>();
        services.AddScoped<CircularLibrary>();
        services.AddScoped<ContractOffice>();
        services.AddScoped<ContractTemplates>();
        services.AddScoped<Portal.Domain.MonthlyStats.MonthlyStatsDesk>();
        services.AddScoped<Portal.Domain.MonthlyStats.MonthlyStatsBoard>();
        services.AddScoped<Portal.Domain.MonthlyStats.MonthlyImport>();
        services.AddScoped<Portal.Domain.MonthlyStats.MonthlyReminders>();
        services.AddScoped<Portal.Domain.MonthlyStats.ClaimCategories>();
        services.AddScoped<OffsetDesk>();
        services.AddScoped<OffsetLedger>();
        services.AddScoped<OffsetBoard>();
        services.AddScoped<OffsetLetterVerification>();
        services.AddScoped<OffsetImport>();
        services.AddScoped<OffsetImportSheets>();
        services.AddSingleton(config.GetSection("MonthlyStats").Get<Portal.Domain.MonthlyStats.MonthlyStatsOptions>() ?? new());
        services.AddSingleton<PdfRenderer>();
        services.AddSingleton<PublicLinks>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitOrigin>();
        services.AddSingleton<DocumentPrinter>();
        services.AddSingleton<ContractPdf>();
        services.AddSingleton<IContractPdf>(sp => sp.GetRequiredService<ContractPdf>());
        services.AddSingleton<IOffsetPapers, OffsetPapers>();
        services.AddSingleton(config.GetSection("Eligibility:Policy").Get<EligibilityPolicyOptions>() ?? new());
        services.AddSingleton<EligibilityPolicy>();
        services.AddSingleton<InquiryLog>();
        services.AddHostedService<InquiryLogWriter>();
        services.AddSingleton<InsuredReaders>();
        services.AddSingleton<EligibilityDesk>();
        services.AddScoped<InquiryApiKeys>();
        services.AddEligibilityLimits(config);
        services.AddScoped<CentreInquiry>();
        services.AddScoped<EligibilityLookup>();
        services.AddScoped<ObjectionDesk>();
        services.AddScoped<InquiryReport>();
        services.AddScoped<InquirySheets>();
        services.AddPersonalInquiry(config);
        services.AddHostedService<Housekeeping>();
        // Uploaded files live outside wwwroot: only endpoints that check scope can hand them out.
        services.AddSingleton<IFileStore>(new LocalFileStore(
            Path.Combine(builder.Environment.ContentRootPath, config["Files:Root"] ?? "App_Data/files")));

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

        services.AddAuthorization(Policies.Add);
        services.AddRefusals();
        services.AddProblemDetails();
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>().AddCheck<PdfEngineHealthCheck>("pdf");
        return builder;
    }
}
