using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor.Services;
using Portal.Demo;
using Portal.Documents;
using Portal.Domain.Common.Files;
using Portal.Domain.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Security;
using Portal.Features.Agencies;
using Portal.Features.Booklets;
using Portal.Features.Audit;
using Portal.Features.Circulars;
using Portal.Features.Contracts;
using Portal.Features.Eligibility;
using Portal.Features.ElectronicFiles;
using Portal.Features.Home;
using Portal.Features.MonthlyStats;
using Portal.Features.NetworkOutages;
using Portal.Features.OffsetFiles;
using Portal.Features.Organisation;
using Portal.Features.Rollout;
using Portal.Features.SignIn;
using Portal.Features.Users;
using Portal.Security;

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
        services.AddMemoryCache();

        services.AddPortalData(config);
        // Keys in the portal's database: cookies stay valid across restarts and on every server behind a balancer.
        services.AddPortalDataProtection(config);
        // Uploaded files live outside wwwroot: only endpoints that check scope can hand them out.
        // One store every server shares, chosen in configuration (Files:Store): a folder or an S3 bucket.
        services.AddFileStore(config, builder.Environment.ContentRootPath);
        services.AddSingleton<FileIntegrity>();
        services.AddScoped<StoredFilesDesk>();
        services.AddDocuments();
        services.AddSingleton<ImportFailures>();
        services.AddSingleton<ScheduledWork>();
        services.AddHostedService<Housekeeping>();
        services.AddHostedService<QuietMemoryReturn>();
        services.AddScoped<OrganisationSeeder>();
        services.AddDemoData();

        services.AddSignIn(config, builder.Environment);
        services.AddUsers();
        services.AddOrganisation();
        services.AddHome();
        services.AddAudit();
        services.AddAgencies();
        services.AddRollout();
        services.AddCirculars();
        services.AddContracts();
        services.AddMonthlyStats(config);
        services.AddOffsetFiles();
        services.AddEligibility(config);
        services.AddElectronicFiles();
        services.AddBooklets(config);
        services.AddNetworkOutages();

        services.AddAuthorization(Policies.Add);
        services.AddRefusals();
        services.AddProblemDetails();
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>().AddCheck<PdfEngineHealthCheck>("pdf")
            .AddCheck<StoredFilesHealthCheck>("files");
        return builder;
    }
}
