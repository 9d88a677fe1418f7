using Portal.Domain.Eligibility;

namespace Portal.Features.Eligibility;

public static class EligibilityModule
{
    public static IServiceCollection AddEligibility(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Eligibility:Policy").Get<EligibilityPolicyOptions>() ?? new());
        services.AddSingleton<EligibilityPolicy>();
        services.AddSingleton<InquiryLog>();
        services.AddHostedService<InquiryLogWriter>();
        services.AddSingleton<InsuredReaders>();
        services.AddSingleton<EligibilityDesk>();
        services.AddSingleton(new InquiryApiKeys.CacheOptions(TimeSpan.FromSeconds(config.GetValue("Eligibility:ApiKeyCacheSeconds", 60.0))));
        services.AddScoped<InquiryApiKeys>();
        services.AddEligibilityLimits(config);
        services.AddScoped<CentreInquiry>();
        services.AddScoped<EligibilityLookup>();
        services.AddScoped<ObjectionDesk>();
        services.AddScoped<InquiryReport>();
        services.AddScoped<InquirySheets>();
        services.AddPersonalInquiry(config);
        return services;
    }
}
