using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Domain.Common.Files;

namespace Portal.Hosting;

/// <summary>"Degraded" while the latest integrity check found a stored file changed or missing.</summary>
public sealed class StoredFilesHealthCheck(FileIntegrity integrity) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var latest = await integrity.LatestAsync(cancellationToken);
        return latest switch
        {
            null => HealthCheckResult.Healthy("Stored files: not checked yet"),
            { Clean: true } => HealthCheckResult.Healthy($"Stored files: {latest.FilesChecked} intact at {latest.FinishedAt:u}"),
            _ => HealthCheckResult.Degraded($"Stored files: {latest.Changed} changed, {latest.Missing} missing at {latest.FinishedAt:u} (see /admin/files)"),
        };
    }
}
