using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sourcing.Web.Health;

/// <summary>Ready when Hangfire's storage answers (it lives in the same PostgreSQL, schema hangfire).</summary>
public sealed class HangfireHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var stats = storage.GetMonitoringApi().GetStatistics();
            return Task.FromResult(HealthCheckResult.Healthy($"{stats.Servers} server(s), {stats.Enqueued} enqueued"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Hangfire storage unreachable", e));
        }
    }
}
