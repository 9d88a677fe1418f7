using Portal.Domain.Contracts;

namespace Portal.Features.Contracts;

public static class ContractsModule
{
    public static IServiceCollection AddContracts(this IServiceCollection services)
    {
        services.AddScoped<ContractOffice>();
        services.AddScoped<ContractTemplates>();
        services.AddSingleton<ContractPdf>();
        services.AddSingleton<IContractPdf>(sp => sp.GetRequiredService<ContractPdf>());
        return services;
    }
}
