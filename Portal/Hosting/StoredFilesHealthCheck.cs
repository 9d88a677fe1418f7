using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Domain.Common.Files;

namespace Portal.Hosting;

/// <summary>
/// "Unhealthy" while the file store cannot be reached (a bucket gone or refused, a shared folder unmounted): no upload
/// or download works. "Degraded" while the latest integrity check found a stored file changed or missing.
/// </summary>
public sealed class StoredFilesHealthCheck(IFileStore store, FileIntegrity integrity) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        string where;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            where = await store.ProbeAsync(timeout.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Stored files: the file store cannot be reached ({e.GetType().Name}: {e.Message})");
        }
        var latest = await integrity.LatestAsync(cancellationToken);
        return latest switch
        {
            null => HealthCheckResult.Healthy($"Stored files: {where}, not checked yet"),
            { Clean: true } => HealthCheckResult.Healthy($"Stored files: {where}, {latest.FilesChecked} intact at {latest.FinishedAt:u}"),
            _ => HealthCheckResult.Degraded($"Stored files: {where}, {latest.Changed} changed, {latest.Missing} missing at {latest.FinishedAt:u} (see /admin/files)"),
        };
    }
}
