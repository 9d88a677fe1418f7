using Portal.Domain.Contracts;

namespace Portal.Features.Contracts;

public static class ContractsModule
{
    public static IServiceCollection AddContracts(this IServiceCollection services)
    {
        services.AddScoped<ContractQueries>();
        services.AddScoped<ContractDownloads>();
        services.AddScoped<ContractDrafting>();
        services.AddScoped<ContractIssuing>();
        services.AddScoped<ContractBatchIssuing>();
        services.AddScoped<ContractScans>();
        services.AddScoped<ContractInForce>();
        services.AddScoped<ContractVerification>();
        services.AddScoped<ContractTemplates>();
        services.AddSingleton<ContractPdf>();
        services.AddSingleton<IContractPdf>(sp => sp.GetRequiredService<ContractPdf>());
        return services;
    }
}
